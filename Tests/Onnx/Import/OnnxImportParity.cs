using Microsoft.ML.OnnxRuntime;

namespace Keras.Tests.Onnx.Import;

/// <summary>Runs an ONNX model with ONNX Runtime and its import with Keras.Net on the same NCHW input (fed to the
/// import as NHWC) and measures the largest difference.</summary>
internal static class OnnxImportParity
{
    /// <summary>Imports <paramref name="onnx"/>, runs both on <paramref name="nchw"/> and returns the max abs
    /// difference over all outputs (Keras' rank-4 outputs compared after NHWC → NCHW).</summary>
    internal static double MaxAbsDifference(byte[] onnx, Tensor nchw, Model? imported = null)
    {
        imported ??= Models.ImportOnnx(onnx);
        using var session = new InferenceSession(onnx);
        using var scope = torch.NewDisposeScope();
        var data = nchw.contiguous().data<float>().ToArray();
        using var input = OrtValue.CreateTensorValueFromMemory(data, nchw.shape);
        using var results = session.Run(new RunOptions(), session.InputNames, [input], session.OutputNames);
        var kerasInput = nchw.dim() == 4 ? nchw.permute(0, 2, 3, 1).contiguous() : nchw;
        var kerasOutputs = imported.PredictMany(kerasInput, batchSize: (int)nchw.shape[0], verbose: 0);
        Assert.Equal(results.Count, kerasOutputs.Count);
        double worst = 0;
        for (int i = 0; i < results.Count; i++)
        {
            var info = results[i].GetTensorTypeAndShape();
            var expected = torch.tensor(results[i].GetTensorDataAsSpan<float>().ToArray(), info.Shape);
            var actual = kerasOutputs[i].dim() == 4 ? kerasOutputs[i].permute(0, 3, 1, 2) : kerasOutputs[i];
            Assert.True(expected.shape.SequenceEqual(actual.shape),
                $"Output {i}: ONNX Runtime shape [{string.Join(", ", expected.shape)}], import shape " +
                $"[{string.Join(", ", actual.shape)}].");
            worst = Math.Max(worst, (expected - actual).abs().max().item<float>());
        }
        return worst;
    }

    /// <summary>A random NCHW (or any-rank) input in [-2, 2).</summary>
    internal static Tensor RandomInput(long[] shape, int seed)
    {
        var generator = new torch.Generator((ulong)seed);
        return torch.rand(shape, generator: generator) * 4 - 2;
    }
}
