using System.Text;

namespace Keras.Benchmarks;

/// <summary>Renders a <see cref="BenchReport"/> as markdown tables (medians, ranges and ratios).</summary>
internal static class MarkdownReport
{
    internal static string Render(BenchReport report)
    {
        var sb = new StringBuilder();
        Environment(sb, report);
        Throughput(sb, report);
        foreach (var split in report.Splits)
        {
            TimeSplitTable(sb, split);
        }
        MemoryTable(sb, report);
        return sb.ToString();
    }

    private static void Environment(StringBuilder sb, BenchReport report)
    {
        var o = report.Options;
        sb.AppendLine("## fit-mlp: Keras.Net Fit vs hand-written TorchSharp vs PyTorch (Fashion-MNIST MLP)");
        sb.AppendLine();
        sb.AppendLine($"- Machine: {MachineInfo.Describe()}");
        sb.AppendLine($"- .NET {System.Environment.Version}, TorchSharp {typeof(TorchSharp.torch).Assembly.GetName().Version}, " +
            $"PyTorch {(report.PyTorchMissing is null ? report.PyTorchVersion : "n/a (" + report.PyTorchMissing + ")")}; " +
            $"torch threads {o.Threads} in every process");
        sb.AppendLine($"- Model: Flatten → Dense(128, relu) → Dropout(0.2) → Dense(10, softmax); Adam (Keras formula), " +
            "sparse categorical cross-entropy, running loss + accuracy, shuffle each epoch, 60,000 samples/epoch");
        sb.AppendLine($"- {o.Repeats} fresh processes per first-epoch cell, {o.SteadyRepeats} steady Fit/hand epoch pairs " +
            $"per batch size (medians, range in brackets); load average before {report.LoadBefore}, " +
            $"after {report.LoadAfter}; total run {F(report.Elapsed.TotalMinutes)} min");
        sb.AppendLine();
    }

