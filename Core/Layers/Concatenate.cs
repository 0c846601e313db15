namespace Keras.Layers;

/// <summary>Concatenates a list of inputs along <c>axis</c> (<c>keras.layers.Concatenate</c>).</summary>
/// <remarks>When any input has a mask, the output's mask joins the masks along the same axis (an unmasked input
/// counts as all-true) and reduces the feature axis with OR, as Keras 3's <c>Concatenate.compute_mask</c>.</remarks>
/// <example><code>KerasTensor features = new Concatenate().Call([titleFeatures, tagFeatures]);</code></example>
public sealed class Concatenate : Merge
{
    /// <summary>Creates the layer.</summary>
    /// <param name="axis">The axis to join along. Defaults to -1.</param>
    /// <param name="name">The layer name. Defaults to <c>concatenate</c>, ...</param>
    public Concatenate(int axis = -1, string? name = null) : base(name)
    {
        Axis = axis;
    }

    /// <summary>The axis inputs are joined along.</summary>
    public int Axis { get; }

    /// <inheritdoc />
    protected override bool AlignsRanks => false;

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShapes(IReadOnlyList<Shape> inputShapes)
    {
        var first = inputShapes[0];
        int axis = first.NormalizeAxis(Axis);
        int? total = 0;
        foreach (var shape in inputShapes)
        {
            bool compatible = shape.Rank == first.Rank && Enumerable.Range(1, shape.Rank - 1)
                .All(i => i == axis || shape[i] is null || first[i] is null || shape[i] == first[i]);
            if (!compatible)
            {
                throw new ArgumentException(
                    $"A `Concatenate` layer requires inputs with matching shapes except for the concatenation axis. " +
                    $"Received: input_shape=[{string.Join(", ", inputShapes)}]");
            }
            total = total is null || shape[axis] is null ? null : total + shape[axis];
        }
        return [first.With(axis, total)];
    }

    /// <inheritdoc />
    public override IReadOnlyList<Tensor?> ComputeMasks(IReadOnlyList<Tensor> inputs,
        IReadOnlyList<Tensor?> previousMasks, int outputCount)
    {
        if (previousMasks.All(m => m is null))
        {
            return [null];
        }
        var masks = inputs.Zip(previousMasks, (x, m) =>
            m is null ? Ops.OnesLikeBool(x)
            : m.dim() < x.dim() ? ExpandMask(m, x)!
            : m).ToList();
        return [Ops.Concatenate(masks, Axis).any(-1)];
    }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["axis"] = Axis;
        return config;
    }

    /// <inheritdoc />
    protected override Tensor MergeFunction(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?> masks) =>
        Ops.Concatenate(inputs.ToList(), Axis);
}
