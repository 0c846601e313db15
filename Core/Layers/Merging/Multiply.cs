namespace Keras.Layers;

/// <summary>Multiplies a list of inputs elementwise, with broadcasting (<c>keras.layers.Multiply</c>).</summary>
/// <remarks>As in Keras 3, a masked position of an input counts as 1 in the product; when every input has a mask,
/// positions masked in all inputs are 0 in the output, which carries the OR of the masks.</remarks>
/// <example><code>KerasTensor gated = new Multiply().Call([features, gate]);</code></example>
public sealed class Multiply : Merge
{
    /// <summary>Creates the layer.</summary>
    /// <param name="name">The layer name. Defaults to <c>multiply</c>, ...</param>
    public Multiply(string? name = null) : base(name)
    {
    }

    /// <inheritdoc />
    protected override Tensor MergeFunction(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?> masks)
    {
        bool hasOutputMask = masks.All(m => m is not null);
        Tensor? output = null;
        Tensor? outputMask = null;
        for (int i = 0; i < inputs.Count; i++)
        {
            var x = inputs[i];
            if (ExpandMask(masks[i], x) is { } mask)
            {
                x = Ops.Where(mask, x, Ops.Scalar(1.0, x));
                if (hasOutputMask)
                {
                    outputMask = outputMask is null ? mask : outputMask.logical_or(mask);
                }
            }
            output = output is null ? x : output * x;
        }
        return outputMask is null ? output! : Ops.Where(outputMask, output!, Ops.Scalar(0.0, output!));
    }
}
