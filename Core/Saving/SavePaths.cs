namespace Keras.Saving;

/// <summary>Which file format a path names, by suffix only, as Keras' <c>saving_api</c> decides: <c>.keras</c> is a
/// Keras 3 archive, <c>.weights.h5</c> Keras 3 weights, any other <c>.h5</c> or <c>.hdf5</c> the legacy Keras 2
/// HDF5 format.</summary>
internal static class SavePaths
{
    /// <summary>The suffixes <c>Model.Save</c> and <c>Models.LoadModel</c> accept, for messages.</summary>
    internal const string ModelSuffixes = "\".keras\" (Keras 3 archive), \".h5\" or \".hdf5\" (legacy Keras 2 HDF5)";

    /// <summary>The suffixes <c>Model.SaveWeights</c> and <c>Model.LoadWeights</c> accept, for messages.</summary>
    internal const string WeightsSuffixes =
        "\".weights.h5\" (Keras 3 weights), \".h5\" or \".hdf5\" (legacy Keras 2 HDF5 weights)";

    /// <summary>A Keras 3 <c>.keras</c> archive.</summary>
    internal static bool IsKerasArchive(string path) => path.EndsWith(".keras", StringComparison.Ordinal);

    /// <summary>A TensorFlow.js layers model (<c>model.json</c>; any <c>.json</c> but a <c>.weights.json</c> index).</summary>
    internal static bool IsTfjsModel(string path) => path.EndsWith(".json", StringComparison.Ordinal) &&
        !path.EndsWith(".weights.json", StringComparison.Ordinal);

    /// <summary>A Keras 3 weights file (<c>.weights.h5</c>).</summary>
    internal static bool IsKerasWeights(string path) => path.EndsWith(".weights.h5", StringComparison.Ordinal);

    /// <summary>A legacy Keras 2 HDF5 file: <c>.h5</c> or <c>.hdf5</c>, but not <c>.weights.h5</c>.</summary>
    internal static bool IsLegacyH5(string path) => !IsKerasWeights(path) &&
        (path.EndsWith(".h5", StringComparison.Ordinal) || path.EndsWith(".hdf5", StringComparison.Ordinal));
}
