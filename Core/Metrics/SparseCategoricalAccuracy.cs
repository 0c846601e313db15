namespace Keras.Metrics;

/// <summary>How often the arg-max prediction equals the integer label (<c>keras.metrics.SparseCategoricalAccuracy</c>).</summary>
/// <example><code>model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy", metrics: [new SparseCategoricalAccuracy()]);</code></example>
public sealed class SparseCategoricalAccuracy : Metric
{
    private readonly Variable _total;
    private readonly Variable _count;

    /// <summary>Creates the metric.</summary>
    /// <param name="name">The name. Defaults to <c>"sparse_categorical_accuracy"</c>.</param>
    public SparseCategoricalAccuracy(string name = "sparse_categorical_accuracy") : base(name)
    {
        _total = AddState("total", []);
        _count = AddState("count", []);
    }

    /// <inheritdoc />
    public override void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null)
    {
        using var scope = Backend.KerasBackend.Current.MemoryScope();
        using var noGrad = Ops.NoGrad();
        var labels = yTrue.dim() == yPred.dim() && yTrue.shape[^1] == 1 ? yTrue.squeeze(-1) : yTrue;
        var matches = Ops.ArgMax(yPred, -1).eq(labels.to_type(TorchSharp.torch.ScalarType.Int64)).to_type(_total.Value.dtype);
        if (sampleWeight is null)
        {
            _total.Value.add_(matches.sum());
            _count.Value.add_(matches.numel());
        }
        else
        {
            var w = sampleWeight.to_type(matches.dtype).reshape(matches.shape);
            _total.Value.add_((matches * w).sum());
            _count.Value.add_(w.sum());
        }
    }

    /// <inheritdoc />
    public override double Result()
    {
        double count = _count.Value.item<float>();
        return count == 0 ? 0.0 : _total.Value.item<float>() / count;
    }
}
