namespace Keras.Benchmarks;

/// <summary>Command-line options of <c>predict-backends</c>.</summary>
internal sealed record PredictBenchOptions
{
    internal const string Usage = """
        Usage: dotnet run -c Release --project Benchmarks -- predict-backends [options]

          --rounds N           torch/onnxruntime rounds (AB, BA, ...). Default 9.
          --calls N            Predict calls per round at batch 1 (batch 256 makes N/10). Default 200.
          --threads N          torch threads (ONNX Runtime uses its default, one per core). Default 2.
          --markdown PATH      also write the report to PATH.
        """;

    internal int Rounds { get; init; } = 9;
    internal int Calls { get; init; } = 200;
    internal int Threads { get; init; } = 2;
    internal string? MarkdownPath { get; init; }

    /// <summary>Parses <c>predict-backends</c>' options; unknown options are an error naming them.</summary>
    internal static PredictBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new PredictBenchOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            options = arg switch
            {
                "--rounds" => options with { Rounds = BenchOptions.PositiveInt(args, ++i, arg) },
                "--calls" => options with { Calls = BenchOptions.PositiveInt(args, ++i, arg) },
                "--threads" => options with { Threads = BenchOptions.PositiveInt(args, ++i, arg) },
                "--markdown" => options with { MarkdownPath = BenchOptions.Value(args, ++i, arg) },
                _ => throw new ArgumentException($"Unknown option `{arg}`.\n{Usage}"),
            };
        }
        return options;
    }
}
