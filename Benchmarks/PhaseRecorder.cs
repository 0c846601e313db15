using System.Diagnostics;
using TorchSharp;

namespace Keras.Benchmarks;

/// <summary>Splits each training step into named phases and keeps, per step and phase, the wall time (Stopwatch) and
/// the tensors created (TorchSharp's dispose-scope statistics, a proxy for the number of ops dispatched).</summary>
/// <remarks>Per-phase medians over steps are robust to the machine's stalls, which land in single steps.</remarks>
internal sealed class PhaseRecorder(params string[] names)
{
    private readonly List<double[]> _microseconds = [];
    private readonly List<double[]> _tensors = [];
    private double[] _stepMicroseconds = new double[names.Length];
    private double[] _stepTensors = new double[names.Length];
    private long _lastTick;
    private long _lastCount;

    internal IReadOnlyList<string> Names => names;

    internal long Steps => _microseconds.Count;

    /// <summary>Starts a step: the next <see cref="Mark"/> measures from here.</summary>
    internal void Begin()
    {
        _lastCount = TensorsCreated();
        _lastTick = Stopwatch.GetTimestamp();
    }

    /// <summary>Ends phase <paramref name="phase"/> of the current step.</summary>
    internal void Mark(int phase)
    {
        long now = Stopwatch.GetTimestamp();
        long count = TensorsCreated();
        _stepMicroseconds[phase] += (now - _lastTick) * 1e6 / Stopwatch.Frequency;
        _stepTensors[phase] += count - _lastCount;
        _lastCount = count;
        _lastTick = Stopwatch.GetTimestamp();
    }

    internal void EndStep()
    {
        _microseconds.Add(_stepMicroseconds);
        _tensors.Add(_stepTensors);
        _stepMicroseconds = new double[names.Length];
        _stepTensors = new double[names.Length];
    }

    /// <summary>The median over steps of each phase's time.</summary>
    internal double[] MedianMicroseconds() => PerPhase(_microseconds, Stats.Median);

    /// <summary>The mean over steps of each phase's tensor count.</summary>
    internal double[] MeanTensors() => PerPhase(_tensors, v => v.Average());

    /// <summary>The median over steps of whole-step time (all phases).</summary>
    internal double MedianStepMicroseconds() => Stats.Median(_microseconds.Select(s => s.Sum()).ToList());

    private double[] PerPhase(List<double[]> rows, Func<IReadOnlyList<double>, double> reduce) =>
        Enumerable.Range(0, names.Length).Select(i => rows.Count == 0 ? double.NaN : reduce(rows.Select(r => r[i]).ToList()))
            .ToArray();

    /// <summary>Tensors created on this thread so far, inside or outside dispose scopes.</summary>
    internal static long TensorsCreated()
    {
        var stats = DisposeScopeManager.Statistics;
        return stats.CreatedInScopeCount + stats.CreatedOutsideScopeCount;
    }
}
