using System.Diagnostics;
using Keras.Callbacks;

namespace Keras.Benchmarks;

/// <summary>A Fit callback that times each of Fit's steps (batch-begin to batch-end, which spans the step scope, the
/// batch cursor, TrainStep and the per-step logs) and, right after each, runs and times one hand-loop step. Paired a
/// few microseconds apart, the two share the machine's state, so their ratio survives a noisy host. The hand loop's
/// epoch shuffle runs at epoch begin, outside the steps: its cost per step is reported apart.</summary>
internal sealed class InterleavedHandSteps(HandLoop hand, FashionData data, int batchSize) : Callback
{
    private HandEpoch? _epoch;
    private long _fitStart;
    private long _fitTensors;

    internal List<double> FitMicroseconds { get; } = [];
    internal List<double> HandMicroseconds { get; } = [];
    internal List<double> FitTensors { get; } = [];
    internal List<double> HandTensors { get; } = [];

    /// <summary>The hand loop's per-epoch shuffled copy, spread over its steps (Fit gathers each batch instead, inside
    /// its steps, so a fair per-step comparison adds this to the hand step).</summary>
    internal double HandShuffleMicrosecondsPerStep => _shuffleSteps == 0 ? 0 : _shuffleMicroseconds / _shuffleSteps;

    private double _shuffleMicroseconds;
    private long _shuffleSteps;

    public override void OnEpochBegin(int epoch, Logs logs)
    {
        _epoch?.Dispose();
        _epoch = hand.BeginEpoch(data, batchSize);
        _shuffleMicroseconds += _epoch.ShuffleMicroseconds;
        _shuffleSteps += _epoch.StepCount;
    }

    public override void OnTrainBatchBegin(int batch, Logs logs)
    {
        _fitTensors = PhaseRecorder.TensorsCreated();
        _fitStart = Stopwatch.GetTimestamp();
    }

    public override void OnTrainBatchEnd(int batch, Logs logs)
    {
        long fitEnd = Stopwatch.GetTimestamp();
        long fitTensors = PhaseRecorder.TensorsCreated() - _fitTensors;
        if (batch == 0 || _epoch is null || !_epoch.HasNext)
        {
            // Fit's step 0 also draws the epoch's permutation: left out of both series.
            _epoch?.Step();
            return;
        }
        FitMicroseconds.Add(Stopwatch.GetElapsedTime(_fitStart, fitEnd).TotalMicroseconds);
        FitTensors.Add(fitTensors);
        long handTensors = PhaseRecorder.TensorsCreated();
        long handStart = Stopwatch.GetTimestamp();
        _epoch.Step();
        HandMicroseconds.Add(Stopwatch.GetElapsedTime(handStart).TotalMicroseconds);
        HandTensors.Add(PhaseRecorder.TensorsCreated() - handTensors);
    }

    public override void OnEpochEnd(int epoch, Logs logs)
    {
        _epoch?.Dispose();
        _epoch = null;
    }
}
