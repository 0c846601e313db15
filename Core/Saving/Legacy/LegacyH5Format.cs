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

    /// <summary>The weight names written to <c>weight_names</c> (and used as dataset paths) for
    /// <paramref name="weights"/> of <paramref name="layer"/>: tf-keras' TensorFlow variable names, from the name
    /// scopes of the layers that own them: <c>dense/kernel:0</c>, <c>lstm/lstm_cell/kernel:0</c>,
    /// <c>bidirectional/forward_lstm/lstm_cell/kernel:0</c>; a nested model's layers open their own scope
    /// (<c>enc_1/kernel:0</c>).</summary>
    internal static IReadOnlyList<string> WeightNames(Layer layer, IReadOnlyList<Variable> weights)
    {
        var scopes = new Dictionary<Variable, string>(ReferenceEqualityComparer.Instance);
        AddScopes(layer, layer.Name, scopes);
        return weights.Select(w => $"{scopes.GetValueOrDefault(w, w.Path)}:0").ToList();
    }

    /// <summary>Describes a weight for messages: <c>layer "dense_1" weight 0 ("kernel")</c>.</summary>
    internal static string Describe(string layerName, int index, Variable variable) =>
        $"layer \"{layerName}\" weight {index} (\"{variable.Name}\")";

    private static void AddScopes(Layer layer, string prefix, Dictionary<Variable, string> scopes)
    {
        var inSublayers = new HashSet<Variable>(layer.Sublayers.SelectMany(l => l.Weights),
            ReferenceEqualityComparer.Instance);
        foreach (var own in layer.Weights.Where(w => !inSublayers.Contains(w)))
        {
            scopes.TryAdd(own, $"{prefix}/{own.Name}");
        }
        foreach (var sublayer in layer.Sublayers)
        {
            AddScopes(sublayer, layer is Model ? sublayer.Name : $"{prefix}/{sublayer.Name}", scopes);
        }
    }

    // A layer shared inside a nested model lists its weights once.
    private static List<Variable> Distinct(IEnumerable<Variable> weights)
    {
        var seen = new HashSet<Variable>(ReferenceEqualityComparer.Instance);
        return weights.Where(seen.Add).ToList();
    }
}
