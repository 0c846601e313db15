namespace Keras.Benchmarks;

/// <summary>A first epoch measured in a fresh process: model construction time, the epoch itself, and the JIT
/// compilation time and method count spent during the epoch.</summary>
internal sealed record FirstEpochSample(double SetupSeconds, EpochResult Epoch, double JitMilliseconds, long JitMethods);

/// <summary>Everything one <c>fit-mlp</c> run measured, for <see cref="MarkdownReport"/>.</summary>
internal sealed class BenchReport(BenchOptions options)
{
    internal BenchOptions Options { get; } = options;
    internal string LoadBefore { get; set; } = "";
    internal string LoadAfter { get; set; } = "";
    internal TimeSpan Elapsed { get; set; }
    internal string? PyTorchMissing { get; set; }
    internal string PyTorchVersion { get; set; } = "?";
    internal Dictionary<int, List<FirstEpochSample>> KerasFirst { get; } = [];
    internal Dictionary<int, List<FirstEpochSample>> HandFirst { get; } = [];
    internal Dictionary<int, List<FirstEpochSample>> KerasFirstNoPgo { get; } = [];
    internal Dictionary<int, List<FirstEpochSample>> HandFirstNoPgo { get; } = [];
    internal Dictionary<int, List<PyTorchRun>> PyTorch { get; } = [];
    internal Dictionary<int, List<EpochResult>> KerasSteady { get; } = [];
    internal Dictionary<int, List<EpochResult>> HandSteady { get; } = [];
    internal List<TimeSplitResult> Splits { get; } = [];
    internal List<MemoryEpoch> Memory { get; } = [];
    internal int MemoryBatchSize { get; set; }
    internal bool PeakIsPerEpoch { get; set; }

    internal static List<T> For<T>(Dictionary<int, List<T>> map, int batchSize) =>
        map.TryGetValue(batchSize, out var list) ? list : map[batchSize] = [];
}
