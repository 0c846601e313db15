namespace Keras.Metrics;

/// <summary>Keras metric names and aliases → metric factories (<c>keras.metrics.get</c>).</summary>
internal static class MetricCatalog
{
    private static readonly Dictionary<string, Func<Metric>> Factories = new(StringComparer.Ordinal)
    {
        ["sparse_categorical_accuracy"] = () => new SparseCategoricalAccuracy(),
    };

    internal static IReadOnlyCollection<string> Names => Factories.Keys;

    internal static Metric Create(string name) => Factories.TryGetValue(name, out var factory)
        ? factory()
        : throw new ArgumentException(
            $"Could not interpret metric identifier: {name}. Expected one of: {string.Join(", ", Factories.Keys)}.",
            nameof(name));
}
