namespace Keras.Benchmarks;

/// <summary>A one-line description of the machine: OS, CPU model and core count.</summary>
internal static class MachineInfo
{
    internal static string Describe()
    {
        string os = ReadField("/etc/os-release", "PRETTY_NAME=")?.Trim('"') ?? System.Runtime.InteropServices.RuntimeInformation.OSDescription;
        string cpu = ReadField("/proc/cpuinfo", "model name")?.Split(':', 2)[^1].Trim() ?? "unknown CPU";
        return string.Create(Stats.Invariant, $"{os}, {System.Environment.ProcessorCount} cores ({cpu}), " +
            $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024.0):F0} GiB");
    }

    private static string? ReadField(string path, string prefix)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        string? line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line is null ? null : prefix.EndsWith('=') ? line[prefix.Length..] : line;
    }
}
