namespace Keras.Metrics;

/// <summary>The shared machinery of <see cref="Precision"/> and <see cref="Recall"/>: thresholds, top-k, class id, and
/// <c>tp / (tp + other)</c> where <c>other</c> is false positives (precision) or false negatives (recall).</summary>
/// <example><code>
/// ConfusionRateMetric m = new Precision(thresholds: [0.3, 0.7]);
/// double[] perThreshold = m.ResultPerThreshold();
/// </code></example>
public abstract class ConfusionRateMetric : Metric
{
    private readonly object? _initThresholds;
    private readonly MetricThresholds _thresholds;
    private readonly Variable _truePositives;
    private readonly Variable _other;
    private readonly bool _otherIsFalsePositives;

    private protected ConfusionRateMetric(double[]? thresholds, object? init, int? topK, int? classId, string name,
        string dtype, bool otherIsFalsePositives) : base(name, dtype)
    {
        MetricsUtils.ValidateTopKAndClassId(topK, classId);
        var values = MetricThresholds.Parse(thresholds, topK is null ? 0.5 : MetricThresholds.NegInf);
        _initThresholds = init;
        TopK = topK;
        ClassId = classId;
        _otherIsFalsePositives = otherIsFalsePositives;
        _thresholds = new MetricThresholds(values, dtype, MetricThresholds.IsEvenlyDistributed(values));
        _truePositives = AddState("true_positives", [values.Length]);
        _other = AddState(otherIsFalsePositives ? "false_positives" : "false_negatives", [values.Length]);
    }

    /// <summary>The thresholds in use.</summary>
    public IReadOnlyList<double> Thresholds => _thresholds.Values;

    /// <summary>Only the top-k predictions of each row count as positive, when set.</summary>
    public int? TopK { get; }

    /// <summary>The only class counted, when set.</summary>
    public int? ClassId { get; }

    /// <summary>Accumulates the confusion counts.</summary>
    /// <param name="yTrue">Labels with the shape of <paramref name="yPred"/>; non-zero is positive.</param>
    /// <param name="yPred">Predictions, usually probabilities in [0, 1].</param>
    /// <param name="sampleWeight">Optional weights, one per sample or one per prediction.</param>
    /// <exception cref="ArgumentException">The shapes do not match, or <see cref="TopK"/>/<see cref="ClassId"/> do
    /// not fit <paramref name="yPred"/>.</exception>
    public override void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        using var scope = Backend.KerasBackend.Current.MemoryScope();
        using var noGrad = Ops.NoGrad();
        var variables = _otherIsFalsePositives
            ? new ConfusionVariables(_truePositives, _other, null, null)
            : new ConfusionVariables(_truePositives, null, null, _other);
        ConfusionMatrix.Update(variables, yTrue, yPred, _thresholds, sampleWeight, Name, TopK, ClassId);
    }

    /// <summary>The value (0 when the denominator is 0).</summary>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidOperationException">The metric has several thresholds; use
    /// <see cref="ResultPerThreshold"/>.</exception>
    public override double Result()
    {
        using var scope = Backend.KerasBackend.Current.MemoryScope();
        return MetricsUtils.SingleThresholdResult(PerThreshold(), Name, GetType().Name);
    }

    /// <summary>The value at each threshold, in <see cref="Thresholds"/> order.</summary>
    /// <returns>One value per threshold.</returns>
    public double[] ResultPerThreshold()
    {
        using var scope = Backend.KerasBackend.Current.MemoryScope();
        return MetricsUtils.ReadDoubles(PerThreshold());
    }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["thresholds"] = _initThresholds;
        config["top_k"] = TopK;
        config["class_id"] = ClassId;
        return config;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _thresholds.Dispose();
        }
        base.Dispose(disposing);
    }

    private Tensor PerThreshold() => Ops.DivideNoNan(_truePositives.Value, _truePositives.Value + _other.Value);
}
