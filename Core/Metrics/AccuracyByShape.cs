namespace Keras.Metrics;

/// <summary>The metric behind the strings <c>"accuracy"</c> and <c>"acc"</c>: on the first update it becomes
/// <see cref="BinaryAccuracy"/>, <see cref="SparseCategoricalAccuracy"/> or <see cref="CategoricalAccuracy"/> from
/// the shapes, exactly as Keras' <c>compile_utils.get_metric</c>, and keeps the name it was given.</summary>
/// <remarks>Binary when the last axis of <c>y_pred</c> is 1; sparse categorical when <c>y_true</c> has a lower
/// rank than <c>y_pred</c>, or a last axis of 1 while <c>y_pred</c>'s is larger; categorical otherwise.</remarks>
internal sealed class AccuracyByShape : Metric
{
    private Metric? _inner;

    internal AccuracyByShape(string name) : base(name)
    {
    }

    /// <summary>The resolved metric, once the first batch was seen.</summary>
    internal Metric? Inner => _inner;

    /// <inheritdoc />
    public override IReadOnlyList<Variable> Variables => _inner?.Variables ?? [];

    /// <inheritdoc />
    public override void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        _inner ??= Resolve(yTrue, yPred, Name);
        _inner.UpdateState(yTrue, yPred, sampleWeight);
    }

    /// <inheritdoc />
    public override double Result() => _inner?.Result() ?? 0.0;

    /// <inheritdoc />
    public override void ResetState() => _inner?.ResetState();

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => _inner?.GetConfig() ?? base.GetConfig();

    /// <inheritdoc />
    public override string ToString() =>
        _inner is null ? $"<accuracy name={Name} (resolved at the first update)>" : _inner.ToString();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner?.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <summary>Keras' <c>is_binary_or_sparse_categorical</c> and the choice in <c>get_metric</c>.</summary>
    private static Metric Resolve(Tensor yTrue, Tensor yPred, string name)
    {
        MetricsUtils.RequireRank(yTrue, "y_true", name);
        MetricsUtils.RequireRank(yPred, "y_pred", name);
        long trueLast = yTrue.shape[^1];
        long predLast = yPred.shape[^1];
        bool isBinary = predLast == 1;
        bool isSparseCategorical = yTrue.dim() < yPred.dim() || (trueLast == 1 && predLast > 1);
        if (isBinary)
        {
            return new BinaryAccuracy(name);
        }
        return isSparseCategorical ? new SparseCategoricalAccuracy(name) : new CategoricalAccuracy(name);
    }
}
