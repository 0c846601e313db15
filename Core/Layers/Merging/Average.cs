namespace Keras.Layers;

/// <summary>Averages a list of inputs elementwise, with broadcasting (<c>keras.layers.Average</c>).</summary>
/// <remarks>The output carries the OR of the input masks when every input has one.</remarks>
/// <example><code>KerasTensor ensemble = new Average().Call([modelA, modelB, modelC]);</code></example>
public sealed class Average : Merge
{
    /// <summary>Creates the layer.</summary>
    /// <param name="name">The layer name. Defaults to <c>average</c>, ...</param>
    public Average(string? name = null) : base(name)
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
        return sum / inputs.Count;
    }
}
