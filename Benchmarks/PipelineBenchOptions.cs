namespace Keras.Benchmarks;

/// <summary>Command-line options of <c>pipeline</c>.</summary>
internal sealed record PipelineBenchOptions
{
    internal const string Usage = """
        Usage: dotnet run -c Release --project Benchmarks -- pipeline [options]

          --rounds N           rounds; each trains every engine for one epoch of --steps steps. Default 6.
          --steps N            steps per epoch. Default 150.
          --batch-size N       Default 64.
          --threads N          torch threads. Default 2.
          --workers N          prefetch worker threads of the augmented dataset. Default 1.
          --queue N            prefetch queue size (batches built ahead). Default 4.
          --markdown PATH      also write the report to PATH.
        """;

    internal int Rounds { get; init; } = 6;
    internal int StepsPerEpoch { get; init; } = 150;
    internal int BatchSize { get; init; } = 64;
    internal int Threads { get; init; } = 2;
    internal int Workers { get; init; } = 1;
    internal int Queue { get; init; } = 4;
    internal string? MarkdownPath { get; init; }

    /// <summary>Parses <c>pipeline</c>'s options; unknown options are an error naming them.</summary>
    internal static PipelineBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new PipelineBenchOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            options = arg switch
            {
                "--rounds" => options with { Rounds = BenchOptions.PositiveInt(args, ++i, arg) },
                "--steps" => options with { StepsPerEpoch = BenchOptions.PositiveInt(args, ++i, arg) },
                "--batch-size" => options with { BatchSize = BenchOptions.PositiveInt(args, ++i, arg) },
                "--threads" => options with { Threads = BenchOptions.PositiveInt(args, ++i, arg) },
                "--workers" => options with { Workers = BenchOptions.PositiveInt(args, ++i, arg) },
                "--queue" => options with { Queue = BenchOptions.PositiveInt(args, ++i, arg) },
                "--markdown" => options with { MarkdownPath = BenchOptions.Value(args, ++i, arg) },
                _ => throw new ArgumentException($"Unknown option `{arg}`.\n{Usage}"),
            };
        }
        return options;
    }
}
