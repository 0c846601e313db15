using System.Diagnostics;

namespace Keras.Benchmarks;

/// <summary>The process's CPU time (user + system, all threads) since <see cref="Start"/>.</summary>
internal readonly struct CpuClock
{
    private readonly TimeSpan _start;

    private CpuClock(TimeSpan start) => _start = start;

    internal static CpuClock Start() => new(Now());

    internal double Elapsed() => (Now() - _start).TotalSeconds;

    private static TimeSpan Now()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