    private static void Throughput(StringBuilder sb, BenchReport report)
    {
        bool py = report.PyTorchMissing is null;
        sb.AppendLine("### Epoch time in seconds (lower is better) and throughput ratios (samples/s; > 1 means faster)");
        sb.AppendLine();
        sb.AppendLine("| Batch | Measure | Keras.Net Fit | Hand TorchSharp | PyTorch | Fit / hand | Fit / PyTorch | Hand / PyTorch |");
        sb.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (int bs in report.Options.BatchSizes)
        {
            var kFirst = Seconds(BenchReport.For(report.KerasFirst, bs).Select(s => s.Epoch));
            var hFirst = Seconds(BenchReport.For(report.HandFirst, bs).Select(s => s.Epoch));
            var pyRuns = BenchReport.For(report.PyTorch, bs);
            var pFirst = pyRuns.Select(r => r.Epochs[0].Seconds).ToList();
            Row(sb, bs, "first epoch, fresh process", kFirst, hFirst, pFirst, py,
                Stats.Median(hFirst) / Stats.Median(kFirst));
            var kNoPgo = Seconds(BenchReport.For(report.KerasFirstNoPgo, bs).Select(s => s.Epoch));
            var hNoPgo = Seconds(BenchReport.For(report.HandFirstNoPgo, bs).Select(s => s.Epoch));
            Row(sb, bs, "first epoch, fresh process, DOTNET_TieredPGO=0", kNoPgo, hNoPgo, pFirst, py,
                Stats.Median(hNoPgo) / Stats.Median(kNoPgo));

            var kSteady = Seconds(BenchReport.For(report.KerasSteady, bs));
            var hSteady = Seconds(BenchReport.For(report.HandSteady, bs));
            var pSteady = pyRuns.SelectMany(r => r.Epochs.Skip(1)).Select(e => e.Seconds).ToList();
            // Steady Fit/hand pairs ran back to back in one process: the median of the pair ratios.
            Row(sb, bs, "steady-state epoch", kSteady, hSteady, pSteady, py, Stats.MedianRatio(hSteady, kSteady));
            if (report.Splits.FirstOrDefault(x => x.BatchSize == bs) is { } split)
            {
                sb.AppendLine($"| {bs} | steady state, Fit steps interleaved with hand steps (median µs/step, hand shuffle added) | " +
                    $"{F(split.FitStepMicroseconds)} | {F(split.HandStepMicroseconds + split.HandShuffleMicroseconds)} | – | " +
                    $"**{F(split.FitOverHandMedian, "F3")}** | | |");
            }
            var kCpu = Cpu(BenchReport.For(report.KerasSteady, bs));
            var hCpu = Cpu(BenchReport.For(report.HandSteady, bs));
            var pCpu = Cpu(pyRuns.SelectMany(r => r.Epochs.Skip(1)));
            Row(sb, bs, "steady-state epoch, process CPU s", kCpu, hCpu, pCpu, py, Stats.MedianRatio(hCpu, kCpu));
            Row(sb, bs, "steady samples/s", Rates(BenchReport.For(report.KerasSteady, bs)),
                Rates(BenchReport.For(report.HandSteady, bs)), Rates(pyRuns.SelectMany(r => r.Epochs.Skip(1))), py,
                double.NaN, "F0");
            var kSetup = BenchReport.For(report.KerasFirst, bs).Select(s => s.SetupSeconds * 1000).ToList();
            var hSetup = BenchReport.For(report.HandFirst, bs).Select(s => s.SetupSeconds * 1000).ToList();
            var pSetup = pyRuns.Select(r => r.SetupSeconds * 1000).ToList();
            Row(sb, bs, "model construction, fresh process (ms)", kSetup, hSetup, pSetup, py, double.NaN, "F1");
            var kJit = BenchReport.For(report.KerasFirst, bs).Select(s => s.JitMilliseconds).ToList();
            var hJit = BenchReport.For(report.HandFirst, bs).Select(s => s.JitMilliseconds).ToList();
            var kMethods = BenchReport.For(report.KerasFirst, bs).Select(s => (double)s.JitMethods).ToList();
            var hMethods = BenchReport.For(report.HandFirst, bs).Select(s => (double)s.JitMethods).ToList();
            sb.AppendLine($"| {bs} | .NET JIT during the first epoch: ms / methods | {Stats.Spread(kJit, "F0")} / " +
                $"{F(Stats.Median(kMethods), "F0")} | {Stats.Spread(hJit, "F0")} / {F(Stats.Median(hMethods), "F0")} | " +
                "– | | | |");
            var kJitNoPgo = BenchReport.For(report.KerasFirstNoPgo, bs).Select(s => s.JitMilliseconds).ToList();
            var hJitNoPgo = BenchReport.For(report.HandFirstNoPgo, bs).Select(s => s.JitMilliseconds).ToList();
            sb.AppendLine($"| {bs} | .NET JIT during the first epoch, TieredPGO off: ms | {Stats.Spread(kJitNoPgo, "F0")} | " +
                $"{Stats.Spread(hJitNoPgo, "F0")} | – | | | |");
            var kEpoch = BenchReport.For(report.KerasFirst, bs).Select(s => s.Epoch).ToList();
            var hEpoch = BenchReport.For(report.HandFirst, bs).Select(s => s.Epoch).ToList();
            var pEpoch = pyRuns.Select(r => r.Epochs[0]).ToList();
            sb.AppendLine($"| {bs} | first-epoch loss / accuracy | {LossAcc(kEpoch)} | {LossAcc(hEpoch)} | " +
                $"{(py ? LossAcc(pEpoch) : "n/a")} | | | |");
        }
        sb.AppendLine();
        sb.AppendLine("First-epoch ratios compare medians of separate fresh processes; the steady-epoch Fit / hand ratio is the " +
            "median of back-to-back epoch pairs in one process; the interleaved row pairs every Fit step with a hand " +
            "step run right after it (the most noise-proof comparison); ratios against PyTorch compare medians " +
            "measured in the same run. " +
            "CPU s is the process's user+system time over all threads during the epoch: a wall time far above " +
            "CPU s / threads means the process waited for a core (a busy machine), not that it did more work.");
        sb.AppendLine();
    }

