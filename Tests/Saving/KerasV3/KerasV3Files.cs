using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Keras.Tests.Saving.KerasV3;

/// <summary>A fresh temporary directory per test, deleted afterwards, plus helpers shared by the Keras 3 saving
/// tests.</summary>
internal sealed class KerasV3Files : IDisposable
{
    public KerasV3Files()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("keras-v3-").FullName;
    }

    public string Directory { get; }

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>Every file under the temp directory (to check that loading extracted nothing).</summary>
    public string[] Files() => System.IO.Directory.GetFiles(Directory, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(Directory, f)).Order(StringComparer.Ordinal).ToArray();

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    /// <summary>Gives every weight random values, so a round trip that loses any of them fails (fresh
    /// initialization leaves biases and BatchNormalization statistics at the same constants).</summary>
    public static void Randomize(Layer layer, int seed = 7)
    {
        var generator = new torch.Generator((ulong)seed);
        foreach (var variable in layer.Weights)
        {
            using var value = torch.rand(variable.Shape.ToLongArray(), generator: generator) + 0.5f;
            variable.Assign(value);
        }
    }

    /// <summary>Deterministic inputs of <paramref name="shape"/>.</summary>
    public static Tensor Inputs(long[] shape, int seed = 3)
    {
        var generator = new torch.Generator((ulong)seed);
        return torch.rand(shape, generator: generator);
    }

    public static float[] Values(Tensor tensor) => tensor.detach().cpu().contiguous().data<float>().ToArray();

    /// <summary>Runs the independent Python lister (h5py + zipfile) on <paramref name="file"/>.</summary>
    public static string[] PythonLayout(string file, [CallerFilePath] string here = "") =>
        RunPython(Path.Combine(Path.GetDirectoryName(here)!, "list_keras_layout.py"), [file]);

    /// <summary>Rewrites a weights file in place into an older writer's layout (<c>rewrite_legacy_paths.py</c>).</summary>
    public static void RewriteLegacy(string file, string mode, [CallerFilePath] string here = "") =>
        RunPython(Path.Combine(Path.GetDirectoryName(here)!, "rewrite_legacy_paths.py"), [file, mode]);

    private static string[] RunPython(string script, string[] arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/python3", [script, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(script)} failed: {error}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Saves to <c>.keras</c> and loads back.</summary>
    public Model RoundTrip(Model model, string name = "model.keras", bool compile = true)
    {
        string path = PathOf(name);
        model.Save(path);
        return Models.LoadModel(path, compile);
    }

    /// <summary><c>model.LoadWeights</c>, collecting the warnings instead of printing them.</summary>
    public static List<string> LoadWeights(Model model, string path, bool skipMismatch)
    {
        var warnings = new List<string>();
        model.LoadWeights(path, byName: false, skipMismatch, warnings.Add);
        return warnings;
    }
}
