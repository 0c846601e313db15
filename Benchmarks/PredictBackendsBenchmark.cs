using System.Diagnostics;
using System.Text;

namespace Keras.Benchmarks;

/// <summary><c>predict-backends</c>: <c>Predict</c> latency of the tutorial MLP and CNN at batch 1 and 256 on the
/// torch and onnxruntime inference backends, in one process. Each round times a run of calls on each backend,
/// alternating which goes first; the result is the median of the per-call times and of the per-round ratios.</summary>
internal sealed class PredictBackendsBenchmark(PredictBenchOptions options)
{
    private static readonly string[] Backends = ["torch", "onnxruntime"];

    private sealed record Cell(string Model, int Batch, double FirstOnnxMs, List<double> TorchMs, List<double> OnnxMs,
        double MaxDifference);

    internal int Run()
    {
        torch.set_num_threads(options.Threads);
        string loadBefore = LoadAverage();
        var cells = new List<Cell>();
        foreach (var (name, create, shape) in new (string, Func<Sequential>, long[])[]
        {
            ("MLP", () => KerasMlp.Create(42), [28, 28]),
            ("CNN", () => KerasCnn.Create(42), [28, 28, 1]),
        })
        {
            using var model = create();
            foreach (int batch in new[] { 1, 256 })
            {
                cells.Add(Measure(name, model, batch, shape));
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

    private Cell Measure(string name, Model model, int batch, long[] sampleShape)
    {
        torch.manual_seed(7);
        using var x = torch.rand([batch, .. sampleShape]);
        int calls = batch == 1 ? options.Calls : Math.Max(1, options.Calls / 10);
        // The first onnxruntime call exports the graph and builds the session; later calls reuse it.
        long start = Stopwatch.GetTimestamp();
        using var viaOnnx = Predict(model, x, batch, "onnxruntime");
        double firstOnnxMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        using var viaTorch = Predict(model, x, batch, "torch");
        double maxDifference = (viaOnnx - viaTorch).abs().max().item<float>();
        var times = Backends.ToDictionary(b => b, _ => new List<double>());
        foreach (var backend in Backends)
        {
            TimeCalls(model, x, batch, backend, calls);   // warm-up
        }
        for (int round = 0; round < options.Rounds; round++)
        {
            MlpFitBenchmark.Progress($"predict-backends: {name} batch {batch}, round {round + 1}/{options.Rounds}");
            foreach (var backend in round % 2 == 0 ? Backends : Backends.Reverse())
            {
                times[backend].Add(TimeCalls(model, x, batch, backend, calls));
            }
        }
        return new Cell(name, batch, firstOnnxMs, times["torch"], times["onnxruntime"], maxDifference);
    }

    private static Tensor Predict(Model model, Tensor x, int batch, string backend) =>
        model.Predict(x, batchSize: batch, verbose: 0, backend: backend);

    // Milliseconds per Predict call over a run of calls.
    private static double TimeCalls(Model model, Tensor x, int batch, string backend, int calls)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < calls; i++)
        {
            Predict(model, x, batch, backend).Dispose();
        }
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds / calls;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg")
        ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
        : "n/a";

    private string Render(IReadOnlyList<Cell> cells, string loadBefore, string loadAfter)
    {
        var sb = new StringBuilder();
        sb.AppendLine("## predict-backends: Predict latency, torch vs onnxruntime");
        sb.AppendLine();
        sb.AppendLine($"- Machine: {MachineInfo.Describe()}; torch threads {options.Threads}, ONNX Runtime default " +
                      "intra-op threads (one per core)");
        sb.AppendLine("- Models: tutorial MLP (Flatten 28×28 → Dense 128 relu → Dropout 0.2 → Dense 10 softmax) " +
                      "and tutorial CNN (Conv2D 32 → MaxPool → Conv2D 64 → MaxPool → Flatten → Dropout → Dense 10)");
        sb.AppendLine("- `model.Predict(x, batchSize: batch, verbose: 0, backend: ...)` on one batch; " +
                      $"{options.Rounds} rounds (AB, BA, ...) of {options.Calls} calls at batch 1 and " +
                      $"{Math.Max(1, options.Calls / 10)} at batch 256, after a warm-up run each; load average " +
                      $"before {loadBefore}, after {loadAfter}");
        sb.AppendLine();
        sb.AppendLine("| model | batch | torch ms/call, median (min–max) | " +
                      "onnxruntime ms/call, median (min–max) | " +
                      "onnxruntime / torch (median of rounds) | first onnxruntime call, ms | " +
                      "max abs difference |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var c in cells)
        {
            sb.AppendLine(string.Create(Stats.Invariant,
                $"| {c.Model} | {c.Batch} | {Stats.Spread(c.TorchMs, "F3")} | {Stats.Spread(c.OnnxMs, "F3")} | " +
                $"{Stats.MedianRatio(c.OnnxMs, c.TorchMs):F2} | {c.FirstOnnxMs:F0} | {c.MaxDifference:E1} |"));
        }
        return sb.ToString();
    }
}
