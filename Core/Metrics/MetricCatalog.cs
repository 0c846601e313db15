namespace Keras.Metrics;

/// <summary>Keras metric names, aliases and class names → metric factories (<c>keras.metrics.get</c> as used by
/// <c>compile</c>): the metric is named by the string it was asked for.</summary>
internal static class MetricCatalog
{
    private static readonly Dictionary<string, Func<string, Metric>> Factories = new(StringComparer.Ordinal)
    {
        ["binary_accuracy"] = n => new BinaryAccuracy(n),
        ["BinaryAccuracy"] = n => new BinaryAccuracy(n),
        ["categorical_accuracy"] = n => new CategoricalAccuracy(n),
        ["CategoricalAccuracy"] = n => new CategoricalAccuracy(n),
        ["sparse_categorical_accuracy"] = n => new SparseCategoricalAccuracy(n),
        ["SparseCategoricalAccuracy"] = n => new SparseCategoricalAccuracy(n),
        ["top_k_categorical_accuracy"] = n => new TopKCategoricalAccuracy(name: n),
        ["TopKCategoricalAccuracy"] = n => new TopKCategoricalAccuracy(name: n),
        ["sparse_top_k_categorical_accuracy"] = n => new SparseTopKCategoricalAccuracy(name: n),
        ["SparseTopKCategoricalAccuracy"] = n => new SparseTopKCategoricalAccuracy(name: n),
        ["mean_absolute_error"] = n => new MeanAbsoluteError(n),
        ["MeanAbsoluteError"] = n => new MeanAbsoluteError(n),
        ["mae"] = n => new MeanAbsoluteError(n),
        ["MAE"] = n => new MeanAbsoluteError(n),
        ["mean_squared_error"] = n => new MeanSquaredError(n),
        ["MeanSquaredError"] = n => new MeanSquaredError(n),
        ["mse"] = n => new MeanSquaredError(n),
        ["MSE"] = n => new MeanSquaredError(n),
        ["auc"] = n => new AUC(name: n),
        ["AUC"] = n => new AUC(name: n),
        ["precision"] = n => new Precision(name: n),
        ["Precision"] = n => new Precision(name: n),
        ["recall"] = n => new Recall(name: n),
        ["Recall"] = n => new Recall(name: n),
    };

    /// <summary>Every name <see cref="Create"/> accepts (<c>"accuracy"</c> and <c>"acc"</c> in any case).</summary>
    internal static IReadOnlyCollection<string> Names => ["accuracy", "acc", .. Factories.Keys];

    internal static Metric Create(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string lower = name.ToLowerInvariant();
        if (lower is "accuracy" or "acc")
        {
            return new AccuracyByShape(name) { Identifier = name };
        }
        if (Factories.TryGetValue(name, out var factory))
        {
            var metric = factory(name);
            metric.Identifier = name;
            return metric;
        }
        throw new ArgumentException(
            $"Could not interpret metric identifier: {name}. Expected one of: {string.Join(", ", Names)}.",
            nameof(name));
    }
}
