namespace Keras.Layers;

/// <summary>Adds a list of inputs of the same shape elementwise (<c>keras.layers.Add</c>).</summary>
/// <example><code>KerasTensor sum = new Add().Call([a, b]);</code></example>
public sealed class Add : Merge
{
    /// <summary>Creates the layer.</summary>
    /// <param name="name">The layer name. Defaults to <c>add</c>, <c>add_1</c>, ...</param>
    public Add(string? name = null) : base(name)
    {
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShapes(IReadOnlyList<Shape> inputShapes)
    {
        var first = inputShapes[0];
        foreach (var shape in inputShapes.Skip(1))
        {
            bool compatible = shape.Rank == first.Rank &&
                              shape.Zip(first).Skip(1).All(p => p.First is null || p.Second is null || p.First == p.Second);
            if (!compatible)
            {
                throw new ArgumentException(
                    $"Inputs of layer \"{Name}\" must have the same shape. Received: input_shape=[{string.Join(", ", inputShapes)}]");
            }
        }
        return [first];
    }

    /// <inheritdoc />
    protected override IReadOnlyList<Tensor> CallCore(IReadOnlyList<Tensor> inputs, bool training)
    {
        var sum = inputs[0];
        for (int i = 1; i < inputs.Count; i++)
        {
            sum = sum + inputs[i];
        }
        return [sum];
    }
}
