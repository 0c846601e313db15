namespace Keras.Onnx;

/// <summary>A node attribute (<c>AttributeProto</c>): one int, float, string or tensor, or a list of ints or floats.</summary>
/// <example><code>
/// context.AddNode("Transpose", [x], OnnxAttribute.Ints("perm", [0, 3, 1, 2]));
/// context.AddNode("LeakyRelu", [x], OnnxAttribute.Float("alpha", 0.3f));
/// </code></example>
public sealed class OnnxAttribute
{
    private OnnxAttribute(string name, OnnxAttributeKind kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Kind = kind;
    }

    /// <summary>The attribute name (<c>axis</c>, <c>perm</c>, ...).</summary>
    public string Name { get; }

    /// <summary>Which value the attribute holds.</summary>
    internal OnnxAttributeKind Kind { get; }

    internal long IntValue { get; private init; }

    internal float FloatValue { get; private init; }

    internal string? StringValue { get; private init; }

    internal IReadOnlyList<long> IntValues { get; private init; } = [];

    internal IReadOnlyList<float> FloatValues { get; private init; } = [];

    internal OnnxTensor? TensorValue { get; private init; }

    internal OnnxGraph? GraphValue { get; private init; }

    internal IReadOnlyList<string> StringValues { get; private init; } = [];

    /// <summary>An integer attribute.</summary>
    /// <param name="name">The attribute name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The attribute.</returns>
    public static OnnxAttribute Int(string name, long value) => new(name, OnnxAttributeKind.Int) { IntValue = value };

    /// <summary>A float attribute.</summary>
    /// <param name="name">The attribute name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The attribute.</returns>
    public static OnnxAttribute Float(string name, float value) =>
        new(name, OnnxAttributeKind.Float) { FloatValue = value };

    /// <summary>A string attribute (UTF-8).</summary>
    /// <param name="name">The attribute name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The attribute.</returns>
    public static OnnxAttribute String(string name, string value) =>
        new(name, OnnxAttributeKind.String) { StringValue = value ?? throw new ArgumentNullException(nameof(value)) };

    /// <summary>A list-of-integers attribute.</summary>
    /// <param name="name">The attribute name.</param>
    /// <param name="values">The values.</param>
    /// <returns>The attribute.</returns>
    public static OnnxAttribute Ints(string name, IEnumerable<long> values) =>
        new(name, OnnxAttributeKind.Ints) { IntValues = values.ToArray() };

    /// <summary>A list-of-floats attribute.</summary>
    /// <param name="name">The attribute name.</param>
    /// <param name="values">The values.</param>
    /// <returns>The attribute.</returns>
    public static OnnxAttribute Floats(string name, IEnumerable<float> values) =>
        new(name, OnnxAttributeKind.Floats) { FloatValues = values.ToArray() };

    /// <summary>A list-of-strings attribute (UTF-8), such as the recurrent operators' <c>activations</c>.</summary>
    /// <param name="name">The attribute name.</param>
    /// <param name="values">The values.</param>
    /// <returns>The attribute.</returns>
    public static OnnxAttribute Strings(string name, IEnumerable<string> values) =>
        new(name, OnnxAttributeKind.Strings) { StringValues = values.ToArray() };

    /// <summary>A tensor attribute (for example <c>ConstantOfShape</c>'s <c>value</c>).</summary>
    /// <param name="name">The attribute name.</param>
    /// <param name="value">The tensor.</param>
    /// <returns>The attribute.</returns>
    public static OnnxAttribute Tensor(string name, OnnxTensor value) =>
        new(name, OnnxAttributeKind.Tensor) { TensorValue = value ?? throw new ArgumentNullException(nameof(value)) };

    /// <summary>A graph attribute: the body of a <c>Scan</c> (or <c>Loop</c>, <c>If</c>) node. Its nodes may read
    /// values of the enclosing graph by name.</summary>
    internal static OnnxAttribute Graph(string name, OnnxGraph value) =>
        new(name, OnnxAttributeKind.Graph) { GraphValue = value ?? throw new ArgumentNullException(nameof(value)) };
}