    private static void Row(StringBuilder sb, int bs, string measure, IReadOnlyList<double> keras,
        IReadOnlyList<double> hand, IReadOnlyList<double> pytorch, bool py, double fitOverHand, string format = "F2")
    {
        bool isSeconds = format == "F2";
        string Ratio(IReadOnlyList<double> a, IReadOnlyList<double> b) => isSeconds && a.Count > 0 && b.Count > 0
            ? (Stats.Median(b) / Stats.Median(a)).ToString("F3", Stats.Invariant)
            : "";
        string pCell = py ? Stats.Spread(pytorch, format) : "n/a";
        string fitHand = double.IsNaN(fitOverHand) ? "" : $"**{fitOverHand.ToString("F3", Stats.Invariant)}**";
        sb.AppendLine($"| {bs} | {measure} | {Stats.Spread(keras, format)} | {Stats.Spread(hand, format)} | {pCell} | " +
            $"{fitHand} | {(py ? Ratio(keras, pytorch) : "")} | {(py ? Ratio(hand, pytorch) : "")} |");
    }

    private static void TimeSplitTable(StringBuilder sb, TimeSplitResult split)
    {
        sb.AppendLine($"### Where a step goes, batch {split.BatchSize}");
        sb.AppendLine();
        sb.AppendLine($"Whole steps, interleaved: {split.InterleavedEpochs} epoch(s) of Fit with one hand-loop step run " +
            $"right after each Fit step ({split.InterleavedSteps} pairs; step 0 of each epoch left out). Fit gathers " +
            "each batch from a per-epoch permutation inside its step; the hand loop copies the shuffled dataset once " +
            "per epoch, outside its steps, so that copy is spread over its steps and added:");
        sb.AppendLine();
        sb.AppendLine("| | Fit step (scope + batch + TrainStep + logs) | Hand step | Fit / hand throughput |");
        sb.AppendLine("|---|---:|---:|---:|");
        double handWithShuffle = split.HandStepMicroseconds + split.HandShuffleMicroseconds;
        sb.AppendLine($"| median µs per step | {F(split.FitStepMicroseconds)} | {F(split.HandStepMicroseconds)} | " +
            $"{F(split.HandStepMicroseconds / split.FitStepMicroseconds, "F3")} |");
        sb.AppendLine($"| + hand epoch shuffle per step | | +{F(split.HandShuffleMicroseconds)} | |");
        sb.AppendLine($"| **per step, like for like** | **{F(split.FitStepMicroseconds)}** | **{F(handWithShuffle)}** | " +
            $"**{F(split.FitOverHandMedian, "F3")}** |");
        sb.AppendLine($"| total time ratio (stalls included, shuffle added) | | | {F(split.FitOverHandTotal, "F3")} |");
        sb.AppendLine($"| tensors created per step (≈ ops dispatched) | {F(split.FitStepTensors, "F1")} | " +
            $"{F(split.HandStepTensors, "F1")} | |");
        sb.AppendLine();
        sb.AppendLine($"Phases, interleaved step by step over {split.PhaseSteps} steps: the hand loop against Keras.Net's " +
            "TrainStep replayed from its public pieces (median µs per step; tensors per step):");
        sb.AppendLine();
        sb.AppendLine("| Phase | Hand µs | Hand tensors | Keras.Net µs | Keras.Net tensors | Δ µs |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|");
        var hUs = split.HandMicroseconds;
        var hT = split.HandTensors;
        var kUs = split.KerasMicroseconds;
        var kT = split.KerasTensors;
        for (int i = 0; i < split.KerasPhases.Count; i++)
        {
            bool inHand = i < split.HandPhases.Count;
            string h = inHand ? F(hUs[i]) : "–";
            string ht = inHand ? F(hT[i], "F1") : "–";
            sb.AppendLine($"| {split.KerasPhases[i]} | {h} | {ht} | {F(kUs[i])} | {F(kT[i], "F1")} | " +
                $"{Signed(kUs[i] - (inHand ? hUs[i] : 0))} |");
        }
        sb.AppendLine($"| **median whole step** | {F(split.HandPhaseStepMicroseconds)} | {F(hT.Sum(), "F1")} | " +
            $"{F(split.KerasPhaseStepMicroseconds)} | {F(kT.Sum(), "F1")} | " +
            $"{Signed(split.KerasPhaseStepMicroseconds - split.HandPhaseStepMicroseconds)} |");
        sb.AppendLine();
        // Each difference is taken within its own interleaved pairing; absolute step times differ between pairings
        // (cache and machine state), so Fit's loop cost is the difference of the two differences.
        double loopOverhead = (split.FitStepMicroseconds - split.HandStepMicroseconds) -
            (split.KerasPhaseStepMicroseconds - split.HandPhaseStepMicroseconds);
        sb.AppendLine($"Fit's epoch loop beyond the replayed components ((Fit − hand) − (replay − hand), both without " +
            "the hand loop's shuffle; so this includes Fit's per-batch gather): " +
            $"{Signed(loopOverhead)} µs and {Signed(split.FitStepTensors - kT.Sum())} tensors per step. " +
            $"GEMM only (2 forward addmm + 3 backward mm): **{F(split.GemmMicroseconds)} µs/step** = " +
            $"{F(100 * split.GemmMicroseconds / split.HandStepMicroseconds, "F0")}% of the hand step. " +
            $"TorchSharp dispatch floor: {F(split.InPlaceOpMicroseconds, "F2")} µs per in-place 0-d op, " +
            $"{F(split.AllocatingOpMicroseconds, "F2")} µs per op returning a new tensor (dispose-scope tracked).");
        sb.AppendLine();
    }

