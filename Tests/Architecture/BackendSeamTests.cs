using System.Text.RegularExpressions;

namespace Keras.Tests.Architecture;

/// <summary>ARCHITECTURE.md: built-in layers, losses, metrics and optimizers call <c>Ops</c>/<c>Backend</c> and tensor
/// methods, never <c>torch.*</c> functions directly, so the backend seam stays in one place.</summary>
public class BackendSeamTests
{
    private static readonly string[] GuardedFolders = ["Core/Layers", "Core/Losses", "Core/Metrics", "Core/Optimizers"];

    // A call of a libtorch function (torch.matmul(...), torch.nn.functional.relu(...)); type names such as
    // torch.ScalarType start with a capital and are allowed.
    private static readonly Regex TorchCall = new(@"\btorch\.(?:[a-z_][A-Za-z0-9_]*\.)*[a-z_][A-Za-z0-9_]*\s*\(");
    private static readonly Regex StaticTorchImport = new(@"using\s+static\s+TorchSharp\.torch\b");

    [Fact]
    public void GuardedFolders_DoNotCallTorchDirectly()
    {
        string root = RepositoryRoot();
        var offenders = new List<string>();
        foreach (var folder in GuardedFolders)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            {
                var lines = File.ReadAllLines(file);
                for (int i = 0; i < lines.Length; i++)
                {
                    string code = lines[i].Split("//")[0];
                    if (TorchCall.IsMatch(code) || StaticTorchImport.IsMatch(code))
                    {
                        offenders.Add($"{Path.GetRelativePath(root, file)}:{i + 1}: {lines[i].Trim()}");
                    }
                }
            }
        }
        Assert.True(offenders.Count == 0, "Use Ops/Backend instead of torch.* in:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void TheCheckItselfCatchesADirectCall()
    {
        Assert.Matches(TorchCall, "var y = torch.matmul(a, b);");
        Assert.Matches(TorchCall, "return torch.nn.functional.relu(x);");
        Assert.DoesNotMatch(TorchCall, "x.to_type(TorchSharp.torch.ScalarType.Float32)");
    }

    // The compiler records this file's path, so the sources are found wherever the test binary was built.
    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string thisFile = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(thisFile)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Keras.Net.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException(
            $"Keras.Net.sln not found above {thisFile}; the architecture tests read the sources.");
    }
}
