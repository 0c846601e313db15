using System.Globalization;

namespace Keras.Applications;

/// <summary>Formats values the way Keras' Python messages and file names print them.</summary>
internal static class PythonText
{
    /// <summary>A shape as a Python tuple: <c>(224, 224, 3)</c>, <c>(None, None, 3)</c>, <c>(7,)</c>.</summary>
    /// <param name="dims">The dimensions; <see langword="null"/> prints as <c>None</c>.</param>
    /// <returns>The tuple text.</returns>
    internal static string Tuple(IEnumerable<int?> dims)
    {
        string[] parts = dims.Select(d => d?.ToString(CultureInfo.InvariantCulture) ?? "None").ToArray();
        return parts.Length == 1 ? $"({parts[0]},)" : $"({string.Join(", ", parts)})";
    }

    /// <summary>A float as Python's <c>str(float)</c>: <c>1.0</c>, <c>0.35</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The shortest round-trip text, with <c>.0</c> added to whole numbers.</returns>
    internal static string Float(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }

    /// <summary>A string argument as Keras prints it in <c>Received: x={x}</c>: <c>None</c> for null.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    internal static string Str(string? value) => value ?? "None";

    /// <summary>An optional integer as Python prints it: <c>None</c> for null.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    internal static string Int(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "None";
}
