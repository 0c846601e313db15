namespace Keras.Layers;

/// <summary>Subtracts the second of two inputs from the first, elementwise with broadcasting
/// (<c>keras.layers.Subtract</c>).</summary>
/// <remarks>The output carries the OR of the two input masks when both have one.</remarks>
/// <example><code>KerasTensor difference = new Subtract().Call([a, b]);   // a - b</code></example>
public sealed class Subtract : Merge
{
    /// <summary>Creates the layer.</summary>
    /// <param name="name">The layer name. Defaults to <c>subtract</c>, ...</param>
    public Subtract(string? name = null) : base(name)
    {
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShapes(IReadOnlyList<Shape> inputShapes)
    {
        RequireTwo(inputShapes.Count, $"input_shape=[{string.Join(", ", inputShapes)}]");
        return base.ComputeOutputShapes(inputShapes);
    }

    /// <inheritdoc />
    protected override void BuildCore(IReadOnlyList<Shape> inputShapes)
    {
        RequireTwo(inputShapes.Count, $"input_shape=[{string.Join(", ", inputShapes)}]");
        base.BuildCore(inputShapes);
    }

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape) => RequireTwo(1, $"input_shape={inputShape}");

    /// <inheritdoc />
    protected override Tensor MergeFunction(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?> masks)
    {
        RequireTwo(inputs.Count, $"{inputs.Count} input tensors");
        return inputs[0] - inputs[1];
    }

    private static void RequireTwo(int count, string received)
    {
        if (count != 2)
        {
            throw new ArgumentException(
                $"A `Subtract` layer should be called on exactly 2 inputs. Received: {received}");
        }
    }
}
