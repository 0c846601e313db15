namespace Keras.Benchmarks;

/// <summary>Medians and spreads of repeated timings: noisy machines stall at random, so medians are reported.</summary>
internal static class Stats
{
    internal static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    internal static double Min(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Min();

    internal static double Max(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Max();

    /// <summary>The median of the pairwise ratios a[i]/b[i] (pairs measured back to back share the machine's mood).</summary>
    internal static double MedianRatio(IReadOnlyList<double> a, IReadOnlyList<double> b) =>
        Median(a.Zip(b, (x, y) => x / y).ToList());

    /// <summary>"median (min–max)" with the given format.</summary>
    internal static string Spread(IReadOnlyList<double> values, string format) =>
        values.Count == 0
            ? "n/a"
            : $"{Median(values).ToString(format, Invariant)} ({Min(values).ToString(format, Invariant)}–" +
              $"{Max(values).ToString(format, Invariant)})";

    internal static readonly IFormatProvider Invariant = System.Globalization.CultureInfo.InvariantCulture;
}
