namespace Keras.Metrics;

/// <summary>The precision of the predictions, <c>tp / (tp + fp)</c> (<c>keras.metrics.Precision</c>).</summary>
/// <remarks>A prediction is positive when it is above the threshold (0.5 by default; use 0 for logits) and a label
/// when it is non-zero. With <see cref="TopK"/>, only each row's top-k predictions can be positive (and, without
/// explicit thresholds, all of them are); with <see cref="ClassId"/>, only that column of labels and predictions is
/// counted. With several thresholds, <see cref="ResultPerThreshold"/> gives one value per threshold.</remarks>
/// <example><code>
/// var m = new Precision();
/// m.UpdateState(Ops.Constant([0f, 1f, 1f, 1f]), Ops.Constant([1f, 0f, 1f, 1f]));
/// double value = m.Result();   // 0.6667
/// </code></example>
public sealed class Precision : Metric
{
    private readonly object? _initThresholds;
    private readonly MetricThresholds _thresholds;
    private readonly Variable _truePositives;
    private readonly Variable _falsePositives;

    /// <summary>Creates the metric.</summary>
    /// <param name="thresholds">Thresholds in [0, 1], one result per threshold. Defaults to 0.5, or to "all top-k
    /// predictions are positive" when <paramref name="topK"/> is set.</param>
    /// <param name="topK">Only the top-k predictions of each row count as positive. Defaults to unset.</param>
    /// <param name="classId">Only this class (last-axis column) is counted. Defaults to unset.</param>
    /// <param name="name">The name. Defaults to <c>"precision"</c>.</param>
    /// <param name="dtype">The state dtype. Defaults to <c>"float32"</c>.</param>
    /// <exception cref="ArgumentException">A threshold is outside [0, 1], or <paramref name="topK"/> or
    /// <paramref name="classId"/> is out of range.</exception>
    public Precision(double[]? thresholds = null, int? topK = null, int? classId = null, string name = "precision",
        string dtype = "float32") : this(thresholds, thresholds?.Clone(), topK, classId, name, dtype)
    {
    }

    /// <summary>Creates the metric with one threshold.</summary>
    /// <param name="thresholds">The threshold, in [0, 1] (0 for logits).</param>
    /// <param name="topK">Only the top-k predictions of each row count as positive. Defaults to unset.</param>
    /// <param name="classId">Only this class (last-axis column) is counted. Defaults to unset.</param>
    /// <param name="name">The name. Defaults to <c>"precision"</c>.</param>
    /// <param name="dtype">The state dtype. Defaults to <c>"float32"</c>.</param>
    /// <exception cref="ArgumentException">The threshold is outside [0, 1], or <paramref name="topK"/> or
    /// <paramref name="classId"/> is out of range.</exception>
    public Precision(double thresholds, int? topK = null, int? classId = null, string name = "precision",
        string dtype = "float32") : this([thresholds], thresholds, topK, classId, name, dtype)
    {
    }

    private Precision(double[]? thresholds, object? init, int? topK, int? classId, string name, string dtype)
        : base(name, dtype)
    {
        MetricsUtils.ValidateTopKAndClassId(topK, classId);
        var values = MetricThresholds.Parse(thresholds, topK is null ? 0.5 : MetricThresholds.NegInf);
        _initThresholds = init;
        TopK = topK;
        ClassId = classId;
        _thresholds = new MetricThresholds(values, dtype, MetricThresholds.IsEvenlyDistributed(values));
        _truePositives = AddState("true_positives", [values.Length]);
        _falsePositives = AddState("false_positives", [values.Length]);
    }

    /// <summary>The thresholds in use.</summary>
    public IReadOnlyList<double> Thresholds => _thresholds.Values;

    /// <summary>Only the top-k predictions of each row count as positive, when set.</summary>
    public int? TopK { get; }

    /// <summary>The only class counted, when set.</summary>
    public int? ClassId { get; }

    /// <summary>Accumulates true and false positives.</summary>
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
        ConfusionMatrix.Update(new ConfusionVariables(_truePositives, _falsePositives, null, null),
            yTrue, yPred, _thresholds, sampleWeight, Name, TopK, ClassId);
    }

    /// <summary>The precision (0 when nothing was predicted positive).</summary>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidOperationException">The metric has several thresholds; use
    /// <see cref="ResultPerThreshold"/>.</exception>
    public override double Result()
    {
        using var scope = Backend.KerasBackend.Current.MemoryScope();
        return MetricsUtils.SingleThresholdResult(PerThreshold(), Name, nameof(Precision));
    }

    /// <summary>The precision at each threshold, in <see cref="Thresholds"/> order.</summary>
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

    private Tensor PerThreshold() =>
        Ops.DivideNoNan(_truePositives.Value, _truePositives.Value + _falsePositives.Value);
}
