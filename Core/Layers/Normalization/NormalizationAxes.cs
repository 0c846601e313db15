namespace Keras.Layers;

/// <summary>Axis checks shared by the normalization layers.</summary>
internal static class NormalizationAxes
{
    /// <summary>The non-negative form of <paramref name="axis"/> for an input of rank
    /// <paramref name="rank"/>.</summary>
    /// <exception cref="ArgumentException">The axis is outside <c>[-rank, rank)</c>.</exception>
    public static int Resolve(int axis, int rank, string layerName, string argument)
    {
        if (axis < -rank || axis >= rank)
        {
            throw new ArgumentException(
                $"Invalid value for `{argument}` of layer \"{layerName}\": axis {axis} is out of bounds for an input " +
                $"of rank {rank}. Expected an axis in [{-rank}, {rank}).");
        }
        return axis < 0 ? axis + rank : axis;
    }

    /// <summary>The non-negative, sorted, distinct form of <paramref name="axes"/>.</summary>
    /// <exception cref="ArgumentException">An axis is out of bounds or repeated.</exception>
    public static int[] ResolveAll(IReadOnlyList<int> axes, int rank, string layerName, string argument)
    {
        var resolved = axes.Select(a => Resolve(a, rank, layerName, argument)).Order().ToArray();
        if (resolved.Distinct().Count() != resolved.Length)
        {
            throw new ArgumentException(
                $"Invalid value for `{argument}` of layer \"{layerName}\": the axes must be distinct. " +
                $"Received: {argument}=[{string.Join(", ", axes)}]");
        }
        return resolved;
    }

    /// <summary>Formats axes as Keras prints them: an int or a list.</summary>
    public static string Format(IReadOnlyList<int> axes, bool isList) =>
        isList ? $"[{string.Join(", ", axes)}]" : axes[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
}
