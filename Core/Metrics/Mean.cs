namespace Keras.Metrics;

/// <summary>The weighted mean of the values given to it (<c>keras.metrics.Mean</c>); the engine's loss tracker is
/// one.</summary>
/// <remarks>Values of rank above 1 are first averaged per sample, so the count is the number of samples (or their
/// total weight), as in Keras.</remarks>
/// <example><code>
/// var mean = new Mean();
/// mean.UpdateState(Ops.Constant([1f, 3f, 5f, 7f]));
/// double value = mean.Result();   // 4
/// </code></example>
public sealed class Mean : Metric
{
    private readonly MeanAccumulator _mean;

    /// <summary>Creates the metric.</summary>
    /// <param name="name">The name. Defaults to <c>"mean"</c>.</param>
    /// <param name="dtype">The state dtype. Defaults to <c>"float32"</c>.</param>
    public Mean(string name = "mean", string dtype = "float32") : base(name, dtype)
    {
        _mean = new MeanAccumulator(AddState("total", []), AddState("count", []), name);
    }

    /// <summary>Adds values (any shape), each weighted by <paramref name="sampleWeight"/> when given.</summary>
    /// <param name="values">The values.</param>
    /// <param name="sampleWeight">Optional weights broadcastable to <paramref name="values"/> (after Keras' squeeze
    /// or expand of a last axis of 1).</param>
    /// <exception cref="ArgumentException"><paramref name="sampleWeight"/> does not broadcast to the
    /// values.</exception>
    public void UpdateState(Tensor values, Tensor? sampleWeight = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        _mean.Add(values, sampleWeight);
    }

    /// <summary>Adds one value with a scalar weight (the loss tracker adds each batch's loss weighted by its
    /// size).</summary>
    /// <param name="value">A 0-d tensor.</param>
    /// <param name="weight">The weight.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not 0-d.</exception>
    public void UpdateState(Tensor value, double weight)
    {
        ArgumentNullException.ThrowIfNull(value);
        _mean.Add(value, weight);
    }

    /// <summary>Not meaningful for <see cref="Mean"/>, which averages values rather than comparing targets and
    /// predictions; use <see cref="UpdateState(Tensor, Tensor?)"/>.</summary>
    /// <param name="yTrue">Unused.</param>
    /// <param name="yPred">Unused.</param>
    /// <param name="sampleWeight">Unused.</param>
    /// <exception cref="InvalidOperationException">Always.</exception>
    public override void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null) =>
        throw new InvalidOperationException(
            $"Metric \"{Name}\" (Mean) averages values: call UpdateState(values, sampleWeight), not (yTrue, yPred).");

    /// <inheritdoc />
    public override double Result() => _mean.Result();
}
