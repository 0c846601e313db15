namespace Keras.Losses;

/// <summary>Cross-entropy between integer labels and predicted class probabilities or logits
/// (<c>keras.losses.SparseCategoricalCrossentropy</c>); for one-hot labels use <see
/// cref="CategoricalCrossentropy"/>.</summary>
/// <remarks>Labels have the predictions' shape without the class axis (or with a last axis of 1). Samples labelled <see
/// cref="IgnoreClass"/> get zero loss and are left out of the <c>"sum_over_batch_size"</c> divisor, as Keras.</remarks>
/// <example><code>
/// model.Compile(optimizer: "adam", loss: new SparseCategoricalCrossentropy(fromLogits: true));
/// var segmentation = new SparseCategoricalCrossentropy(ignoreClass: 255);
/// </code></example>
public sealed class SparseCategoricalCrossentropy : Loss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="fromLogits">Whether predictions are logits rather than probabilities. Defaults to false.</param>
    /// <param name="ignoreClass">A label value whose samples contribute no loss. Defaults to none.</param>
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

    /// <inheritdoc />
    protected override Tensor? ComputeMask(Tensor yTrue, Tensor yPred)
    {
        if (IgnoreClass is not int ignored)
        {
            return null;
        }
        var labels = yTrue.dim() == yPred.dim() && yTrue.dim() > 0 && yTrue.shape[^1] == 1 ? yTrue.squeeze(-1) : yTrue;
        return labels.ne(ignored);
    }
}
