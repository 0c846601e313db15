namespace Keras.Optimizers;

/// <summary>Keras optimizer names → factories with Keras' defaults (<c>keras.optimizers.get</c>).</summary>
/// <remarks>Lookup ignores case, so Keras' class names (<c>"SGD"</c>, <c>"RMSprop"</c>, <c>"AdamW"</c>) work
/// too.</remarks>
internal static class OptimizerCatalog
{
    private static readonly Dictionary<string, Func<Optimizer>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sgd"] = () => new SGD(),
        ["adam"] = () => new Adam(),
        ["adamw"] = () => new AdamW(),
        ["rmsprop"] = () => new RMSprop(),
        ["adagrad"] = () => new Adagrad(),
        ["adamax"] = () => new Adamax(),
        ["nadam"] = () => new Nadam(),
    };

    internal static IReadOnlyCollection<string> Names => Factories.Keys;

    internal static Optimizer Create(string name) => name is not null && Factories.TryGetValue(name, out var factory)
        ? factory()
        : throw new ArgumentException(
            $"Could not interpret optimizer identifier: {name}. Expected one of: {string.Join(", ", Factories.Keys)}.",
            nameof(name));
}
