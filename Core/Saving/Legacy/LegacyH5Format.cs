namespace Keras.Saving.Legacy;

/// <summary>The conventions of Keras 2's HDF5 files shared by the writer and the loaders (keras-formats.md
/// §1).</summary>
internal static class LegacyH5Format
{
    /// <summary>The <c>keras_version</c> written: a 2.x version, so that tf-keras and TensorFlow.js (which rejects
    /// anything not starting with "2") read the file as the Keras 2 layout it is; Keras 3 accepts any value.</summary>
    internal const string KerasVersion = "2.15.0";

    /// <summary>The <c>backend</c> written, as tf-keras writes it.</summary>
    internal const string Backend = "tensorflow";

    /// <summary>The group of weights owned by the model object itself (not by a layer).</summary>
    internal const string TopLevelGroup = "top_level_model_weights";

    /// <summary>A layer's weights in legacy order: trainable then non-trainable (so frozen weights and BatchNorm
    /// statistics come last), sublayers' weights flattened into the list.</summary>
    internal static IReadOnlyList<Variable> LegacyWeights(Layer layer) =>
        Distinct([.. layer.TrainableWeights, .. layer.NonTrainableWeights]);

    /// <summary>The weights of the model object itself: those not reached through <see cref="Model.Layers"/>.</summary>
    internal static IReadOnlyList<Variable> TopLevelWeights(Model model)
    {
        var inLayers = new HashSet<Variable>(model.Layers.SelectMany(LegacyWeights), ReferenceEqualityComparer.Instance);
        return LegacyWeights(model).Where(v => !inLayers.Contains(v)).ToList();
    }

    /// <summary>The weight name written to <c>weight_names</c> and used as the dataset path: tf-keras' TensorFlow
    /// variable name, <c>dense/kernel:0</c>.</summary>
    internal static string WeightName(Variable variable) => $"{variable.Path}:0";

    /// <summary>Describes a weight for messages: <c>layer "dense_1" weight 0 ("kernel")</c>.</summary>
    internal static string Describe(string layerName, int index, Variable variable) =>
        $"layer \"{layerName}\" weight {index} (\"{variable.Name}\")";

    // A layer shared inside a nested model lists its weights once.
    private static List<Variable> Distinct(IEnumerable<Variable> weights)
    {
        var seen = new HashSet<Variable>(ReferenceEqualityComparer.Instance);
        return weights.Where(seen.Add).ToList();
    }
}
