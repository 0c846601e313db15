namespace Keras.Losses;

/// <summary>Keras loss names and aliases → loss factories (<c>keras.losses.get</c>).</summary>
internal static class LossCatalog
{
    private static readonly Dictionary<string, Func<Loss>> Factories = new(StringComparer.Ordinal)
    {
        ["sparse_categorical_crossentropy"] = () => new SparseCategoricalCrossentropy(),
        ["SparseCategoricalCrossentropy"] = () => new SparseCategoricalCrossentropy(),
    };

    internal static IReadOnlyCollection<string> Names => Factories.Keys;

    internal static Loss Create(string name) => Factories.TryGetValue(name, out var factory)
        ? factory()
        : throw new ArgumentException(
            $"Could not interpret loss identifier: {name}. Expected one of: {string.Join(", ", Factories.Keys)}.",
            nameof(name));
}
