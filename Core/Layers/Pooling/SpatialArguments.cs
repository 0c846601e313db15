using System.Globalization;

namespace Keras.Layers;

/// <summary>Validation of the arguments shared by pooling and reshaping layers, with Keras' error messages
/// (<c>standardize_tuple</c>, <c>standardize_data_format</c>).</summary>
internal static class SpatialArguments
{
    /// <summary>Checks a <c>data_format</c> and returns it in lower case.</summary>
    public static string DataFormat(string dataFormat)
    {
        string value = dataFormat?.ToLowerInvariant() ?? "";
        if (value is not ("channels_last" or "channels_first"))
        {
            throw new ArgumentException(
                "The `data_format` argument must be one of {\"channels_first\", \"channels_last\"}. " +
                $"Received: data_format={dataFormat}", nameof(dataFormat));
        }
        return value;
    }

    /// <summary>Checks a pooling <c>padding</c> and returns it in lower case.</summary>
    public static string Padding(string padding)
    {
        string value = padding?.ToLowerInvariant() ?? "";
        if (value is not ("valid" or "same"))
        {
            throw new ArgumentException(
                $"The `padding` argument must be one of \"valid\", \"same\". Received: padding={padding}",
                nameof(padding));
        }
        return value;
    }

    /// <summary>Checks a tuple argument: <paramref name="n"/> values, each positive (or non-negative when <paramref
    /// name="allowZero"/>).</summary>
    public static int[] Tuple(IReadOnlyList<int> values, int n, string name, bool allowZero = false)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Count != n)
        {
            throw new ArgumentException(
                $"The `{name}` argument must be a tuple of {n} integers. Received: {name}={Format(values)}", name);
        }
        var bad = values.Where(v => allowZero ? v < 0 : v <= 0).Distinct().ToArray();
        if (bad.Length > 0)
        {
            throw new ArgumentException(
                $"The `{name}` argument must be a tuple of {n} integers. Received {name}={Format(values)}, including " +
                $"values {{{string.Join(", ", bad)}}} that do not satisfy `value {(allowZero ? ">=" : ">")} 0`", name);
        }
        return values.ToArray();
    }

    /// <summary>Python's rendering of a tuple: <c>(2, 2)</c>, <c>(3,)</c>.</summary>
    public static string Format(IReadOnlyList<int> values) => values.Count == 1
        ? $"({values[0].ToString(CultureInfo.InvariantCulture)},)"
        : "(" + string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture))) + ")";

    /// <summary>The index of the first spatial axis: 1 for channels_last, 2 for channels_first.</summary>
    public static int FirstSpatialAxis(string dataFormat) => dataFormat == "channels_first" ? 2 : 1;
}
