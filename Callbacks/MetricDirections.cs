using Keras.Metrics;

namespace Keras.Callbacks;

/// <summary>Whether a metric should go up or down during training: Keras 3's <c>metric._direction</c>.</summary>
/// <remarks>Keras sets <c>_direction</c> in each built-in metric's constructor; the table below copies those
/// values by class name (Keras.Net metric types carry Keras' class names). Metrics without a direction in Keras
/// (<c>Mean</c>, <c>Sum</c>, the confusion counts, user metrics) are absent.</remarks>
internal static class MetricDirections
{
    private static readonly HashSet<string> Up = new(StringComparer.Ordinal)
    {
        "Accuracy", "BinaryAccuracy", "CategoricalAccuracy", "SparseCategoricalAccuracy",
        "TopKCategoricalAccuracy", "SparseTopKCategoricalAccuracy",
        "AUC", "Precision", "Recall", "SensitivityAtSpecificity", "SpecificityAtSensitivity",
        "PrecisionAtRecall", "RecallAtPrecision",
        "CosineSimilarity", "R2Score", "FBetaScore", "F1Score", "PearsonCorrelation", "ConcordanceCorrelation",
        "IoU", "BinaryIoU", "MeanIoU", "OneHotIoU", "OneHotMeanIoU",
        // Keras.Net's metric behind the strings "accuracy"/"acc": one of the accuracies above once resolved.
        "AccuracyByShape",
    };

    private static readonly HashSet<string> Down = new(StringComparer.Ordinal)
    {
        "MeanSquaredError", "MeanAbsoluteError", "MeanAbsolutePercentageError", "MeanSquaredLogarithmicError",
        "RootMeanSquaredError", "LogCoshError",
        "KLDivergence", "Poisson", "BinaryCrossentropy", "CategoricalCrossentropy", "SparseCategoricalCrossentropy",
        "Hinge", "SquaredHinge", "CategoricalHinge",
    };

    /// <summary>True when the metric should be maximized, false when minimized, null when Keras gives it no
    /// direction.</summary>
    internal static bool? IsUp(Metric metric)
    {
        string name = metric.GetType().Name;
        return Up.Contains(name) ? true : Down.Contains(name) ? false : null;
    }

    /// <summary>Keras' <c>"auto"</c> mode for a monitored logs key: <c>loss</c>/<c>val_loss</c> go down, a compiled
    /// metric named like the key (without <c>val_</c>) goes its own direction; null when neither applies.</summary>
    internal static bool? ForMonitor(string monitor, Model? model)
    {
        string metricName = monitor.StartsWith("val_", StringComparison.Ordinal) ? monitor["val_".Length..] : monitor;
        bool? maximize = metricName == "loss" ? false : null;
        foreach (var metric in model?.Metrics ?? [])
        {
            if (metric.Name == metricName && IsUp(metric) is bool up)
            {
                maximize = up;
            }
        }
        return maximize;
    }

    /// <summary>Keras' <c>MonitorCallback._set_monitor_op</c>: <c>"min"</c>/<c>"max"</c> as given, else the direction
    /// inferred from the monitored name (<see cref="ForMonitor"/>); null when it cannot be inferred.</summary>
    internal static bool? Maximize(string mode, string monitor, Model? model) => mode switch
    {
        "min" => false,
        "max" => true,
        _ => ForMonitor(monitor, model),
    };
}
