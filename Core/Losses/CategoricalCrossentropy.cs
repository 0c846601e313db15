namespace Keras.Losses;

/// <summary>Cross-entropy between one-hot targets and predicted class probabilities or logits
/// (<c>keras.losses.CategoricalCrossentropy</c>); for integer labels use <see
/// cref="SparseCategoricalCrossentropy"/>.</summary>
/// <remarks>Probabilities are divided by their sum along <see cref="Axis"/> and clipped to <c>[1e-7, 1 - 1e-7]</c>
/// before the log; logits go through a log-softmax.</remarks>
/// <example><code>
/// model.Compile(optimizer: "adam", loss: new CategoricalCrossentropy(fromLogits: true, labelSmoothing: 0.1));
/// </code></example>
public sealed class CategoricalCrossentropy : Loss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="fromLogits">Whether predictions are logits rather than probabilities. Defaults to false.</param>
    /// <param name="labelSmoothing">In <c>[0, 1]</c>; targets become <c>y * (1 - ls) + ls / num_classes</c>. Defaults
    /// to 0.</param>
    /// <param name="axis">The class axis. Defaults to -1.</param>
    /// <param name="reduction">The reduction. Defaults to <c>"sum_over_batch_size"</c>.</param>
    /// <param name="name">The name. Defaults to <c>"categorical_crossentropy"</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="labelSmoothing"/> is outside <c>[0,
    /// 1]</c>.</exception>
    public CategoricalCrossentropy(bool fromLogits = false, double labelSmoothing = 0.0, int axis = -1,
        string reduction = "sum_over_batch_size", string name = "categorical_crossentropy")
        : base(name, reduction)
    {
        LossArguments.CheckLabelSmoothing(labelSmoothing, nameof(CategoricalCrossentropy));
        FromLogits = fromLogits;
        LabelSmoothing = labelSmoothing;
        Axis = axis;
    }

    /// <summary>Whether predictions are logits.</summary>
    public bool FromLogits { get; }

    /// <summary>The label smoothing factor.</summary>
    public double LabelSmoothing { get; }

    /// <summary>The class axis.</summary>
    public int Axis { get; }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["from_logits"] = FromLogits;
        config["label_smoothing"] = LabelSmoothing;
        config["axis"] = Axis;
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor yTrue, Tensor yPred) =>
        Ops.CategoricalCrossentropy(yTrue, yPred, FromLogits, LabelSmoothing, Axis);
}
