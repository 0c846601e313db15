namespace Keras.Optimizers;

/// <summary>Keras optimizer names → factories with Keras' defaults (<c>keras.optimizers.get</c>).</summary>
internal static class OptimizerCatalog
{
    private static readonly Dictionary<string, Func<Optimizer>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["adam"] = () => new Adam(),
    };

    internal static IReadOnlyCollection<string> Names => Factories.Keys;

    internal static Optimizer Create(string name) => Factories.TryGetValue(name, out var factory)
        ? factory()
        : throw new ArgumentException(
            $"Could not interpret optimizer identifier: {name}. Expected one of: {string.Join(", ", Factories.Keys)}.",
            nameof(name));
}
