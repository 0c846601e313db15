namespace Keras.Losses;

/// <summary>Cross-entropy between binary (0 or 1) targets and predicted probabilities or logits
/// (<c>keras.losses.BinaryCrossentropy</c>), averaged over <see cref="Axis"/>.</summary>
/// <remarks>Probabilities are clipped to <c>[1e-7, 1 - 1e-7]</c> before the log; prefer <c>fromLogits: true</c> with a
/// linear output layer, which uses the numerically stable logits formula.</remarks>
/// <example><code>
/// model.Compile(optimizer: "adam", loss: new BinaryCrossentropy(fromLogits: true));
/// Tensor value = new BinaryCrossentropy(labelSmoothing: 0.1).Call(labels, probabilities);
/// </code></example>
public sealed class BinaryCrossentropy : Loss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="fromLogits">Whether predictions are logits rather than probabilities. Defaults to false.</param>
    /// <param name="labelSmoothing">In <c>[0, 1]</c>; targets become <c>y * (1 - ls) + 0.5 * ls</c>. Defaults to
    /// 0.</param>
    /// <param name="axis">The axis the elementwise losses are averaged over. Defaults to -1.</param>
    /// <param name="reduction">The reduction. Defaults to <c>"sum_over_batch_size"</c>.</param>
    /// <param name="name">The name. Defaults to <c>"binary_crossentropy"</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="labelSmoothing"/> is outside <c>[0,
    /// 1]</c>.</exception>
    public BinaryCrossentropy(bool fromLogits = false, double labelSmoothing = 0.0, int axis = -1,
        string reduction = "sum_over_batch_size", string name = "binary_crossentropy")
        : base(name, reduction)
    {
        LossArguments.CheckLabelSmoothing(labelSmoothing, nameof(BinaryCrossentropy));
        FromLogits = fromLogits;
        LabelSmoothing = labelSmoothing;
        Axis = axis;
    }

    /// <summary>Whether predictions are logits.</summary>
    public bool FromLogits { get; }

    /// <summary>The label smoothing factor.</summary>
    public double LabelSmoothing { get; }

    /// <summary>The axis the elementwise losses are averaged over.</summary>
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
        Ops.BinaryCrossentropy(yTrue, yPred, FromLogits, LabelSmoothing, Axis);
}
