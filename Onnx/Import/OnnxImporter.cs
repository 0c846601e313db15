using System.Text;
using Keras.Layers;
using Keras.Saving;

namespace Keras.Onnx.Import;

/// <summary>Turns an ONNX graph into a functional model of Keras.Net layers carrying the graph's weights.</summary>
/// <remarks>Layout: rank-4 NCHW values become NHWC (channels_last) Keras tensors; converters ask for the layout they
/// need (<c>ChannelsLast</c>, <c>OnnxOrder</c>) and a <c>Permute</c> layer is added only where a value
/// must change layout. Weights are converted once (OIHW → HWIO, Gemm rows after a flatten → HWC order).</remarks>
internal sealed partial class OnnxImporter
{
    /// <summary>The lowest default-domain opset read (attributes are read per opset from there on).</summary>
    internal const int MinOpset = 7;

    private readonly OnnxImportedModel _model;
    private readonly string? _path;
    private readonly Dictionary<string, OnnxImportedValue> _values = [];
    private readonly Dictionary<string, OnnxImportedTensor> _constants;
    private readonly HashSet<string> _layerNames = [];
    private readonly Dictionary<string, Action<OnnxImportedNode>> _converters;

    private OnnxImporter(OnnxImportedModel model, string? path)
    {
        _model = model;
        _path = path;
        _constants = new Dictionary<string, OnnxImportedTensor>(model.Graph.Initializers);
        _converters = CreateConverters();
    }

    private int Opset => _model.Opset;

    internal static Functional Import(OnnxImportedModel model, string? path, Shape? inputShape, string? name)
    {
        var importer = new OnnxImporter(model, path);
        importer.CheckSupported();
        return importer.Build(inputShape, name);
    }

