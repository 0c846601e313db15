using System.Diagnostics;
using Keras.Tests.Onnx.Support;

namespace Keras.Tests.Onnx;

/// <summary>Every model of every ONNX case catalogue passes <c>onnx.checker.check_model(full_check=True)</c> (Debian
/// python3-onnx), in one Python run.</summary>
public class OnnxCheckerTests
{
    private const string Python = "/usr/bin/python3";

    private const string Script =
        "import onnx, sys\n" +
        "for p in sys.argv[1:]:\n" +
        "    try:\n" +
        "        onnx.checker.check_model(onnx.load(p), full_check=True)\n" +
        "    except Exception as e:\n" +
        "        print('FAILED', p, e)\n";

    [Fact]
    public void EveryCatalogueModel_PassesOnnxChecker()
    {
        var directory = Directory.CreateTempSubdirectory("keras-onnx-checker-");
        try
        {
            var paths = new List<string>();
            foreach (var testCase in OnnxCaseSource.All())
            {
                var path = Path.Combine(directory.FullName, testCase.Name + ".onnx");
                testCase.Build().ExportOnnx(path);
                paths.Add(path);
            }
            Assert.NotEmpty(paths);
            var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(Script);
            paths.ForEach(start.ArgumentList.Add);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEnd();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0 && stdout.Length == 0,
                $"onnx.checker (python3-onnx) rejected models:\n{stdout}{stderr}");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