    private static void MemoryTable(StringBuilder sb, BenchReport report)
    {
        var rows = report.Memory;
        sb.AppendLine($"### Memory over {rows.Count} epochs of one Fit call (batch {report.MemoryBatchSize}, fresh process, " +
            "arrays passed as in the tutorial)");
        sb.AppendLine();
        sb.AppendLine($"| Epoch | s | {(report.PeakIsPerEpoch ? "Peak RSS in epoch" : "Peak RSS (process)")} MB | " +
            "RSS at end MB | private resident (RssAnon) MB | private bytes (VmData) MB | GC heap MB | live tensors |");
        sb.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var m in rows)
        {
            sb.AppendLine($"| {m.Epoch} | {F(m.Seconds, "F2")} | {F(m.PeakRssMb)} | {F(m.RssMb)} | {F(m.RssAnonMb)} | " +
                $"{F(m.PrivateBytesMb)} | {F(m.GcHeapMb)} | {m.LiveTensors} |");
        }
        sb.AppendLine();
        if (rows.Count >= 3)
        {
            sb.AppendLine(MemoryVerdict.Describe(rows));
            sb.AppendLine();
        }
    }

    private static string LossAcc(IReadOnlyList<EpochResult> epochs) => epochs.Count == 0
        ? "n/a"
        : $"{F(Stats.Median(epochs.Select(e => e.Loss).ToList()), "F4")} / " +
          $"{F(Stats.Median(epochs.Select(e => e.Accuracy).ToList()), "F4")}";

    private static List<double> Seconds(IEnumerable<EpochResult> epochs) => epochs.Select(e => e.Seconds).ToList();

    private static List<double> Cpu(IEnumerable<EpochResult> epochs) => epochs.Select(e => e.CpuSeconds).ToList();

    private static List<double> Rates(IEnumerable<EpochResult> epochs) =>
        epochs.Select(e => e.SamplesPerSecond).ToList();

    private static string F(double value, string format = "F1") => value.ToString(format, Stats.Invariant);

    private static string Signed(double value) => Math.Round(value, 1).ToString("+0.0;-0.0;0.0", Stats.Invariant);
}
