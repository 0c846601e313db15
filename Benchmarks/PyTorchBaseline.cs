namespace Keras.Benchmarks;

/// <summary>One fresh Python process of <c>pytorch_mlp.py</c>: epoch 0 is its first epoch, later ones steady state.</summary>
internal sealed record PyTorchRun(string TorchVersion, int BatchSize, double ImportSeconds, double SetupSeconds,
    IReadOnlyList<EpochResult> Epochs);

/// <summary>Runs <c>Benchmarks/pytorch_mlp.py</c> with Debian's PyTorch as a subprocess of this session.</summary>
internal static class PyTorchBaseline
{
    internal const string ScriptName = "pytorch_mlp.py";

    internal static PyTorchRun Run(string python, int batchSize, int epochs, int threads, int? maxSteps)
    {
        string[] args =
            [FindScript(), "--batch-size", Str(batchSize), "--epochs", Str(epochs), "--threads", Str(threads)];
        var json = ChildProcess.Run(python, maxSteps is int steps ? [.. args, "--max-steps", Str(steps)] : args);
        var runs = json.GetProperty("epochs").EnumerateArray().Select(e => new EpochResult(
            e.GetProperty("seconds").GetDouble(), e.GetProperty("samples_per_second").GetDouble(),
            e.GetProperty("loss").GetDouble(), e.GetProperty("accuracy").GetDouble(),
            e.GetProperty("cpu_seconds").GetDouble())).ToList();
        return new PyTorchRun(json.GetProperty("torch_version").GetString() ?? "?", batchSize,
            json.GetProperty("import_seconds").GetDouble(), json.GetProperty("setup_seconds").GetDouble(), runs);
    }

    /// <summary>Checks that the interpreter imports torch; returns the reason when it cannot.</summary>
    internal static string? Unavailable(string python)
    {
        if (!File.Exists(python))
        {
            return $"{python} not found";
        }
        try
        {
            FindScript();
            ChildProcess.Run(python, ["-c", "import torch; print('RESULT {}')"]);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or FileNotFoundException
            or System.ComponentModel.Win32Exception)
        {
            return "PyTorch is not importable (apt-get install -y python3-torch libopenblas0-openmp): " +
                e.Message.Split('\n')[0];
        }
    }

    /// <summary>The script next to this source file: looked for under the working directory (the repo root when run
    /// with <c>dotnet run --project Benchmarks</c>) and above the executable.</summary>
    private static string FindScript()
    {
        var candidates = new List<string>
        {
            Path.Combine(Environment.CurrentDirectory, "Benchmarks", ScriptName),
            Path.Combine(Environment.CurrentDirectory, ScriptName),
        };
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            candidates.Add(Path.Combine(dir.FullName, "Benchmarks", ScriptName));
        }
        return candidates.FirstOrDefault(File.Exists) ?? throw new FileNotFoundException(
            $"{ScriptName} not found; run from the repository root. Looked in: {string.Join(", ", candidates.Take(3))}");
    }

    private static string Str(int value) => value.ToString(Stats.Invariant);
}
