using System.Globalization;

namespace Keras.Examples;

/// <summary>Reads <c>--name value</c> options of the example commands.</summary>
internal static class ExampleArgs
{
    /// <summary>The value after <paramref name="name"/>, or null when absent.</summary>
    internal static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>The integer after <paramref name="name"/>, or <paramref name="defaultValue"/>.</summary>
    internal static int IntOption(string[] args, string name, int defaultValue) =>
        Option(args, name) is { } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
                ? value
                : throw new ArgumentException($"Option {name} expects an integer. Received: {text}")
            : defaultValue;
}
