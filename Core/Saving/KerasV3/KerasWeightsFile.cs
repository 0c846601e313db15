using Keras.Saving.Hdf5;

namespace Keras.Saving.KerasV3;

/// <summary>Keras 3 weights files: <c>model.SaveWeights("w.weights.h5")</c> and <c>model.LoadWeights(...)</c> of a
/// <c>.weights.h5</c> or a <c>.keras</c> (keras-formats.md §2.5).</summary>
internal static class KerasWeightsFile
{
    /// <summary>The suffix Keras requires of a Keras 3 weights file.</summary>
    public const string Suffix = ".weights.h5";

    /// <summary>Writes <paramref name="model"/>'s weights (and its built optimizer's state) atomically.</summary>
    public static void Save(Model model, string path)
    {
        using var buffer = new MemoryStream();
        WeightsFileWriter.Write(model, buffer);
        AtomicFile.Write(path, stream => buffer.CopyTo(stream));
    }

    /// <summary>Loads weights from a <c>.weights.h5</c> file, or from the <c>model.weights.h5</c> of a
    /// <c>.keras</c> archive.</summary>
    /// <returns>The warnings for what <paramref name="skipMismatch"/> skipped.</returns>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="KerasFileException">The file is unreadable, or the weights do not fit and
    /// <paramref name="skipMismatch"/> is false.</exception>
    public static IReadOnlyList<string> Load(Model model, string path, bool skipMismatch)
    {
        if (SavePaths.IsKerasArchive(path))
        {
            return KerasArchive.LoadWeights(path, model, skipMismatch);
        }
        using var file = Hdf5Files.OpenRead(path);
        return WeightsFileReader.Load(file, model, path, skipMismatch);
    }
}
