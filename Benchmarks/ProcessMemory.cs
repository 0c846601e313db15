using System.Diagnostics;

namespace Keras.Benchmarks;

/// <summary>The process's memory as Linux reports it (<c>/proc/self/status</c>) plus .NET's own view.</summary>
internal readonly record struct MemorySnapshot(
    double RssMb, double PeakRssMb, double RssAnonMb, double PrivateBytesMb, double GcHeapMb);

internal static class ProcessMemory
{
    private const double Mb = 1024.0 * 1024.0;

    /// <summary>Resets the kernel's peak-RSS mark (VmHWM) so the next snapshot's peak covers only what follows.
    /// Returns false where the kernel does not allow it (then the peak is the process-lifetime peak).</summary>
    internal static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    internal static MemorySnapshot Read()
    {
        double rss = 0, hwm = 0, anon = 0;
        if (File.Exists("/proc/self/status"))
        {
            foreach (string line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line);
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    hwm = Kilobytes(line);
                }
                else if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
                {
                    anon = Kilobytes(line);
                }
            }
        }
        using var process = Process.GetCurrentProcess();
        if (rss == 0)
        {
            rss = process.WorkingSet64 / 1024.0;
            hwm = process.PeakWorkingSet64 / 1024.0;
        }
        return new MemorySnapshot(rss / 1024.0, hwm / 1024.0, anon / 1024.0, process.PrivateMemorySize64 / Mb,
            GC.GetTotalMemory(forceFullCollection: false) / Mb);
    }

    private static double Kilobytes(string line) =>
        double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], Stats.Invariant);
}
