using Keras.Saving;
namespace Keras.Onnx.Import;

internal sealed partial class OnnxImporter
{
    /// <summary>The converter of each supported op type; each reads its attributes per opset.</summary>
    private Dictionary<string, Action<OnnxImportedNode>> CreateConverters() => new(StringComparer.Ordinal)
    {
        ["Conv"] = ConvertConv,
        ["BatchNormalization"] = ConvertBatchNormalization,
        ["MaxPool"] = node => ConvertPool(node, "max"),
        ["AveragePool"] = node => ConvertPool(node, "average"),
        ["GlobalAveragePool"] = node => ConvertGlobalPool(node, "average"),
        ["GlobalMaxPool"] = node => ConvertGlobalPool(node, "max"),
        ["Pad"] = ConvertPad,
        ["Relu"] = ConvertRelu,
        ["LeakyRelu"] = ConvertLeakyRelu,
        ["Sigmoid"] = node => ConvertActivation(node, "sigmoid", nonNegative: true),
        ["Tanh"] = node => ConvertActivation(node, "tanh", nonNegative: false),
        ["Softmax"] = ConvertSoftmax,
        ["Clip"] = ConvertClip,
        ["Add"] = node => ConvertBinary(node, "add"),
        ["Sum"] = node => ConvertBinary(node, "add"),
        ["Sub"] = node => ConvertBinary(node, "subtract"),
        ["Mul"] = node => ConvertBinary(node, "multiply"),
        ["Gemm"] = ConvertGemm,
        ["MatMul"] = ConvertMatMul,
        ["Flatten"] = ConvertFlatten,
        ["Reshape"] = ConvertReshape,
        ["Concat"] = ConvertConcat,
        ["Transpose"] = ConvertTranspose,
        ["Dropout"] = ConvertIdentity,
        ["Identity"] = ConvertIdentity,
        ["Constant"] = ConvertConstant,
    };

    private void ConvertIdentity(OnnxImportedNode node)
    {
        if (IsConstant(node, 0))
        {
            _constants[node.Outputs[0]] = _constants[node.Inputs[0]];
            return;
        }
        SetOutput(node, Input(node));
    }

    private void ConvertConstant(OnnxImportedNode node)
    {
        var output = node.Outputs[0];
        var attribute = node.Attributes.Values.FirstOrDefault()
            ?? throw new KerasFileException(
                $"ONNX Constant node \"{node.Display}\" of {KerasFileException.Describe(_path)} has no value " +
                "attribute.", _path);
        _constants[output] = attribute.Name switch
        {
            "value" when attribute.Tensor is { } tensor => tensor with { Name = output },
            "value_float" => new OnnxImportedTensor(output, OnnxDataType.Float, [], [attribute.Float]),
            "value_floats" => new OnnxImportedTensor(output, OnnxDataType.Float, [attribute.Floats.Count],
                attribute.Floats.Select(v => (double)v).ToArray()),
            "value_int" => new OnnxImportedTensor(output, OnnxDataType.Int64, [], [attribute.Int]),
            "value_ints" => new OnnxImportedTensor(output, OnnxDataType.Int64, [attribute.Ints.Count],
                attribute.Ints.Select(v => (double)v).ToArray()),
            _ => throw Unsupported(node, $"its \"{attribute.Name}\" attribute is not a numeric tensor"),
        };
    }
}
