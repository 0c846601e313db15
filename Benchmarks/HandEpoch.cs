using System.Diagnostics;
using static TorchSharp.torch;

namespace Keras.Benchmarks;

/// <summary>One epoch of the hand loop, run a step at a time (so its steps can be interleaved with Fit's). Its tensors
/// live outside dispose scopes and each step opens its own, so no scope stays open between steps.</summary>
internal sealed class HandEpoch : IDisposable
{
    private readonly HandLoop _loop;
    private readonly Tensor _xs;
    private readonly Tensor _ys;
    private readonly Tensor _lossTotal;
    private readonly Tensor _correctTotal;
    private readonly int _batchSize;
    private readonly long _count;
    private readonly long _steps;
    private long _step;
    private long _seen;

    internal HandEpoch(HandLoop loop, FashionData data, int batchSize, long? maxSteps)
    {
        _loop = loop;
        _batchSize = batchSize;
        _count = data.Count;
        _steps = Math.Min((data.Count + batchSize - 1) / batchSize, maxSteps ?? long.MaxValue);
        long start = Stopwatch.GetTimestamp();
        using var scope = torch.NewDisposeScope();
        var perm = torch.randperm(data.Count);
        _xs = data.X.index_select(0, perm).DetachFromDisposeScope();
        _ys = data.Y.index_select(0, perm).DetachFromDisposeScope();
        _lossTotal = torch.zeros(Array.Empty<long>()).DetachFromDisposeScope();
        _correctTotal = torch.zeros(Array.Empty<long>()).DetachFromDisposeScope();
        ShuffleMicroseconds = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    }

    /// <summary>The time this epoch's shuffled copy of the data took (a whole-dataset gather).</summary>
    internal double ShuffleMicroseconds { get; }

    internal long StepCount => _steps;

    internal bool HasNext => _step < _steps;

    /// <summary>Runs the next step in its own dispose scope.</summary>
    internal void Step(PhaseRecorder? phases = null)
    {
        phases?.Begin();
        using (torch.NewDisposeScope())
        {
            long offset = _step * _batchSize;
            long length = Math.Min(_batchSize, _count - offset);
            _loop.TrainStep(_xs.narrow(0, offset, length), _ys.narrow(0, offset, length), _lossTotal, _correctTotal,
                phases);
            _seen += length;
        }
        phases?.Mark(6);
        phases?.EndStep();
        _step++;
    }

    /// <summary>Reads the running loss and accuracy (one read-back, as Fit's epoch-end logs) and times the epoch.</summary>
    internal EpochResult Finish(long startTimestamp, CpuClock cpu)
    {
        double meanLoss = _lossTotal.item<float>() / (double)_seen;
        double accuracy = _correctTotal.item<float>() / (double)_seen;
        double seconds = Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds;
        return new EpochResult(seconds, _seen / seconds, meanLoss, accuracy, cpu.Elapsed());
    }

    public void Dispose()
    {
        _xs.Dispose();
        _ys.Dispose();
        _lossTotal.Dispose();
        _correctTotal.Dispose();
    }
}
