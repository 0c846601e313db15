using System.Diagnostics;
using System.Text;
using static TorchSharp.torch;

namespace Keras.Benchmarks;

/// <summary><c>fit-cnn</c>: Keras.Net's Fit on the tutorial CNN against the same model in a hand-written TorchSharp
/// loop (<see cref="CnnHandLoop"/>), in one process, epochs alternated ABBA so each pair shares the machine's state;
/// the median of the pairs' time ratios is the result.</summary>
internal sealed class CnnFitBenchmark(CnnBenchOptions options)
{
    internal int Run()
    {
        torch.set_num_threads(options.Threads);
        using var data = FashionData.Load();
        var images = data.X.unsqueeze(-1).DetachFromDisposeScope();
        var fit = new List<EpochResult>();
        var hand = new List<EpochResult>();
        var handViews = new List<EpochResult>();
        using (var model = KerasCnn.Create(42))
        using (var loop = new CnnHandLoop(42))
        using (var viewLoop = new CnnHandLoop(42, channelsLastViews: true))
        {
            MlpFitBenchmark.Progress($"fit-cnn: warm-up ({options.StepsPerEpoch} steps each)");
            FitEpoch(model, images, data);
            loop.RunEpoch(data, options.BatchSize, options.StepsPerEpoch);
            viewLoop.RunEpoch(data, options.BatchSize, options.StepsPerEpoch);
            var engines = new (List<EpochResult> Runs, Func<EpochResult> Epoch)[]
            {
                (fit, () => FitEpoch(model, images, data)),
                (hand, () => loop.RunEpoch(data, options.BatchSize, options.StepsPerEpoch)),
                (handViews, () => viewLoop.RunEpoch(data, options.BatchSize, options.StepsPerEpoch)),
            };
            for (int r = 0; r < options.Pairs; r++)
            {
                MlpFitBenchmark.Progress($"fit-cnn: round {r + 1}/{options.Pairs}");
                // ABC, CBA, ...: each engine's average position in the round is the same.
                foreach (var (runs, epoch) in r % 2 == 0 ? engines : engines.Reverse())
                {
                    runs.Add(epoch());
                }
            }
        }
        images.Dispose();
        string report = Render(fit, hand, handViews);
        Console.WriteLine(report);
        if (options.MarkdownPath is { } path)
        {
            File.WriteAllText(path, report);
        }
        return 0;
    }

    private EpochResult FitEpoch(Model model, Tensor images, FashionData data)
    {
        var cpu = CpuClock.Start();
        long start = Stopwatch.GetTimestamp();
        var history = model.Fit(images, data.Y, batchSize: options.BatchSize, epochs: 1, verbose: 0,
            stepsPerEpoch: options.StepsPerEpoch);
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        long samples = Math.Min(data.Count, (long)options.StepsPerEpoch * options.BatchSize);
        return new EpochResult(seconds, samples / seconds, history["loss"][^1], history["accuracy"][^1], cpu.Elapsed());
    }

    private string Render(IReadOnlyList<EpochResult> fit, IReadOnlyList<EpochResult> hand,
        IReadOnlyList<EpochResult> handViews)
    {
        var fitSeconds = fit.Select(r => r.Seconds).ToList();
        var sb = new StringBuilder();
        sb.AppendLine("## fit-cnn: Keras.Net Fit vs hand-written TorchSharp (Fashion-MNIST CNN)");
        sb.AppendLine();
        sb.AppendLine($"- Machine: {MachineInfo.Describe()}; torch threads {options.Threads}");
        sb.AppendLine("- Model: Conv2D(32, 3, relu) → MaxPooling2D(2) → Conv2D(64, 3, relu) → MaxPooling2D(2) → Flatten → " +
                      "Dropout(0.5) → Dense(10, softmax); Adam; sparse categorical cross-entropy; accuracy");
        sb.AppendLine($"- {options.Pairs} rounds (ABC, CBA, ...) of {options.StepsPerEpoch} steps at batch " +
                      $"{options.BatchSize} per engine, after one warm-up epoch each");
        sb.AppendLine();
        sb.AppendLine("| engine | seconds per epoch, median (min–max) | samples/s (median) | last loss | last accuracy |");
        sb.AppendLine("|---|---|---|---|---|");
        Row(sb, "Keras.Net Fit (channels_last)", fit);
        Row(sb, "hand TorchSharp loop (contiguous NCHW)", hand);
        Row(sb, "hand TorchSharp loop (NHWC data viewed as NCHW)", handViews);
        sb.AppendLine();
        Ratio(sb, "Fit / hand (contiguous NCHW)", fitSeconds, hand.Select(r => r.Seconds).ToList());
        Ratio(sb, "Fit / hand (NHWC views, the same memory layout as Fit)", fitSeconds,
            handViews.Select(r => r.Seconds).ToList());
        return sb.ToString();
    }

    private static void Ratio(StringBuilder sb, string name, IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        sb.AppendLine($"- **{name}: {Stats.MedianRatio(a, b).ToString("F3", Stats.Invariant)}** (median of rounds; " +
                      $"rounds: {string.Join(", ", a.Zip(b, (x, y) => (x / y).ToString("F3", Stats.Invariant)))})");
    }

    private static void Row(StringBuilder sb, string name, IReadOnlyList<EpochResult> runs) =>
        sb.AppendLine($"| {name} | {Stats.Spread(runs.Select(r => r.Seconds).ToList(), "F2")} | " +
                      $"{Stats.Median(runs.Select(r => r.SamplesPerSecond).ToList()).ToString("F0", Stats.Invariant)} | " +
                      $"{runs[^1].Loss.ToString("F4", Stats.Invariant)} | {runs[^1].Accuracy.ToString("F4", Stats.Invariant)} |");
}
