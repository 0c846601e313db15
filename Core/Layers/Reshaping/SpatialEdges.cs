namespace Keras.Layers;

/// <summary>The shape and tensor arithmetic shared by the cropping and zero-padding layers: one (start, end) pair per
/// spatial axis, the spatial axes starting at a given axis.</summary>
internal static class SpatialEdges
{
    /// <summary>Checks (start, end) pairs: one per spatial axis, non-negative.</summary>
    public static (int Start, int End)[] Pairs(IReadOnlyList<(int Start, int End)> pairs, string name)
    {
        var ordinals = new[] { "1st", "2nd", "3rd" };
        for (int i = 0; i < pairs.Count; i++)
        {
            string entry = pairs.Count == 1 ? name : $"{ordinals[i]} entry of {name}";
            SpatialArguments.Tuple([pairs[i].Start, pairs[i].End], 2, entry, allowZero: true);
        }
        return pairs.ToArray();
    }

    /// <summary>The output shape after removing <paramref name="cropping"/>; fails when a crop is not smaller than its
    /// axis.</summary>
    public static Shape CropShape(Shape inputShape, IReadOnlyList<(int Start, int End)> cropping, int firstAxis,
        string layerName)
    {
        var dims = inputShape.ToArray();
        for (int i = 0; i < cropping.Count; i++)
        {
            if (dims[firstAxis + i] is not int size)
            {
                continue;
            }
            int remaining = size - cropping[i].Start - cropping[i].End;
            if (remaining <= 0)
            {
                throw new ArgumentException(
                    $"Layer \"{layerName}\": values in `cropping` argument should be smaller than the corresponding " +
                    $"spatial dimension of the input. Received: input_shape={inputShape}, " +
                    $"cropping={Describe(cropping)}");
            }
            dims[firstAxis + i] = remaining;
        }
        return new Shape(dims);
    }

    /// <summary>Removes <paramref name="cropping"/> from the spatial axes of <paramref name="x"/>.</summary>
    public static Tensor Crop(Tensor x, IReadOnlyList<(int Start, int End)> cropping, int firstAxis)
    {
        for (int i = 0; i < cropping.Count; i++)
        {
            long size = x.shape[firstAxis + i];
            x = x.narrow(firstAxis + i, cropping[i].Start, size - cropping[i].Start - cropping[i].End);
        }
        return x;
    }

    /// <summary>The output shape after adding <paramref name="padding"/>.</summary>
    public static Shape PadShape(Shape inputShape, IReadOnlyList<(int Start, int End)> padding, int firstAxis)
    {
        var dims = inputShape.ToArray();
        for (int i = 0; i < padding.Count; i++)
        {
            if (dims[firstAxis + i] is int size)
            {
                dims[firstAxis + i] = size + padding[i].Start + padding[i].End;
            }
        }
        return new Shape(dims);
    }

    /// <summary>Adds zeros around the spatial axes of <paramref name="x"/>.</summary>
    public static Tensor Pad(Tensor x, IReadOnlyList<(int Start, int End)> padding, int firstAxis)
    {
        var width = new (int Before, int After)[x.dim()];
        for (int i = 0; i < padding.Count; i++)
        {
            width[firstAxis + i] = (padding[i].Start, padding[i].End);
        }
        return Ops.Pad(x, width);
    }

    /// <summary>The config form: <c>[[start, end], ...]</c>.</summary>
    public static int[][] ToConfig(IReadOnlyList<(int Start, int End)> pairs) =>
        pairs.Select(p => new[] { p.Start, p.End }).ToArray();

    /// <summary>Python's rendering: <c>((1, 1), (2, 0))</c>, or <c>(1, 1)</c> for one axis.</summary>
    public static string Describe(IReadOnlyList<(int Start, int End)> pairs) => pairs.Count == 1
        ? SpatialArguments.Format([pairs[0].Start, pairs[0].End])
        : "(" + string.Join(", ", pairs.Select(p => SpatialArguments.Format([p.Start, p.End]))) + ")";
}
