namespace Keras.Layers;

/// <summary>Adds a list of inputs elementwise, with broadcasting (<c>keras.layers.Add</c>).</summary>
/// <remarks>The output carries the OR of the input masks when every input has one.</remarks>
/// <example><code>KerasTensor sum = new Add().Call([a, b]);</code></example>
public sealed class Add : Merge
{
    /// <summary>Creates the layer.</summary>
    /// <param name="name">The layer name. Defaults to <c>add</c>, <c>add_1</c>, ...</param>
    public Add(string? name = null) : base(name)
    {
    }

    /// <inheritdoc />
    protected override Tensor MergeFunction(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?> masks)
    {
        var sum = inputs[0];
        for (int i = 1; i < inputs.Count; i++)
        {
            sum = sum + inputs[i];
        }
        return sum;
    }
}
