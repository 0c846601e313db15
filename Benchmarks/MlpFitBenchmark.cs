using System.Diagnostics;
using System.Text.Json;
using static TorchSharp.torch;

namespace Keras.Benchmarks;

/// <summary><c>fit-mlp</c>: Keras.Net's Fit on the tutorial MLP against a hand-written TorchSharp loop (same process)
/// and PyTorch (subprocess), first epoch in fresh processes and steady state, plus a time split and a memory probe.</summary>
internal sealed class MlpFitBenchmark(BenchOptions options)
{
    private readonly BenchReport _report = new(options);

    internal int Run()
    {
        var clock = Stopwatch.StartNew();
        torch.set_num_threads(options.Threads);
        _report.LoadBefore = LoadAverage();
        _report.PyTorchMissing = options.SkipPyTorch
            ? "skipped (--skip-pytorch)"
            : PyTorchBaseline.Unavailable(options.Python);
        if (_report.PyTorchMissing is not null)
        {
            Progress($"PyTorch baseline left out: {_report.PyTorchMissing}");
        }

        FirstEpochs();
        using (var data = FashionData.Load())
        {
            SteadyState(data);
            foreach (int batchSize in options.BatchSizes)
            {
                Progress($"interleaved steps and time split, batch {batchSize}: {options.InterleavedEpochs} epochs, " +
                    $"then {options.ProfileSteps} phase-split steps");
                _report.Splits.Add(TimeSplit.Measure(data, batchSize, options.InterleavedEpochs, options.ProfileSteps,
                    options.MaxSteps));
            }
        }
        MemoryRun();

        _report.LoadAfter = LoadAverage();
        _report.Elapsed = clock.Elapsed;
        string markdown = MarkdownReport.Render(_report);
        Console.WriteLine(markdown);
        if (options.MarkdownPath is { } path)
        {
            File.WriteAllText(path, markdown);
            Progress($"report written to {path}");
        }
        return 0;
    }

    /// <summary>Fresh processes, interleaved so that a stall of the machine does not hit one engine's samples only.</summary>
    private void FirstEpochs()
    {
        int pythonEpochs = options.Repeats >= 3 ? 3 : 2;
        for (int r = 0; r < options.Repeats; r++)
        {
            foreach (int batchSize in options.BatchSizes)
            {
                Progress($"first epoch, repeat {r + 1}/{options.Repeats}, batch {batchSize}: Keras.Net child");
                BenchReport.For(_report.KerasFirst, batchSize).Add(FirstEpochChild("keras", batchSize));
                Progress($"first epoch, repeat {r + 1}/{options.Repeats}, batch {batchSize}: hand-loop child");
                BenchReport.For(_report.HandFirst, batchSize).Add(FirstEpochChild("hand", batchSize));
                Progress($"first epoch, repeat {r + 1}/{options.Repeats}, batch {batchSize}: both again, TieredPGO off");
                BenchReport.For(_report.KerasFirstNoPgo, batchSize).Add(FirstEpochChild("keras", batchSize, NoPgo));
                BenchReport.For(_report.HandFirstNoPgo, batchSize).Add(FirstEpochChild("hand", batchSize, NoPgo));
                if (_report.PyTorchMissing is null)
                {
                    Progress($"first epoch, repeat {r + 1}/{options.Repeats}, batch {batchSize}: PyTorch " +
                        $"({pythonEpochs} epochs)");
                    var run = PyTorchBaseline.Run(options.Python, batchSize, pythonEpochs, options.Threads, options.MaxSteps);
                    _report.PyTorchVersion = run.TorchVersion;
                    BenchReport.For(_report.PyTorch, batchSize).Add(run);
                }
            }
        }
    }

    /// <summary>The .NET runtime's dynamic PGO switched off: its instrumented tier is most of the first epoch's JIT.</summary>
    private static readonly Dictionary<string, string> NoPgo = new() { ["DOTNET_TieredPGO"] = "0" };

    private FirstEpochSample FirstEpochChild(string engine, int batchSize,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var json = ChildProcess.RunSelf(
            ["--child", "first-epoch", "--engine", engine, .. CommonChildArgs(batchSize)], environment);
        return new FirstEpochSample(json.GetProperty("setupSeconds").GetDouble(), new EpochResult(
            json.GetProperty("seconds").GetDouble(), json.GetProperty("samplesPerSecond").GetDouble(),
            json.GetProperty("loss").GetDouble(), json.GetProperty("accuracy").GetDouble(),
            json.GetProperty("cpuSeconds").GetDouble()), json.GetProperty("jitMilliseconds").GetDouble(),
            json.GetProperty("jitMethods").GetInt64());
    }

    private string[] CommonChildArgs(int batchSize)
    {
        string[] common = ["--batch-size", Str(batchSize), "--threads", Str(options.Threads)];
        return options.MaxSteps is int steps ? [.. common, "--max-steps", Str(steps)] : common;
    }

    /// <summary>In one process: a warm-up epoch each, then Fit and hand epochs alternated (ABBA order), so each pair
    /// shares the machine's state and the ratio of a pair is meaningful even when the machine stalls.</summary>
    private void SteadyState(FashionData data)
    {
        foreach (int batchSize in options.BatchSizes)
        {
            using var model = KerasMlp.Create(42);
            using var hand = new HandLoop(42);
            Progress($"steady state, batch {batchSize}: warm-up epochs");
            KerasMlp.FitEpoch(model, data, batchSize, options.MaxSteps);
            hand.RunEpoch(data, batchSize, maxSteps: options.MaxSteps);
            var kerasRuns = BenchReport.For(_report.KerasSteady, batchSize);
            var handRuns = BenchReport.For(_report.HandSteady, batchSize);
            for (int r = 0; r < options.SteadyRepeats; r++)
            {
                Progress($"steady state, batch {batchSize}: pair {r + 1}/{options.SteadyRepeats}");
                if (r % 2 == 0)
                {
                    kerasRuns.Add(KerasMlp.FitEpoch(model, data, batchSize, options.MaxSteps));
                    handRuns.Add(hand.RunEpoch(data, batchSize, maxSteps: options.MaxSteps));
                }
                else
                {
                    handRuns.Add(hand.RunEpoch(data, batchSize, maxSteps: options.MaxSteps));
                    kerasRuns.Add(KerasMlp.FitEpoch(model, data, batchSize, options.MaxSteps));
                }
            }
        }
    }

    private void MemoryRun()
    {
        int batchSize = options.BatchSizes.Min();
        Progress($"memory probe: {options.EpochsMemory} epochs of Fit at batch {batchSize} in a fresh process");
        var json = ChildProcess.RunSelf(
            ["--child", "memory", "--epochs", Str(options.EpochsMemory), .. CommonChildArgs(batchSize)]);
        _report.MemoryBatchSize = batchSize;
        _report.PeakIsPerEpoch = json.GetProperty("peakIsPerEpoch").GetBoolean();
        _report.Memory.AddRange(json.GetProperty("epochs").Deserialize<List<MemoryEpoch>>() ?? []);
    }

    private static string Str(int value) => value.ToString(Stats.Invariant);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    internal static void Progress(string message) =>
        Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
