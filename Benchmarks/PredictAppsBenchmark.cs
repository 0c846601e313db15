using System.Diagnostics;
using System.Text;
using Keras.Applications;

namespace Keras.Benchmarks;

/// <summary><c>predict-apps</c>: images per second of <c>Predict</c> for the ResNet50 and MobileNetV2 applications
/// (224×224×3, random weights) at batch 1 and 32, on the torch and onnxruntime inference backends, in one process.
/// Each round times a run of calls on each backend, alternating which goes first; the result is the median of the
/// per-round throughputs and of the per-round ratios.</summary>
internal sealed class PredictAppsBenchmark(PredictAppsOptions options)
{
    private static readonly string[] Backends = ["torch", "onnxruntime"];
    private static readonly int[] Batches = [1, 32];

    private sealed record Cell(string Model, int Batch, long Parameters, double FirstOnnxMs, List<double> TorchIps,
        List<double> OnnxIps, double MaxDifference);

    internal int Run()
    {
        torch.set_num_threads(options.Threads);
        string loadBefore = LoadAverage();
        var cells = new List<Cell>();
        foreach (string name in options.Models)
        {
            // Random weights: the work is the same as with ImageNet's, and nothing is downloaded.
            using Functional model = name == "ResNet50" ? ResNet50.Build(weights: null) : MobileNetV2.Build(weights: null);
            foreach (int batch in Batches)
            {
                cells.Add(Measure(name, model, batch));
            }
        }
        string report = Render(cells, loadBefore, LoadAverage());
        Console.WriteLine(report);
        if (options.MarkdownPath is { } path)
        {
            File.WriteAllText(path, report);
        }
        return 0;
    }

    private int CallsAt(int batch) => batch == 1 ? options.Calls : Math.Max(1, options.Calls / 8);

    private Cell Measure(string name, Model model, int batch)
    {
        torch.manual_seed(7);
        using var x = torch.rand(batch, 224, 224, 3) * 2 - 1;
        int calls = CallsAt(batch);
        // The first onnxruntime call exports the graph and builds the session; later calls reuse it.
        long start = Stopwatch.GetTimestamp();
        using var viaOnnx = Predict(model, x, batch, "onnxruntime");
        double firstOnnxMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        using var viaTorch = Predict(model, x, batch, "torch");
        double maxDifference = (viaOnnx - viaTorch).abs().max().item<float>();
        var rates = Backends.ToDictionary(b => b, _ => new List<double>());
        foreach (var backend in Backends)
        {
            ImagesPerSecond(model, x, batch, backend, 1);   // warm-up
        }
        for (int round = 0; round < options.Rounds; round++)
        {
            MlpFitBenchmark.Progress($"predict-apps: {name} batch {batch}, round {round + 1}/{options.Rounds}");
            foreach (var backend in round % 2 == 0 ? Backends : Backends.Reverse())
            {
                rates[backend].Add(ImagesPerSecond(model, x, batch, backend, calls));
            }
        }
        return new Cell(name, batch, model.CountParams(), firstOnnxMs, rates["torch"], rates["onnxruntime"],
            maxDifference);
    }

    private static Tensor Predict(Model model, Tensor x, int batch, string backend) =>
        model.Predict(x, batchSize: batch, verbose: 0, backend: backend);

    // Images per second over a run of Predict calls on one batch.
    private static double ImagesPerSecond(Model model, Tensor x, int batch, string backend, int calls)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < calls; i++)
        {
            Predict(model, x, batch, backend).Dispose();
        }
        return batch * calls / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg")
        ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
        : "n/a";

    private string Render(IReadOnlyList<Cell> cells, string loadBefore, string loadAfter)
    {
        var sb = new StringBuilder();
        sb.AppendLine("## predict-apps: Predict throughput of applications, torch vs onnxruntime");
        sb.AppendLine();
        sb.AppendLine($"- Machine: {MachineInfo.Describe()}; torch threads {options.Threads}, ONNX Runtime default " +
                      "intra-op threads (one per core)");
        sb.AppendLine("- Models: `ResNet50.Build(weights: null)` and `MobileNetV2.Build(weights: null)` (224×224×3, " +
                      "1000 classes, random weights), inputs uniform in [-1, 1]");
        sb.AppendLine("- `model.Predict(x, batchSize: batch, verbose: 0, backend: ...)` on one batch; " +
                      $"{options.Rounds} rounds (AB, BA, ...) of {CallsAt(1)} calls at batch 1 and {CallsAt(32)} at " +
                      $"batch 32, after one warm-up call each; load average before {loadBefore}, after {loadAfter}");
        sb.AppendLine();
        sb.AppendLine("| model | params | batch | torch images/s, median (min–max) | " +
                      "onnxruntime images/s, median (min–max) | onnxruntime / torch throughput (median of rounds) | " +
                      "first onnxruntime call, ms | max abs difference |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var c in cells)
        {
            sb.AppendLine(string.Create(Stats.Invariant,
                $"| {c.Model} | {c.Parameters:N0} | {c.Batch} | {Stats.Spread(c.TorchIps, "F2")} | " +
                $"{Stats.Spread(c.OnnxIps, "F2")} | {Stats.MedianRatio(c.OnnxIps, c.TorchIps):F2} | " +
                $"{c.FirstOnnxMs:F0} | {c.MaxDifference:E1} |"));
        }
        return sb.ToString();
    }
}
