using System.Text.RegularExpressions;

namespace Keras;

/// <summary>Unique automatic layer names (<c>dense</c>, <c>dense_1</c>, ...) as Keras generates them.</summary>
internal static class LayerNames
{
    private static readonly Dictionary<string, int> Counters = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    /// <summary>Keras' <c>to_snake_case</c>: <c>Conv2D</c> → <c>conv2d</c>, <c>GlobalAveragePooling2D</c> → <c>global_average_pooling2d</c>.</summary>
    internal static string ToSnakeCase(string name)
    {
        name = Regex.Replace(name, @"\W+", "");
        name = Regex.Replace(name, "(.)([A-Z][a-z]+)", "$1_$2");
        return Regex.Replace(name, "([a-z])([A-Z])", "$1_$2").ToLowerInvariant();
    }

    internal static string Unique(string baseName)
    {
        lock (Gate)
        {
            Counters.TryGetValue(baseName, out int count);
            Counters[baseName] = count + 1;
            return count == 0 ? baseName : $"{baseName}_{count}";
        }
    }

    internal static void Reset()
    {
        lock (Gate)
        {
            Counters.Clear();
        }
    }
}
