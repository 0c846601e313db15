using System.Diagnostics;
using System.Runtime;
using static TorchSharp.torch;

namespace Keras.Benchmarks;

/// <summary>What a fresh child process measures (<c>--child first-epoch|memory</c>); it prints one result line.</summary>
internal static class ChildModes
{
    internal static int Run(IReadOnlyList<string> args)
    {
        string mode = BenchOptions.Value(args, 1, "--child");
        var named = new Dictionary<string, string>();
        for (int i = 2; i + 1 < args.Count; i += 2)
        {
            named[args[i]] = args[i + 1];
        }
        int threads = int.Parse(named.GetValueOrDefault("--threads", "2"), Stats.Invariant);
        int batchSize = int.Parse(named.GetValueOrDefault("--batch-size", "32"), Stats.Invariant);
        int? maxSteps = named.TryGetValue("--max-steps", out string? steps) ? int.Parse(steps, Stats.Invariant) : null;
        torch.set_num_threads(threads);
        using var data = FashionData.Load();
        switch (mode)
        {
            case "first-epoch":
                FirstEpoch(data, named["--engine"], batchSize, maxSteps);
                return 0;
            case "memory":
                Memory(data, batchSize, int.Parse(named["--epochs"], Stats.Invariant), maxSteps);
                return 0;
            default:
                throw new ArgumentException($"Unknown child mode `{mode}`; expected first-epoch or memory.");
        }
    }

    /// <summary>The first epoch of a fresh process: model construction is timed apart from the epoch, which includes
    /// every first-call cost (JIT, libtorch kernel and thread-pool start-up, optimizer slot creation).</summary>
    private static void FirstEpoch(FashionData data, string engine, int batchSize, int? maxSteps)
    {
        // The tensors are made before the clock starts: data preparation is not part of an epoch.
        _ = data.X;
        _ = data.Y;
        long start = Stopwatch.GetTimestamp();
        EpochResult result;
        double setup;
        TimeSpan jitBefore;
        long methodsBefore;
        if (engine == "keras")
        {
            using var model = KerasMlp.Create(42);
            setup = Stopwatch.GetElapsedTime(start).TotalSeconds;
            (jitBefore, methodsBefore) = (JitInfo.GetCompilationTime(), JitInfo.GetCompiledMethodCount());
            result = KerasMlp.FitEpoch(model, data, batchSize, maxSteps);
        }
        else if (engine == "hand")
        {
            using var hand = new HandLoop(42);
            setup = Stopwatch.GetElapsedTime(start).TotalSeconds;
            (jitBefore, methodsBefore) = (JitInfo.GetCompilationTime(), JitInfo.GetCompiledMethodCount());
            result = hand.RunEpoch(data, batchSize, maxSteps: maxSteps);
        }
        else
        {
            throw new ArgumentException($"Unknown engine `{engine}`; expected keras or hand.");
        }
        ChildProcess.WriteResult(new
        {
            engine,
            batchSize,
            setupSeconds = setup,
            seconds = result.Seconds,
            samplesPerSecond = result.SamplesPerSecond,
            loss = result.Loss,
            accuracy = result.Accuracy,
            cpuSeconds = result.CpuSeconds,
            // JIT work during the epoch (all threads, tiered re-compilation included).
            jitMilliseconds = (JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds,
            jitMethods = JitInfo.GetCompiledMethodCount() - methodsBefore,
        });
    }

    /// <summary>Fit for many epochs in one call, recording memory at each epoch end.</summary>
    private static void Memory(FashionData data, int batchSize, int epochs, int? maxSteps)
    {
        using var model = KerasMlp.Create(42);
        var probe = new MemoryProbe();
        var before = ProcessMemory.Read();
        model.Fit(data.XArray, data.YArray, batchSize: batchSize, epochs: epochs, verbose: 0, callbacks: [probe],
            stepsPerEpoch: maxSteps);
        ChildProcess.WriteResult(new
        {
            batchSize,
            peakIsPerEpoch = probe.PeakIsPerEpoch,
            beforeRssMb = before.RssMb,
            epochs = probe.Epochs,
        });
    }
}
