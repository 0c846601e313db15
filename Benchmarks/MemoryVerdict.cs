namespace Keras.Benchmarks;

/// <summary>Whether memory is flat after epoch 2: live tensors unchanged and resident memory within a small band.</summary>
internal static class MemoryVerdict
{
    /// <summary>Resident-set growth from epoch 2 to any later epoch that still counts as flat (allocator noise).</summary>
    internal const double ToleranceMb = 16;

    internal static bool IsFlat(IReadOnlyList<MemoryEpoch> rows, out string details)
    {
        var reference = rows[1];
        var later = rows.Skip(1).ToList();
        long tensorDrift = later.Max(r => Math.Abs(r.LiveTensors - reference.LiveTensors));
        double rssGrowth = later.Max(r => r.RssMb) - reference.RssMb;
        double peakGrowth = later.Max(r => r.PeakRssMb) - reference.PeakRssMb;
        double anonGrowth = later.Max(r => r.RssAnonMb) - reference.RssAnonMb;
        double gcGrowth = later.Max(r => r.GcHeapMb) - reference.GcHeapMb;
        details = string.Create(Stats.Invariant, $"from epoch 2 to {rows[^1].Epoch}: live tensors {reference.LiveTensors} → max drift {tensorDrift}; " +
            $"RSS growth {rssGrowth:+0.0;-0.0} MB, peak-RSS growth {peakGrowth:+0.0;-0.0} MB, " +
            $"private resident growth {anonGrowth:+0.0;-0.0} MB, GC heap growth {gcGrowth:+0.0;-0.0} MB");
        return tensorDrift == 0 && rssGrowth < ToleranceMb && peakGrowth < ToleranceMb && anonGrowth < ToleranceMb;
    }

    internal static string Describe(IReadOnlyList<MemoryEpoch> rows)
    {
        bool flat = IsFlat(rows, out string details);
        return $"**Memory flat after epoch 2: {(flat ? "yes" : "NO")}** ({details}; tolerance {ToleranceMb} MB).";
    }
}
