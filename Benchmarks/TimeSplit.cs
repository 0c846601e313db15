using System.Diagnostics;
using static TorchSharp.torch;

namespace Keras.Benchmarks;

/// <summary>Where a training step's time goes, for one batch size. Whole steps: Fit's own steps interleaved one by one
/// with hand-loop steps (<see cref="InterleavedHandSteps"/>). Phases: the hand loop's and Keras.Net's replayed
/// components, also interleaved step by step. Plus the GEMMs alone and TorchSharp's per-op dispatch cost.</summary>
internal sealed record TimeSplitResult(
    int BatchSize,
    int InterleavedEpochs,
    long InterleavedSteps,
    double FitStepMicroseconds,
    double HandStepMicroseconds,
    double FitStepTensors,
    double HandStepTensors,
    double HandShuffleMicroseconds,
    double FitOverHandMedian,
    double FitOverHandTotal,
    long PhaseSteps,
    IReadOnlyList<string> HandPhases,
    double[] HandMicroseconds,
    double[] HandTensors,
    double HandPhaseStepMicroseconds,
    IReadOnlyList<string> KerasPhases,
    double[] KerasMicroseconds,
    double[] KerasTensors,
    double KerasPhaseStepMicroseconds,
    double GemmMicroseconds,
    double InPlaceOpMicroseconds,
    double AllocatingOpMicroseconds);

internal static class TimeSplit
{
    internal static TimeSplitResult Measure(FashionData data, int batchSize, int interleavedEpochs, long phaseSteps,
        int? maxSteps)
    {
        using var hand = new HandLoop(7);
        using var model = KerasMlp.Create(7);
        // Warm-up: JIT tiers, libtorch's first-call costs and optimizer slots, on both sides.
        long warmup = Math.Min(300, data.Count / batchSize);
        hand.RunEpoch(data, batchSize, maxSteps: warmup);
        model.Fit(data.X, data.Y, batchSize: batchSize, epochs: 1, verbose: 0, stepsPerEpoch: (int)warmup);

        var interleaved = new InterleavedHandSteps(hand, data, batchSize);
        model.Fit(data.X, data.Y, batchSize: batchSize, epochs: interleavedEpochs, verbose: 0,
            stepsPerEpoch: maxSteps, callbacks: [interleaved]);

        long steps = Math.Min(phaseSteps, data.Count / batchSize);
        var handPhases = new PhaseRecorder(HandLoop.PhaseNames);
        var kerasPhases = new PhaseRecorder(KerasReplay.PhaseNames);
        using (var handEpoch = hand.BeginEpoch(data, batchSize, steps))
        using (var replay = new KerasReplay(model, data, batchSize))
        {
            for (long i = 0; i < steps; i++)
            {
                handEpoch.Step(handPhases);
                replay.Step(kerasPhases);
            }
        }

        return new TimeSplitResult(batchSize, interleavedEpochs, interleaved.FitMicroseconds.Count,
            Stats.Median(interleaved.FitMicroseconds), Stats.Median(interleaved.HandMicroseconds),
            interleaved.FitTensors.Average(), interleaved.HandTensors.Average(),
            interleaved.HandShuffleMicrosecondsPerStep,
            (Stats.Median(interleaved.HandMicroseconds) + interleaved.HandShuffleMicrosecondsPerStep) /
                Stats.Median(interleaved.FitMicroseconds),
            (interleaved.HandMicroseconds.Sum() + interleaved.HandShuffleMicrosecondsPerStep *
                interleaved.HandMicroseconds.Count) / interleaved.FitMicroseconds.Sum(),
            steps, HandLoop.PhaseNames, handPhases.MedianMicroseconds(), handPhases.MeanTensors(),
            handPhases.MedianStepMicroseconds(), KerasReplay.PhaseNames, kerasPhases.MedianMicroseconds(),
            kerasPhases.MeanTensors(), kerasPhases.MedianStepMicroseconds(),
            GemmOnly(hand, batchSize, steps), InPlaceOp(), AllocatingOp());
    }

    /// <summary>The step's five matrix products alone: two forward addmm, then dW2 = hᵀ·dy, dh = dy·W2ᵀ,
    /// dW1 = xᵀ·dh (the input needs no gradient); median µs per step.</summary>
    private static double GemmOnly(HandLoop hand, int batchSize, long steps)
    {
        using var scope = torch.NewDisposeScope();
        var w1 = hand.Parameters[0].detach();
        var b1 = hand.Parameters[1].detach();
        var w2 = hand.Parameters[2].detach();
        var b2 = hand.Parameters[3].detach();
        var x = torch.rand(batchSize, 784);
        var dy = torch.rand(batchSize, 10);
        using var noGrad = torch.no_grad();
        var times = new List<double>();
        for (long i = -20; i < steps; i++)
        {
            long start = Stopwatch.GetTimestamp();
            using (torch.NewDisposeScope())
            {
                var h = torch.addmm(b1, x, w1, 1, 1);
                torch.addmm(b2, h, w2, 1, 1);
                torch.mm(h.t(), dy);
                var dh = torch.mm(dy, w2.t());
                torch.mm(x.t(), dh);
            }
            if (i >= 0)
            {
                times.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }
        }
        return Stats.Median(times);
    }

    /// <summary>TorchSharp's floor per op: an in-place add on a 0-d tensor (no allocation), median of 5 runs.</summary>
    private static double InPlaceOp()
    {
        using var t = torch.zeros(Array.Empty<long>());
        const int n = 10000;
        var runs = new List<double>();
        for (int run = -1; run < 5; run++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < n; i++)
            {
                t.add_(1.0);
            }
            if (run >= 0)
            {
                runs.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds / n);
            }
        }
        return Stats.Median(runs);
    }

    /// <summary>An op that returns a new 0-d tensor, freed by a dispose scope every 100 ops; median of 5 runs.</summary>
    private static double AllocatingOp()
    {
        using var t = torch.zeros(Array.Empty<long>());
        const int rounds = 100;
        var runs = new List<double>();
        for (int run = -1; run < 5; run++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int r = 0; r < rounds; r++)
            {
                using var scope = torch.NewDisposeScope();
                for (int i = 0; i < 100; i++)
                {
                    t.add(1.0);
                }
            }
            if (run >= 0)
            {
                runs.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds / (rounds * 100));
            }
        }
        return Stats.Median(runs);
    }
}
