using Keras.Layers;
using Xunit.Abstractions;
using Keras.Onnx;

namespace Keras.Tests.Onnx.Import;

/// <summary>ML.NET's pretrained ResNet18 (CNTK export, opset 8) imported and compared with ONNX Runtime, then used
/// as a frozen backbone.</summary>
public class ResNet18ImportTests(ITestOutputHelper output)
{
    internal static string ResNet18Path =>
        Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNet18Onnx", "ResNet18.onnx");

    [Fact]
    public void ResNet18_MatchesOnnxRuntime()
    {
        var onnx = File.ReadAllBytes(ResNet18Path);
        var model = Models.ImportOnnx(ResNet18Path);
        Assert.Equal(new Shape(null, 224, 224, 3), model.Inputs[0].Shape);
        Assert.Equal(new Shape(null, 1, 1, 512), model.Outputs[0].Shape);
        Assert.Equal(22, model.Layers.OfType<Conv2D>().Count());
        // Pixels in [0, 255) minus ~114 (ResNetPreprocess' mean image), as the network sees them.
        var x = torch.rand([1, 3, 224, 224], generator: new torch.Generator(11)) * 255 - 114;
        double worst = OnnxImportParity.MaxAbsDifference(onnx, x, model);
        output.WriteLine($"ResNet18 import vs ONNX Runtime: max abs difference {worst:G4}");
        Assert.True(worst <= 1e-4, $"Imported ResNet18 differs from ONNX Runtime by {worst:G4}.");
    }
}
