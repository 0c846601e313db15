namespace Keras.Metrics;

/// <summary>The recall of the predictions, <c>tp / (tp + fn)</c> (<c>keras.metrics.Recall</c>).</summary>
/// <remarks>A prediction is positive when it is above the threshold (0.5 by default; use 0 for logits) and a label
/// when it is non-zero. With <see cref="ConfusionRateMetric.TopK"/>, only each row's top-k predictions can be positive (and, without
/// explicit thresholds, all of them are); with <see cref="ConfusionRateMetric.ClassId"/>, only that column of labels and predictions is
/// counted. With several thresholds, <see cref="ConfusionRateMetric.ResultPerThreshold"/> gives one value per threshold.</remarks>
/// <example><code>
/// var m = new Recall();
/// m.UpdateState(Ops.Constant([0f, 1f, 1f, 1f]), Ops.Constant([1f, 0f, 1f, 1f]));
/// double value = m.Result();   // 0.6667
/// </code></example>
public sealed class Recall : ConfusionRateMetric
{
    /// <summary>Creates the metric.</summary>
    /// <param name="thresholds">Thresholds in [0, 1], one result per threshold. Defaults to 0.5, or to "all top-k
    /// predictions are positive" when <paramref name="topK"/> is set.</param>
    /// <param name="topK">Only the top-k predictions of each row count as positive. Defaults to unset.</param>
    /// <param name="classId">Only this class (last-axis column) is counted. Defaults to unset.</param>
    /// <param name="name">The name. Defaults to <c>"recall"</c>.</param>
    /// <param name="dtype">The state dtype. Defaults to <c>"float32"</c>.</param>
    /// <exception cref="ArgumentException">A threshold is outside [0, 1], or <paramref name="topK"/> or
    /// <paramref name="classId"/> is out of range.</exception>
    public Recall(double[]? thresholds = null, int? topK = null, int? classId = null, string name = "recall",
        string dtype = "float32") : this(thresholds, thresholds?.Clone(), topK, classId, name, dtype)
    {
    }

    /// <summary>Creates the metric with one threshold.</summary>
    /// <param name="thresholds">The threshold, in [0, 1] (0 for logits).</param>
    /// <param name="topK">Only the top-k predictions of each row count as positive. Defaults to unset.</param>
    /// <param name="classId">Only this class (last-axis column) is counted. Defaults to unset.</param>
    /// <param name="name">The name. Defaults to <c>"recall"</c>.</param>
    /// <param name="dtype">The state dtype. Defaults to <c>"float32"</c>.</param>
    /// <exception cref="ArgumentException">The threshold is outside [0, 1], or <paramref name="topK"/> or
    /// <paramref name="classId"/> is out of range.</exception>
    public Recall(double thresholds, int? topK = null, int? classId = null, string name = "recall",
        string dtype = "float32") : this([thresholds], thresholds, topK, classId, name, dtype)
    {
    }

    private Recall(double[]? thresholds, object? init, int? topK, int? classId, string name, string dtype)
        : base(thresholds, init, topK, classId, name, dtype, otherIsFalsePositives: false)
    {
    }
}
