namespace Keras.Layers;

/// <summary>The base of merging layers (<c>Add</c>, <c>Concatenate</c>, ...): they take a list of at least two inputs.</summary>
/// <example><code>
/// KerasTensor merged = new Concatenate().Call([a, b]);
/// </code></example>
public abstract class Merge : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="name">The layer name.</param>
    protected Merge(string? name) : base(name)
    {
    }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => throw NeedsList();

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) => throw NeedsList();

    /// <inheritdoc />
    protected override void BuildCore(IReadOnlyList<Shape> inputShapes)
    {
        if (inputShapes.Count < 2)
        {
            throw new ArgumentException(
                $"A merge layer should be called on a list of at least 2 inputs. Got {inputShapes.Count} inputs. " +
                $"Full input_shape received: [{string.Join(", ", inputShapes)}]");
        }
        ComputeOutputShapes(inputShapes);
    }

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape) => throw NeedsList();

    /// <summary>Layer "{name}" was called with one tensor; merge layers need a list.</summary>
    private ArgumentException NeedsList() => new(
        $"Layer \"{Name}\" ({ClassName}) should be called on a list of at least 2 inputs, e.g. `layer.Call([a, b])`.");
}
