namespace Keras.Losses;

/// <summary>Cross-entropy between integer labels and predicted class probabilities or logits
/// (<c>keras.losses.SparseCategoricalCrossentropy</c>).</summary>
/// <example><code>
/// model.Compile(optimizer: "adam", loss: new SparseCategoricalCrossentropy(fromLogits: true));
/// </code></example>
public sealed class SparseCategoricalCrossentropy : Loss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="fromLogits">Whether predictions are logits rather than probabilities. Defaults to false.</param>
    /// <param name="ignoreClass">A label value whose samples contribute zero loss, if any.</param>
    /// <param name="reduction">The reduction. Defaults to <c>"sum_over_batch_size"</c>.</param>
    /// <param name="name">The name. Defaults to <c>"sparse_categorical_crossentropy"</c>.</param>
    public SparseCategoricalCrossentropy(bool fromLogits = false, int? ignoreClass = null,
        string reduction = "sum_over_batch_size", string name = "sparse_categorical_crossentropy")
        : base(name, reduction)
    {
        FromLogits = fromLogits;
        IgnoreClass = ignoreClass;
    }

    /// <summary>Whether predictions are logits.</summary>
    public bool FromLogits { get; }

    /// <summary>The ignored label value, if any.</summary>
    public int? IgnoreClass { get; }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["from_logits"] = FromLogits;
        config["ignore_class"] = IgnoreClass;
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor yTrue, Tensor yPred) =>
        Ops.SparseCategoricalCrossentropy(yTrue, yPred, FromLogits, IgnoreClass);
}
