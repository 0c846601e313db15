using System.Diagnostics;
using System.Text;
using Keras.Data;
using static TorchSharp.torch;

namespace Keras.Benchmarks;

/// <summary><c>pipeline</c>: the tutorial CNN trained by Fit on preloaded tensors against Fit on a
/// <see cref="Dataset"/> that shuffles, batches and augments every batch (random flip and shift through a seeded
/// <c>Map</c>), with and without background prefetch. One process; engines alternate ABC, CBA, ... each round; the
/// result is the median over rounds of the per-step time ratios.</summary>
internal sealed class PipelineBenchmark(PipelineBenchOptions options)
{
    private sealed record Engine(string Name, Model Model, Func<Model, EpochResult> Epoch)
    {
        internal List<EpochResult> Runs { get; } = [];
    }

    internal int Run()
    {
        torch.set_num_threads(options.Threads);
        using var data = FashionData.Load();
        var images = data.X.unsqueeze(-1).DetachFromDisposeScope();
        var samples = Dataset.FromArrays(images, data.Y).Shuffle((int)data.Count, seed: 1).Batch(options.BatchSize)
            .Map(Augment.FlipAndShift, seed: 2);
        var synchronous = samples.Take(options.StepsPerEpoch);
        var prefetched = samples.Prefetch(options.Queue, options.Workers).Take(options.StepsPerEpoch);
        double augmentMs = AugmentMilliseconds(samples);
        var engines = new[]
        {
            new Engine("Fit on preloaded tensors (shuffled, no augmentation)", KerasCnn.Create(42),
                m => Timed(() => m.Fit(images, data.Y, batchSize: options.BatchSize, verbose: 0,
                    stepsPerEpoch: options.StepsPerEpoch))),
            new Engine($"Fit on Dataset + augmentation, Prefetch({options.Queue}, workers: {options.Workers})",
                KerasCnn.Create(42), m => Timed(() => m.Fit(prefetched, verbose: 0))),
            new Engine("Fit on Dataset + augmentation, no prefetch (built on the training thread)",
                KerasCnn.Create(42), m => Timed(() => m.Fit(synchronous, verbose: 0))),
        };
        try
        {
            MlpFitBenchmark.Progress($"pipeline: warm-up ({options.StepsPerEpoch} steps each)");
            foreach (var engine in engines)
            {
                engine.Epoch(engine.Model);
            }
            for (int r = 0; r < options.Rounds; r++)
            {
                MlpFitBenchmark.Progress($"pipeline: round {r + 1}/{options.Rounds}");
                foreach (var engine in r % 2 == 0 ? engines : engines.Reverse())
                {
                    engine.Runs.Add(engine.Epoch(engine.Model));
                }
            }
        }
        finally
        {
            foreach (var engine in engines)
            {
                engine.Model.Dispose();
            }
            images.Dispose();
        }
        string report = Render(engines, augmentMs);
        Console.WriteLine(report);
        if (options.MarkdownPath is { } path)
        {
            File.WriteAllText(path, report);
        }
        return 0;
    }

    private EpochResult Timed(Func<Callbacks.History> fit)
    {
        var cpu = CpuClock.Start();
        long start = Stopwatch.GetTimestamp();
        var history = fit();
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        long samples = (long)options.StepsPerEpoch * options.BatchSize;
        return new EpochResult(seconds, samples / seconds, history["loss"][^1], history["accuracy"][^1], cpu.Elapsed());
    }

    // What prefetching has to hide: building one augmented batch (gather + augmentation) on this thread.
    private double AugmentMilliseconds(Dataset samples)
    {
        const int batches = 30;
        for (int i = 0; i < 3; i++)
        {
            using var warm = torch.NewDisposeScope();
            samples.GetBatch(batches + i);
        }
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < batches; i++)
        {
            using var scope = torch.NewDisposeScope();
            samples.GetBatch(i);
        }
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds / batches;
    }

    private string Render(IReadOnlyList<Engine> engines, double augmentMs)
    {
        var sb = new StringBuilder();
        sb.AppendLine("## pipeline: Fit on preloaded tensors vs Fit on an augmented, prefetched Dataset (Fashion-MNIST CNN)");
        sb.AppendLine();
        sb.AppendLine($"- Machine: {MachineInfo.Describe()}; torch threads {options.Threads}");
        sb.AppendLine("- Model: the tutorial CNN (`fit-cnn`'s); Adam; sparse categorical cross-entropy; accuracy");
        sb.AppendLine($"- Dataset: `FromArrays(x, y).Shuffle(60000, seed: 1).Batch({options.BatchSize})" +
                      ".Map(FlipAndShift, seed: 2)` — per-sample random horizontal flip and shift of up to " +
                      $"{Augment.Shift} px; building one batch on one thread takes " +
                      $"{augmentMs.ToString("F2", Stats.Invariant)} ms");
        sb.AppendLine($"- {options.Rounds} rounds (ABC, CBA, ...) of {options.StepsPerEpoch} steps per engine, after " +
                      "one warm-up epoch each");
        sb.AppendLine();
        sb.AppendLine("| engine | ms per step, median (min–max) | CPU ms per step (median) | CPU s / wall s (median) | " +
                      "last loss | last accuracy |");
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (var engine in engines)
        {
            var perStep = engine.Runs.Select(r => r.Seconds * 1000 / options.StepsPerEpoch).ToList();
            var load = Stats.Median(engine.Runs.Select(r => r.CpuSeconds / r.Seconds).ToList());
            var cpuPerStep = Stats.Median(engine.Runs.Select(r => r.CpuSeconds * 1000 / options.StepsPerEpoch).ToList());
            sb.AppendLine($"| {engine.Name} | {Stats.Spread(perStep, "F2")} | " +
                          $"{cpuPerStep.ToString("F2", Stats.Invariant)} | {load.ToString("F2", Stats.Invariant)} | " +
                          $"{engine.Runs[^1].Loss.ToString("F4", Stats.Invariant)} | " +
                          $"{engine.Runs[^1].Accuracy.ToString("F4", Stats.Invariant)} |");
        }
        sb.AppendLine();
        var baseline = engines[0].Runs.Select(r => r.Seconds).ToList();
        foreach (var engine in engines.Skip(1))
        {
            var seconds = engine.Runs.Select(r => r.Seconds).ToList();
            sb.AppendLine($"- **{engine.Name} / preloaded: " +
                          $"{Stats.MedianRatio(seconds, baseline).ToString("F3", Stats.Invariant)}** (median of rounds; " +
                          $"rounds: {string.Join(", ", seconds.Zip(baseline, (a, b) => (a / b).ToString("F3", Stats.Invariant)))}); " +
                          "CPU time ratio " + Stats.MedianRatio(engine.Runs.Select(r => r.CpuSeconds).ToList(),
                              engines[0].Runs.Select(r => r.CpuSeconds).ToList()).ToString("F3", Stats.Invariant));
        }
        return sb.ToString();
    }
}
