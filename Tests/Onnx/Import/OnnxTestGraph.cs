using Keras.Onnx;

namespace Keras.Tests.Onnx.Import;

/// <summary>Builds small ONNX graphs by hand (with the exporter's proto writer) for import tests: one float input
/// <c>x</c>, random float initializers, nodes named after their op and position.</summary>
internal sealed class OnnxTestGraph
{
    private readonly OnnxGraph _graph = new("test");
    private readonly Random _random;
    private int _count;

    internal OnnxTestGraph(int opset, long?[] inputDims, int seed = 1)
    {
        Opset = opset;
        _random = new Random(seed);
        _graph.Inputs.Add(new OnnxValueInfo("x", OnnxDataType.Float, inputDims,
            [.. inputDims.Select((_, i) => $"x_dim{i}")]));
    }

    internal int Opset { get; }

    internal string X => "x";

    /// <summary>Adds a node; returns its (first) output name.</summary>
    internal string Node(string op, string[] inputs, params OnnxAttribute[] attributes)
    {
        var name = $"{op.ToLowerInvariant()}_{_count++}";
        _graph.Nodes.Add(new OnnxNode(name, op, [.. inputs], [$"{name}/out"], attributes));
        return $"{name}/out";
    }

    /// <summary>Adds a random float initializer in [low, high).</summary>
    internal string Weight(long[] dims, double low = -0.5, double high = 0.5)
    {
        long count = dims.Aggregate(1L, (a, d) => a * d);
        var values = Enumerable.Range(0, (int)count).Select(_ => (float)(low + (high - low) * _random.NextDouble()))
            .ToArray();
        return Constant(OnnxTensor.FromFloats($"w{_count++}", values, dims));
    }

    internal string Int64s(long[] values) => Constant(OnnxTensor.FromInt64s($"c{_count++}", values));

    internal string Scalar(float value) => Constant(OnnxTensor.FromFloats($"s{_count++}", [value], []));

    private string Constant(OnnxTensor tensor)
    {
        _graph.Initializers.Add(tensor);
        return tensor.Name;
    }

    /// <summary>The model bytes with one output of declared dims.</summary>
    internal byte[] Build(string output, long[] dims)
    {
        _graph.Outputs.Add(new OnnxValueInfo(output, OnnxDataType.Float, [.. dims.Select(d => (long?)d)],
            [.. dims.Select(_ => "")]));
        return OnnxProtoWriter.WriteModel(_graph, Opset, new Dictionary<string, string>());
    }

    /// <summary>The model bytes with the given outputs (rank each, symbolic dims).</summary>
    internal byte[] Build(params (string Name, int Rank)[] outputs)
    {
        foreach (var (name, rank) in outputs)
        {
            _graph.Outputs.Add(new OnnxValueInfo(name, OnnxDataType.Float, new long?[rank],
                [.. Enumerable.Range(0, rank).Select(i => $"{name.Replace('/', '_')}_dim{i}")]));
        }
        return OnnxProtoWriter.WriteModel(_graph, Opset, new Dictionary<string, string>());
    }
}
