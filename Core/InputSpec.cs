namespace Keras;

/// <summary>What a layer accepts: rank bounds and fixed dimensions on given axes (Keras' <c>InputSpec</c>).</summary>
/// <example><code>
/// InputSpec = new InputSpec(minNdim: 2, axes: new Dictionary&lt;int, int&gt; { [-1] = 784 });
/// </code></example>
public sealed class InputSpec
{
    /// <summary>Creates a spec.</summary>
    /// <param name="ndim">Exact rank, if fixed.</param>
    /// <param name="minNdim">Minimum rank, if any.</param>
    /// <param name="maxNdim">Maximum rank, if any.</param>
    /// <param name="axes">Fixed dimensions by axis (negative axes count from the end).</param>
    public InputSpec(int? ndim = null, int? minNdim = null, int? maxNdim = null, IReadOnlyDictionary<int, int>? axes = null)
    {
        Ndim = ndim;
        MinNdim = minNdim;
        MaxNdim = maxNdim;
        Axes = axes ?? new Dictionary<int, int>();
    }

    /// <summary>Exact rank, if fixed.</summary>
    public int? Ndim { get; }

    /// <summary>Minimum rank, if any.</summary>
    public int? MinNdim { get; }

    /// <summary>Maximum rank, if any.</summary>
    public int? MaxNdim { get; }

    /// <summary>Fixed dimensions by axis.</summary>
    public IReadOnlyDictionary<int, int> Axes { get; }

    /// <summary>Throws Keras' error when <paramref name="shape"/> does not satisfy the spec.</summary>
    /// <param name="shape">The received shape (with batch dimension).</param>
    /// <param name="layerName">The layer's name, for the message.</param>
    /// <param name="inputIndex">Which input of the layer. Defaults to 0.</param>
    /// <exception cref="ArgumentException">The input is incompatible.</exception>
    public void AssertCompatible(Shape shape, string layerName, int inputIndex = 0)
    {
        string prefix = $"Input {inputIndex} of layer \"{layerName}\" is incompatible with the layer: ";
        if (Ndim is int ndim && shape.Rank != ndim)
        {
            throw new ArgumentException(
                prefix + $"expected ndim={ndim}, found ndim={shape.Rank}. Full shape received: {shape}");
        }
        if (MinNdim is int min && shape.Rank < min)
        {
            throw new ArgumentException(
                prefix + $"expected min_ndim={min}, found ndim={shape.Rank}. Full shape received: {shape}");
        }
        if (MaxNdim is int max && shape.Rank > max)
        {
            throw new ArgumentException(
                prefix + $"expected max_ndim={max}, found ndim={shape.Rank}. Full shape received: {shape}");
        }
        foreach (var (axis, value) in Axes)
        {
            int normalized = axis < 0 ? axis + shape.Rank : axis;
            if (normalized < 0 || normalized >= shape.Rank)
            {
                continue;
            }
            if (shape[normalized] is int actual && actual != value)
            {
                throw new ArgumentException(
                    prefix + $"expected axis {axis} of input shape to have value {value}, " +
                    $"but received input with shape {shape}");
            }
        }
    }
}
