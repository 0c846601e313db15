using Keras.Onnx;
using Keras.Saving;
using A = Keras.Onnx.OnnxAttribute;

namespace Keras.Tests.Onnx.Import;

/// <summary>Malformed files, unsupported operators and opsets.</summary>
public class OnnxImportFileTests
{
    private static byte[] ConvRelu(int opset)
    {
        var g = new OnnxTestGraph(opset, [null, 2, 4, 4]);
        var y = g.Node("Conv", [g.X, g.Weight([3, 2, 1, 1])], A.Ints("kernel_shape", [1, 1]));
        return g.Build((g.Node("Relu", [y]), 4));
    }

    [Fact]
    public void TruncatedFile_ThrowsKerasFileException()
    {
        var bytes = ConvRelu(13);
        foreach (int length in new[] { bytes.Length / 3, bytes.Length - 5, 1 })
        {
            var e = Assert.Throws<KerasFileException>(() => Models.ImportOnnx(bytes[..length]));
            Assert.Contains("ONNX model", e.Message);
        }
    }

    [Fact]
    public void GarbageFile_ThrowsKerasFileExceptionNamingTheFile()
    {
        var directory = Directory.CreateTempSubdirectory("keras-onnx-import-");
        try
        {
            var path = Path.Combine(directory.FullName, "garbage.onnx");
            var random = new Random(5);
            for (int seed = 0; seed < 20; seed++)
            {
                var bytes = new byte[200 + seed * 37];
                random.NextBytes(bytes);
                File.WriteAllBytes(path, bytes);
                var e = Assert.Throws<KerasFileException>(() => Models.ImportOnnx(path));
                Assert.Contains("garbage.onnx", e.Message);
                Assert.Equal(path, e.FilePath);
            }
            File.WriteAllText(path, "not a protobuf at all, just some text");
            Assert.Throws<KerasFileException>(() => Models.ImportOnnx(path));
            Assert.Throws<KerasFileException>(() => Models.ImportOnnx(Path.Combine(directory.FullName, "none.onnx")));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void UnsupportedOps_AreAllListedWithNodeNames()
    {
        var g = new OnnxTestGraph(13, [null, 4]);
        var a = g.Node("Erf", [g.X]);
        var b = g.Node("Relu", [a]);
        var c = g.Node("TopK", [b, g.Int64s([2])]);
        var d = g.Node("Erf", [c]);
        var e = Assert.Throws<NotSupportedException>(() => Models.ImportOnnx(g.Build((d, 2))));
        Assert.Contains("2 operator type(s)", e.Message);
        Assert.Contains("Erf (\"erf_0\", \"erf_4\")", e.Message);
        Assert.Contains("TopK (\"topk_3\")", e.Message);
        Assert.Contains("Supported: Add, AveragePool, BatchNormalization", e.Message);
    }

    [Fact]
    public void OldOpset_IsRejected()
    {
        var e = Assert.Throws<NotSupportedException>(() => Models.ImportOnnx(ConvRelu(6)));
        Assert.Contains("opsets 7 and newer", e.Message);
        Assert.Contains("opset 6", e.Message);
    }

    [Fact]
    public void UnsupportedAttribute_NamesTheNode()
    {
        var g = new OnnxTestGraph(13, [null, 2, 5, 5]);
        var y = g.Node("MaxPool", [g.X], A.Ints("kernel_shape", [3, 3]), A.Ints("pads", [1, 1, 1, 1]),
            A.Ints("strides", [2, 2]));
        var e = Assert.Throws<NotSupportedException>(() => Models.ImportOnnx(g.Build((y, 4))));
        Assert.Contains("\"maxpool_0\" (MaxPool, opset 13)", e.Message);
        Assert.Contains("may be negative", e.Message);
    }
}
