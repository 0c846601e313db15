namespace Keras.Layers;

/// <summary>The elementwise minimum of a list of inputs, with broadcasting (<c>keras.layers.Minimum</c>).</summary>
/// <remarks>As in Keras 3, a masked position of an input takes the other inputs' value instead of competing; the
/// output carries the OR of the input masks when every input has one.</remarks>
/// <example><code>KerasTensor floor = new Minimum().Call([a, b]);</code></example>
public sealed class Minimum : Merge
{
    /// <summary>Creates the layer.</summary>
    /// <param name="name">The layer name. Defaults to <c>minimum</c>, ...</param>
    public Minimum(string? name = null) : base(name)
    {
    }

    /// <inheritdoc />
    protected override Tensor MergeFunction(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?> masks) =>
        ApplyMergeOpAndOrMask(Ops.Minimum, inputs, masks);
}
