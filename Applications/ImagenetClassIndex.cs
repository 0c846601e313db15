using System.Text.Json;

namespace Keras.Applications;

/// <summary>Keras' <c>imagenet_class_index.json</c> (class index → WordNet id and name), embedded in this assembly
/// byte for byte, so decoding predictions needs no download.</summary>
internal static class ImagenetClassIndex
{
    private const string ResourceName = "Keras.Applications.imagenet_class_index.json";
    private static readonly Lazy<IReadOnlyList<(string ClassName, string Description)>> _classes = new(Read);

    /// <summary>The 1000 classes in index order.</summary>
    internal static IReadOnlyList<(string ClassName, string Description)> Classes => _classes.Value;

    private static IReadOnlyList<(string ClassName, string Description)> Read()
    {
        using Stream stream = typeof(ImagenetClassIndex).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        var index = JsonSerializer.Deserialize<Dictionary<string, string[]>>(stream)!;
        return Enumerable.Range(0, index.Count)
            .Select(i => index[i.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            .Select(entry => (entry[0], entry[1]))
            .ToList();
    }
}
