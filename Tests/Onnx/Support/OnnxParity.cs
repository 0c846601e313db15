using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Keras.Tests.Onnx.Support;

/// <summary>Exports a model to ONNX in memory, runs it with ONNX Runtime on random inputs at two batch sizes (which
/// proves the batch dimension is dynamic) and compares every output with <c>model.PredictMany</c>.</summary>
public static class OnnxParity
{
    /// <summary>The batch sizes every case runs at.</summary>
    public static readonly int[] BatchSizes = [2, 5];

    /// <summary>Runs a catalogue case.</summary>
    /// <param name="testCase">The case.</param>
    /// <returns>The exported bytes.</returns>
    public static byte[] AssertMatches(OnnxCase testCase)
    {
        var model = testCase.Build();
        if (testCase.RandomizeWeights)
        {
            RandomizeWeights(model, seed: testCase.Name.Length);
        }
        return AssertMatches(model, testCase.Tolerance, testCase.IntInputHigh);
    }

    /// <summary>Exports <paramref name="model"/> and asserts ONNX Runtime's outputs equal Keras.Net's within
    /// <c>|onnx - keras| &lt;= tolerance * (1 + |keras|)</c>.</summary>
    /// <param name="model">A built model.</param>
    /// <param name="tolerance">Absolute and relative tolerance. Defaults to 1e-5.</param>
    /// <param name="intInputHigh">Integer inputs are drawn from [0, intInputHigh). Defaults to 10.</param>
    /// <param name="opset">The opset exported. Defaults to 17.</param>
    /// <returns>The exported bytes.</returns>
    public static byte[] AssertMatches(Model model, double tolerance = 1e-5, int intInputHigh = 10, int opset = 17)
    {
        var bytes = model.ToOnnx(opset);
        using var session = new InferenceSession(bytes);
        var random = new Random(17);
        foreach (int batch in BatchSizes)
        {
            using var scope = torch.NewDisposeScope();
            var inputs = session.InputMetadata.Select(kv => RandomInput(kv.Value, batch, random, intInputHigh)).ToList();
            var expected = model.PredictMany(
                inputs.Count == 1 ? inputs[0] : ArrayLike.Create(inputs.Select(t => (ArrayLike)t).ToArray()),
                batchSize: batch, verbose: 0);
            var actual = Run(session, inputs);
            Assert.Equal(expected.Count, actual.Count);
            for (int i = 0; i < expected.Count; i++)
            {
                AssertClose(session.OutputNames[i], batch, expected[i], actual[i], tolerance);
            }
        }
        return bytes;
    }

    /// <summary>Perturbs every float weight: variances (and other positive statistics) are drawn from [0.5, 1.5], the
    /// others get uniform noise in [-0.5, 0.5] added.</summary>
    /// <param name="model">The model.</param>
    /// <param name="seed">The random seed.</param>
    public static void RandomizeWeights(Model model, int seed)
    {
        var random = new Random(seed);
        foreach (var variable in model.Weights.Where(v => v.DType == "float32"))
        {
            var values = variable.ToArray();
            bool positive = variable.Name.Contains("variance", StringComparison.Ordinal);
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = positive ? 0.5f + (float)random.NextDouble() : values[i] + (float)random.NextDouble() - 0.5f;
            }
            variable.Assign(values);
        }
    }

    private static Tensor RandomInput(NodeMetadata metadata, int batch, Random random, int intHigh)
    {
        var shape = metadata.Dimensions.Select((d, i) => i == 0 ? batch : d < 0 ? 3L : d).ToArray();
        long count = shape.Aggregate(1L, (a, d) => a * d);
        if (metadata.ElementDataType == TensorElementType.Float)
        {
            var data = Enumerable.Range(0, (int)count).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
            return torch.tensor(data, shape);
        }
        if (metadata.ElementDataType is TensorElementType.Int64 or TensorElementType.Int32)
        {
            var data = Enumerable.Range(0, (int)count).Select(_ => (long)random.Next(intHigh)).ToArray();
            var tensor = torch.tensor(data, shape);
            return metadata.ElementDataType == TensorElementType.Int32 ? tensor.to(torch.int32) : tensor;
        }
        throw new NotSupportedException($"OnnxParity has no random inputs of type {metadata.ElementDataType}.");
    }

    private static List<Tensor> Run(InferenceSession session, List<Tensor> inputs)
    {
        var values = inputs.Select(ToOrtValue).ToList();
        try
        {
            using var results = session.Run(new RunOptions(), session.InputNames, values, session.OutputNames);
            return results.Select(FromOrtValue).ToList();
        }
        finally
        {
            values.ForEach(v => v.Dispose());
        }
    }

    private static OrtValue ToOrtValue(Tensor tensor) => tensor.dtype switch
    {
        torch.ScalarType.Float32 => OrtValue.CreateTensorValueFromMemory(tensor.data<float>().ToArray(), tensor.shape),
        torch.ScalarType.Int64 => OrtValue.CreateTensorValueFromMemory(tensor.data<long>().ToArray(), tensor.shape),
        torch.ScalarType.Int32 => OrtValue.CreateTensorValueFromMemory(tensor.data<int>().ToArray(), tensor.shape),
        _ => throw new NotSupportedException($"OnnxParity does not feed {tensor.dtype} inputs."),
    };

    private static Tensor FromOrtValue(OrtValue value)
    {
        var info = value.GetTensorTypeAndShape();
        return info.ElementDataType switch
        {
            TensorElementType.Float => torch.tensor(value.GetTensorDataAsSpan<float>().ToArray(), info.Shape),
            TensorElementType.Int64 => torch.tensor(value.GetTensorDataAsSpan<long>().ToArray(), info.Shape),
            TensorElementType.Int32 => torch.tensor(value.GetTensorDataAsSpan<int>().ToArray(), info.Shape),
            TensorElementType.Bool => torch.tensor(value.GetTensorDataAsSpan<bool>().ToArray(), info.Shape),
            _ => throw new NotSupportedException($"OnnxParity does not read {info.ElementDataType} outputs."),
        };
    }

    private static void AssertClose(string output, int batch, Tensor expected, Tensor actual, double tolerance)
    {
        Assert.True(expected.shape.SequenceEqual(actual.shape),
            $"Output \"{output}\" at batch {batch}: Keras shape [{string.Join(", ", expected.shape)}], ONNX shape " +
            $"[{string.Join(", ", actual.shape)}].");
        var e = expected.to(torch.float64);
        var a = actual.to(torch.float64);
        var excess = ((a - e).abs() - tolerance * (1 + e.abs())).max().item<double>();
        var worst = (a - e).abs().max().item<double>();
        Assert.True(excess <= 0 && !double.IsNaN(excess),
            $"Output \"{output}\" at batch {batch}: ONNX differs from Keras by up to {worst:G4} (tolerance {tolerance}).");
    }
}
