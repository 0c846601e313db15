namespace Keras.Benchmarks;

/// <summary>Command-line options of <c>fit-cnn</c>.</summary>
internal sealed record CnnBenchOptions
{
    internal const string Usage = """
        Usage: dotnet run -c Release --project Benchmarks -- fit-cnn [options]

          --pairs N            Fit/hand epoch pairs (ABBA order). Default 6.
          --steps N            steps per epoch (the full epoch is 938 at batch 64). Default 200.
          --batch-size N       Default 64.
          --threads N          torch threads. Default 2.
          --markdown PATH      also write the report to PATH.
        """;

    internal int Pairs { get; init; } = 6;
    internal int StepsPerEpoch { get; init; } = 200;
    internal int BatchSize { get; init; } = 64;
    internal int Threads { get; init; } = 2;
    internal string? MarkdownPath { get; init; }

    /// <summary>Parses <c>fit-cnn</c>'s options; unknown options are an error naming them.</summary>
    internal static CnnBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CnnBenchOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            options = arg switch
            {
                "--pairs" => options with { Pairs = BenchOptions.PositiveInt(args, ++i, arg) },
                "--steps" => options with { StepsPerEpoch = BenchOptions.PositiveInt(args, ++i, arg) },
                "--batch-size" => options with { BatchSize = BenchOptions.PositiveInt(args, ++i, arg) },
                "--threads" => options with { Threads = BenchOptions.PositiveInt(args, ++i, arg) },
                "--markdown" => options with { MarkdownPath = BenchOptions.Value(args, ++i, arg) },
                _ => throw new ArgumentException($"Unknown option `{arg}`.\n{Usage}"),
            };
        }
        return options;
    }
}
