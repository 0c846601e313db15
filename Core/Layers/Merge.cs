namespace Keras.Layers;

/// <summary>The base of merging layers (<c>Add</c>, <c>Multiply</c>, <c>Concatenate</c>, ...): they take a list of at
/// least two inputs (Keras 3's <c>Merge</c>).</summary>
/// <remarks>
/// Elementwise merges broadcast their inputs: dimensions of 1 stretch, and an input of lower rank gets new axes after
/// the batch axis until the ranks match. The output carries a mask only when every input does: the logical OR of the
/// input masks (a position is kept when any input keeps it). <c>Multiply</c>, <c>Maximum</c> and <c>Minimum</c> also
/// ignore the values at masked positions, as Keras 3 does.
/// </remarks>
/// <example><code>
/// KerasTensor merged = new Concatenate().Call([a, b]);
/// </code></example>
public abstract class Merge : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="name">The layer name.</param>
    protected Merge(string? name) : base(name)
    {
        SupportsMasking = true;
    }

    /// <summary>Whether inputs of lower rank get new axes after the batch axis to match the highest rank before the
    /// merge (true for elementwise merges).</summary>
    protected virtual bool AlignsRanks => true;

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => throw NeedsList();

    /// <summary>The broadcast shape of the inputs (Keras' <c>_compute_elemwise_op_output_shape</c>); the batch size
    /// is the one known batch size, if exactly one is known.</summary>
    /// <param name="inputShapes">The input shapes.</param>
    /// <returns>One output shape.</returns>
    public override IReadOnlyList<Shape> ComputeOutputShapes(IReadOnlyList<Shape> inputShapes)
    {
        var output = inputShapes[0].WithoutBatch();
        foreach (var shape in inputShapes.Skip(1))
        {
            output = Broadcast(output, shape.WithoutBatch());
        }
        var batchSizes = inputShapes.Select(s => s[0]).OfType<int>().Distinct().ToList();
        return [output.WithBatch(batchSizes.Count == 1 ? batchSizes[0] : null)];
    }

    /// <summary>The OR of the input masks when every input has one (Keras 3's <c>Merge.compute_mask</c>).</summary>
    /// <param name="inputs">The inputs.</param>
    /// <param name="previousMasks">One mask (or null) per input.</param>
    /// <param name="outputCount">1.</param>
    /// <returns>The output's mask, or null.</returns>
    public override IReadOnlyList<Tensor?> ComputeMasks(IReadOnlyList<Tensor> inputs,
        IReadOnlyList<Tensor?> previousMasks, int outputCount)
    {
        if (previousMasks.Any(m => m is null))
        {
            return [null];
        }
        var output = previousMasks[0]!;
        foreach (var mask in previousMasks.Skip(1))
        {
            output = output.logical_or(mask!);
        }
        return [output];
    }

    /// <summary>The merge itself, on inputs of equal rank.</summary>
    /// <param name="inputs">The inputs (rank-aligned when <see cref="AlignsRanks"/>).</param>
    /// <param name="masks">One mask (or null) per input; all null when the inputs had to be rank-aligned, as
    /// Keras' reshaped inputs carry no masks.</param>
    /// <returns>The merged tensor.</returns>
    protected abstract Tensor MergeFunction(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?> masks);

    /// <summary>Keras' <c>_apply_merge_op_and_or_mask</c> (<c>Maximum</c>, <c>Minimum</c>): folds
    /// <paramref name="op"/> over the inputs, where a masked position of one input takes the other's value.</summary>
    /// <param name="op">The binary operation.</param>
    /// <param name="inputs">The inputs.</param>
    /// <param name="masks">Their masks.</param>
    /// <returns>The merged tensor.</returns>
    protected static Tensor ApplyMergeOpAndOrMask(Func<Tensor, Tensor, Tensor> op, IReadOnlyList<Tensor> inputs,
        IReadOnlyList<Tensor?> masks)
    {
        var output = inputs[0];
        var outputMask = ExpandMask(masks[0], inputs[0]);
        for (int i = 1; i < inputs.Count; i++)
        {
            var x = inputs[i];
            var mask = ExpandMask(masks[i], x);
            if (mask is not null)
            {
                x = Ops.Where(mask, x, output);
            }
            if (outputMask is not null)
            {
                output = Ops.Where(outputMask, output, x);
            }
            outputMask = mask is not null && outputMask is not null ? outputMask.logical_or(mask) : null;
            output = op(output, x);
        }
        return output;
    }

    /// <summary>A mask of shape <c>(batch, ...)</c> broadcast over the last axis of <paramref name="x"/>.</summary>
    /// <param name="mask">The mask, or null.</param>
    /// <param name="x">The masked tensor.</param>
    /// <returns>The broadcast mask, or null.</returns>
    protected static Tensor? ExpandMask(Tensor? mask, Tensor x) => mask?.unsqueeze(-1).expand(x.shape);

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
        if (inputShapes.Select(s => s.Rank > 0 ? s[0] : null).OfType<int>().Distinct().Count() > 1)
        {
            throw new ArgumentException(
                "Cannot merge tensors with different batch sizes. Received tensors with shapes " +
                $"[{string.Join(", ", inputShapes)}]");
        }
        ComputeOutputShapes(inputShapes);
    }

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape) => throw NeedsList();

    /// <inheritdoc />
    protected override IReadOnlyList<Tensor> CallCore(IReadOnlyList<Tensor> inputs, bool training) =>
        CallCore(inputs, new Tensor?[inputs.Count], training);

    /// <inheritdoc />
    protected override IReadOnlyList<Tensor> CallCore(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?> masks,
        bool training)
    {
        long maxRank = inputs.Max(x => x.dim());
        if (!AlignsRanks || inputs.All(x => x.dim() == maxRank))
        {
            return [MergeFunction(inputs, masks)];
        }
        var aligned = inputs.Select(x =>
        {
            while (x.dim() < maxRank)
            {
                x = x.unsqueeze(1);
            }
            return x;
        }).ToList();
        return [MergeFunction(aligned, new Tensor?[inputs.Count])];
    }

    /// <summary>Keras' elementwise broadcast of two per-sample shapes.</summary>
    private static Shape Broadcast(Shape a, Shape b)
    {
        if (a.Rank < b.Rank)
        {
            (a, b) = (b, a);
        }
        var dims = a.ToArray();
        int offset = a.Rank - b.Rank;
        for (int i = 0; i < b.Rank; i++)
        {
            int? x = a[offset + i];
            int? y = b[i];
            dims[offset + i] = x is null || y is null ? null
                : x == 1 ? y
                : y == 1 ? x
                : x == y ? x
                : throw new ArgumentException($"Inputs have incompatible shapes. Received shapes {a} and {b}");
        }
        return new Shape(dims);
    }

    /// <summary>Layer "{name}" was called with one tensor; merge layers need a list.</summary>
    private protected ArgumentException NeedsList() => new(
        $"Layer \"{Name}\" ({ClassName}) should be called on a list of at least 2 inputs, e.g. `layer.Call([a, b])`.");
}
