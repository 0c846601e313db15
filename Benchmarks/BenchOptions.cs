namespace Keras.Benchmarks;

/// <summary>Command-line options of <c>fit-mlp</c>.</summary>
internal sealed record BenchOptions
{
    internal const string Usage = """
        Usage: dotnet run -c Release --project Benchmarks -- fit-mlp [options]

          --repeats N          fresh processes per first-epoch measurement (medians are reported). Default 5.
          --steady-repeats N   Fit/hand epoch pairs per batch size in one process. Default 10.
          --epochs-memory N    epochs of Fit watched by the memory probe. Default 20.
          --interleaved-epochs N  epochs of Fit with a hand step after each Fit step (the precise ratio). Default 3.
          --profile-steps N    steps of the phase split (capped at one pass). Default 1000.
          --batch-sizes A,B    batch sizes. Default 32,128.
          --threads N          torch threads in every process. Default 2.
          --quick              repeats 2, steady-repeats 3, interleaved-epochs 1, epochs-memory 6, profile-steps 400
                               (about 3 minutes on a quiet machine).
          --skip-pytorch       leave out the PyTorch baseline.
          --python PATH        the interpreter for Benchmarks/pytorch_mlp.py. Default /usr/bin/python3.
          --markdown PATH      also write the report to PATH.
          --max-steps N        cut every epoch to N steps (a smoke test of the harness; numbers are not epochs).
        """;

    internal int Repeats { get; init; } = 5;
    internal int SteadyRepeats { get; init; } = 10;
    internal int EpochsMemory { get; init; } = 20;
    internal int InterleavedEpochs { get; init; } = 3;
    internal int ProfileSteps { get; init; } = 1000;
    internal int[] BatchSizes { get; init; } = [32, 128];
    internal int Threads { get; init; } = 2;
    internal bool SkipPyTorch { get; init; }
    internal string Python { get; init; } = "/usr/bin/python3";
    internal string? MarkdownPath { get; init; }
    internal int? MaxSteps { get; init; }

    /// <summary>Parses <c>fit-mlp</c>'s options; unknown options are an error naming them.</summary>
    internal static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        if (args.Contains("--quick"))
        {
            options = options with
            {
                Repeats = 2, SteadyRepeats = 3, InterleavedEpochs = 1, EpochsMemory = 6, ProfileSteps = 400,
            };
        }
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            options = arg switch
            {
                "--quick" => options,
                "--skip-pytorch" => options with { SkipPyTorch = true },
                "--repeats" => options with { Repeats = PositiveInt(args, ++i, arg) },
                "--steady-repeats" => options with { SteadyRepeats = PositiveInt(args, ++i, arg) },
                "--interleaved-epochs" => options with { InterleavedEpochs = PositiveInt(args, ++i, arg) },
                "--epochs-memory" => options with { EpochsMemory = PositiveInt(args, ++i, arg) },
                "--profile-steps" => options with { ProfileSteps = PositiveInt(args, ++i, arg) },
                "--threads" => options with { Threads = PositiveInt(args, ++i, arg) },
                "--batch-sizes" => options with
                {
                    BatchSizes = Value(args, ++i, arg).Split(',').Select(s => PositiveInt(s, arg)).ToArray(),
                },
                "--python" => options with { Python = Value(args, ++i, arg) },
                "--markdown" => options with { MarkdownPath = Value(args, ++i, arg) },
                "--max-steps" => options with { MaxSteps = PositiveInt(args, ++i, arg) },
                _ => throw new ArgumentException($"Unknown option `{arg}`.\n{Usage}"),
            };
        }
        return options;
    }

    internal static string Value(IReadOnlyList<string> args, int index, string option) =>
        index < args.Count ? args[index] : throw new ArgumentException($"Option `{option}` needs a value.\n{Usage}");

    internal static int PositiveInt(IReadOnlyList<string> args, int index, string option) =>
        PositiveInt(Value(args, index, option), option);

    private static int PositiveInt(string text, string option) =>
        int.TryParse(text, out int value) && value > 0
            ? value
            : throw new ArgumentException($"Option `{option}` expects a positive integer. Received: {text}");
}