    private void CheckSupported()
    {
        if (Opset < MinOpset)
        {
            throw new NotSupportedException(
                $"ONNX import of {KerasFileException.Describe(_path)} reads opsets {MinOpset} and newer. Received: " +
                $"opset {Opset}. Convert the model to a newer opset (onnx.version_converter) first.");
        }
        var unsupported = _model.Graph.Nodes
            .Where(n => n.Domain is not ("" or "ai.onnx") || !_converters.ContainsKey(n.OpType))
            .GroupBy(n => n.Domain is "" or "ai.onnx" ? n.OpType : $"{n.Domain}:{n.OpType}")
            .Select(g => $"{g.Key} ({string.Join(", ", g.Select(n => $"\"{n.Display}\""))})")
            .ToList();
        if (unsupported.Count > 0)
        {
            throw new NotSupportedException(
                $"ONNX import of {KerasFileException.Describe(_path)} does not support {unsupported.Count} operator " +
                $"type(s): {string.Join("; ", unsupported)}. Supported: " +
                $"{string.Join(", ", _converters.Keys.Order(StringComparer.Ordinal))}.");
        }
    }

    private Functional Build(Shape? inputShape, string? name)
    {
        var graph = _model.Graph;
        if (inputShape is not null && graph.Inputs.Count != 1)
        {
            throw new ArgumentException(
                $"ONNX import of {KerasFileException.Describe(_path)}: inputShape replaces the shape of the only " +
                $"graph input, but the graph has {graph.Inputs.Count} inputs.", nameof(inputShape));
        }
        var inputs = graph.Inputs.Select(i => AddInput(i, inputShape)).ToList();
        foreach (var node in graph.Nodes)
        {
            _converters[node.OpType](node);
        }
        var outputs = graph.Outputs.Select(o => GraphOutput(Value(o.Name, "the graph outputs")))
            .ToList();
        return new Functional(inputs, outputs, name ?? ModelName());
    }

    private Input AddInput(OnnxImportedValueInfo info, Shape? inputShape)
    {
        if (info.Dims is null)
        {
            throw new KerasFileException(
                $"ONNX graph input \"{info.Name}\" of {KerasFileException.Describe(_path)} declares no shape. " +
                "Expected a tensor type with dims (batch first).", _path);
        }
        if (info.ElemType != (int)OnnxDataType.Float)
        {
            throw new NotSupportedException(
                $"ONNX graph input \"{info.Name}\" of {KerasFileException.Describe(_path)} has element type " +
                $"{info.ElemType}. The importer reads float32 inputs (type 1).");
        }
        var dims = info.Dims.Skip(1).Select(d => d is long v && v > 0 ? (int?)checked((int)v) : null).ToArray();
        bool channelsLast = info.Dims.Count == 4;
        Shape shape = inputShape ?? (channelsLast ? new Shape(dims[1], dims[2], dims[0]) : new Shape(dims));
        var input = new Input(shape, name: UniqueName(info.Name));
        _values[info.Name] = new OnnxImportedValue(input, channelsLast);
        return input;
    }

    private string ModelName()
    {
        var stem = _path is null ? "onnx_model" : Path.GetFileNameWithoutExtension(_path);
        return Sanitize(stem);
    }

    // ----- values -------------------------------------------------------------------------------------------------

    /// <summary>The graph value feeding a node; constants are not values.</summary>
    private OnnxImportedValue Value(string valueName, string consumer) =>
        _values.TryGetValue(valueName, out var value) ? value
            : throw new KerasFileException(
                $"ONNX value \"{valueName}\" read by {consumer} of {KerasFileException.Describe(_path)} is neither a " +
                "graph input, an initializer nor the output of an earlier node. Expected nodes in topological " +
                "order.", _path);

    private OnnxImportedValue Input(OnnxImportedNode node, int index = 0)
    {
        if (index >= node.Inputs.Count || node.Inputs[index].Length == 0)
        {
            throw new KerasFileException(
                $"ONNX node \"{node.Display}\" ({node.OpType}) of {KerasFileException.Describe(_path)} has no input " +
                $"{index}. Expected at least {index + 1} inputs.", _path);
        }
        if (_constants.ContainsKey(node.Inputs[index]))
        {
            throw Unsupported(node, $"input {index} (\"{node.Inputs[index]}\") is a constant; the importer expects " +
                "a graph value there");
        }
        return Value(node.Inputs[index], $"node \"{node.Display}\"");
    }

    /// <summary>A constant input (initializer or <c>Constant</c> output), or null when the input is omitted.</summary>
    private OnnxImportedTensor? OptionalConstant(OnnxImportedNode node, int index)
    {
        if (index >= node.Inputs.Count || node.Inputs[index].Length == 0)
        {
            return null;
        }
        return _constants.TryGetValue(node.Inputs[index], out var constant) ? constant
            : throw Unsupported(node, $"input {index} (\"{node.Inputs[index]}\") must be a constant (an initializer " +
                "or Constant node); graph-computed weights and shapes are not imported");
    }

    private OnnxImportedTensor Constant(OnnxImportedNode node, int index) =>
        OptionalConstant(node, index) ?? throw new KerasFileException(
            $"ONNX node \"{node.Display}\" ({node.OpType}) of {KerasFileException.Describe(_path)} has no input " +
            $"{index}. Expected a constant there.", _path);

    private bool IsConstant(OnnxImportedNode node, int index) =>
        index < node.Inputs.Count && _constants.ContainsKey(node.Inputs[index]);

    private void SetOutput(OnnxImportedNode node, OnnxImportedValue value) => _values[node.Outputs[0]] = value;

    /// <summary>Calls a fresh layer on a symbolic tensor.</summary>
    private KerasTensor Apply(Layer layer, KerasTensor input) => layer.Call(input);

    /// <summary>The value as an NHWC tensor, for 2-D convolution, pooling and padding layers.</summary>
    private KerasTensor ChannelsLast(OnnxImportedValue value, OnnxImportedNode node)
    {
        if (value.Rank != 4)
        {
            throw Unsupported(node, $"it expects a rank-4 NCHW input but received rank {value.Rank} " +
                "(only 2-D convolution and pooling are imported)");
        }
        return ChannelsLast(value, NodeName(node));
    }

    private KerasTensor ChannelsLast(OnnxImportedValue value, string prefix) => value.ChannelsLast ? value.Tensor
        : Apply(new Permute([2, 3, 1], name: UniqueName($"{prefix}_to_nhwc")), value.Tensor);

    /// <summary>The value with ONNX's axis order (NCHW, CHW-flattened features), for axis-order-sensitive ops.</summary>
    private KerasTensor OnnxOrder(OnnxImportedValue value, OnnxImportedNode? node)
    {
        string prefix = node is null ? "output" : NodeName(node);
        if (value.FlattenedFrom is [int c, int h, int w])
        {
            var map = Apply(new Reshape([h, w, c], name: UniqueName($"{prefix}_unflatten")), value.Tensor);
            var nchw = Apply(new Permute([3, 1, 2], name: UniqueName($"{prefix}_to_nchw")), map);
            return Apply(new Flatten(name: UniqueName($"{prefix}_flatten_nchw")), nchw);
        }
        return value.ChannelsLast
            ? Apply(new Permute([3, 1, 2], name: UniqueName($"{prefix}_to_nchw")), value.Tensor)
            : value.Tensor;
    }

    /// <summary>A graph output: rank-4 maps are NHWC (idiomatic Keras), everything else has ONNX's axis order.
    /// </summary>
    private KerasTensor GraphOutput(OnnxImportedValue value) => value.Rank == 4 && value.FlattenedFrom is null
        ? ChannelsLast(value, "output")
        : OnnxOrder(value, null);

    // ----- attributes ---------------------------------------------------------------------------------------------

    private static long Int(OnnxImportedNode node, string name, long fallback) =>
        node.Attributes.TryGetValue(name, out var a) ? a.Int : fallback;

    private static float Float(OnnxImportedNode node, string name, float fallback) =>
        node.Attributes.TryGetValue(name, out var a) ? a.Float : fallback;

    private static string Text(OnnxImportedNode node, string name, string fallback) =>
        node.Attributes.TryGetValue(name, out var a) ? a.Text : fallback;

    private static long[] Ints(OnnxImportedNode node, string name, long[] fallback) =>
        node.Attributes.TryGetValue(name, out var a) ? a.Ints.ToArray() : fallback;

    // ----- names and errors ---------------------------------------------------------------------------------------

    private string NodeName(OnnxImportedNode node) =>
        Sanitize(node.Name.Length > 0 ? node.Name : $"{node.OpType.ToLowerInvariant()}_{node.Outputs[0]}");

    /// <summary>A layer name for the node, unique in the model.</summary>
    private string LayerName(OnnxImportedNode node) => UniqueName(NodeName(node));

    private string UniqueName(string name)
    {
        var baseName = Sanitize(name);
        var unique = baseName;
        for (int i = 1; !_layerNames.Add(unique); i++)
        {
            unique = $"{baseName}_{i}";
        }
        return unique;
    }

    /// <summary>Keras-safe name: letters, digits, <c>_</c>, <c>-</c> and <c>.</c>; others become <c>_</c>.</summary>
    private static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var ch in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-' or '.' ? ch : '_');
        }
        var result = builder.ToString().Trim('_');
        return result.Length == 0 ? "onnx" : result;
    }

    private NotSupportedException Unsupported(OnnxImportedNode node, string why) => new(
        $"ONNX node \"{node.Display}\" ({node.OpType}, opset {Opset}) of {KerasFileException.Describe(_path)} cannot " +
        $"be imported: {why}.");
}
