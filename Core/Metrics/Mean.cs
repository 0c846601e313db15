namespace Keras.Metrics;

/// <summary>The weighted mean of the values given to it (<c>keras.metrics.Mean</c>); the engine's loss tracker is one.</summary>
/// <example><code>
/// var mean = new Mean();
/// mean.UpdateState(Ops.Constant([1f, 3f, 5f, 7f]));
/// double value = mean.Result();   // 4
/// </code></example>
public sealed class Mean : Metric
{
    private readonly Variable _total;
    private readonly Variable _count;

    /// <summary>Creates the metric.</summary>
    /// <param name="name">The name. Defaults to <c>"mean"</c>.</param>
    /// <param name="dtype">The state dtype. Defaults to <c>"float32"</c>.</param>
    public Mean(string name = "mean", string dtype = "float32") : base(name, dtype)
    {
        _total = AddState("total", []);
        _count = AddState("count", []);
    }

    /// <summary>Adds values (any shape), each weighted by <paramref name="sampleWeight"/> when given.</summary>
    /// <param name="values">The values.</param>
    /// <param name="sampleWeight">Optional weights broadcastable to <paramref name="values"/>.</param>
    public void UpdateState(Tensor values, Tensor? sampleWeight = null)
    {
        using var scope = Backend.KerasBackend.Current.MemoryScope();
        using var noGrad = Ops.NoGrad();
        var v = values.detach().to_type(_total.Value.dtype);
        if (sampleWeight is null)
        {
            _total.Value.add_(v.sum());
            _count.Value.add_(v.numel());
            return;
        }
        var w = sampleWeight.to_type(v.dtype);
        while (w.dim() < v.dim())
        {
            w = w.unsqueeze(-1);
        }
        var expanded = w.expand_as(v);
        _total.Value.add_((v * expanded).sum());
        _count.Value.add_(expanded.sum());
    }

    /// <summary>Adds one value with a scalar weight (the loss tracker adds each batch's loss weighted by its size).</summary>
    /// <param name="value">A 0-d tensor.</param>
    /// <param name="weight">The weight.</param>
    public void UpdateState(Tensor value, double weight)
    {
        using var noGrad = Ops.NoGrad();
        _total.Value.add_(value.detach(), weight);
        _count.Value.add_(weight);
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
    public override double Result()
    {
        double count = _count.Value.item<float>();
        return count == 0 ? 0.0 : _total.Value.item<float>() / count;
    }
}
