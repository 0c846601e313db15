namespace Keras;

/// <summary>A symbolic tensor: the shape, dtype and history of a value in a model graph, without data.</summary>
/// <remarks>Returned by <see cref="Input"/> and by calling a layer on symbolic tensors; functional models are built
/// from them. Shapes are inferred without running kernels.</remarks>
/// <example><code>
/// var inputs = new Input([784]);
/// KerasTensor hidden = new Dense(64, activation: "relu").Call(inputs);
/// Console.WriteLine(hidden.Shape);   // (None, 64)
/// </code></example>
public class KerasTensor
{
    /// <summary>Creates a symbolic tensor; the producing node is attached by the layer call.</summary>
    /// <param name="shape">The shape, with batch dimension.</param>
    /// <param name="dtype">The dtype name.</param>
    /// <param name="name">A readable name.</param>
    internal KerasTensor(Shape shape, string dtype, string name)
    {
        Shape = shape;
        DType = dtype;
        Name = name;
    }

    /// <summary>The shape, with the batch dimension first (usually <c>None</c>).</summary>
    public Shape Shape { get; }

    /// <summary>The dtype name (<c>float32</c>).</summary>
    public string DType { get; }

    /// <summary>A readable name (<c>keras_tensor_3</c>, or the input's name).</summary>
    public string Name { get; internal set; }

    /// <summary>The layer call that produced this tensor.</summary>
    public Node Node { get; internal set; } = null!;

    /// <summary>Which output of <see cref="Node"/> this tensor is.</summary>
    public int TensorIndex { get; internal set; }

    /// <summary>The layer that produced this tensor.</summary>
    public Layer Layer => Node.Layer;

    /// <inheritdoc />
    public override string ToString() => $"<KerasTensor shape={Shape}, dtype={DType}, name={Name}>";
}
