namespace Keras.Benchmarks;

/// <summary>Command-line options of <c>predict-apps</c>.</summary>
internal sealed record PredictAppsOptions
{
    internal const string Usage = """
        Usage: dotnet run -c Release --project Benchmarks -- predict-apps [options]

          --rounds N           torch/onnxruntime rounds (AB, BA, ...). Default 5.
          --calls N            Predict calls per round at batch 1 (batch 32 makes max(1, N/8)). Default 8.
          --threads N          torch threads (ONNX Runtime uses its default, one per core). Default 2.
          --models A,B         applications to run, of ResNet50 and MobileNetV2. Default both.
          --markdown PATH      also write the report to PATH.
        """;

    internal int Rounds { get; init; } = 5;
    internal int Calls { get; init; } = 8;
    internal int Threads { get; init; } = 2;
    internal IReadOnlyList<string> Models { get; init; } = ["ResNet50", "MobileNetV2"];
    internal string? MarkdownPath { get; init; }

    /// <summary>Parses <c>predict-apps</c>' options; unknown options and models are an error naming them.</summary>
    internal static PredictAppsOptions Parse(IReadOnlyList<string> args)
    {
        var options = new PredictAppsOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            options = arg switch
            {
                "--rounds" => options with { Rounds = BenchOptions.PositiveInt(args, ++i, arg) },
                "--calls" => options with { Calls = BenchOptions.PositiveInt(args, ++i, arg) },
                "--threads" => options with { Threads = BenchOptions.PositiveInt(args, ++i, arg) },
                "--models" => options with { Models = ParseModels(BenchOptions.Value(args, ++i, arg)) },
                "--markdown" => options with { MarkdownPath = BenchOptions.Value(args, ++i, arg) },
                _ => throw new ArgumentException($"Unknown option `{arg}`.\n{Usage}"),
            };
        }
        return options;
    }

    private static string[] ParseModels(string value)
    {
        string[] models = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (string model in models)
        {
            if (model is not ("ResNet50" or "MobileNetV2"))
            {
                throw new ArgumentException(
                    $"Unknown model `{model}` in --models; expected ResNet50 and/or MobileNetV2.\n{Usage}");
            }
        }
        return models;
    }
}
