namespace Keras.Layers;

/// <summary>The per-sample dot product of two tensors along given axes (<c>keras.layers.Dot</c>).</summary>
/// <remarks>For inputs <c>(batch, 3, 5)</c> and <c>(batch, 10, 3)</c> with <c>axes = [1, 2]</c> the output is
/// <c>(batch, 5, 10)</c>; two rank-2 inputs give <c>(batch, 1)</c>. With <c>normalize</c>, both inputs are
/// L2-normalized along their axes first, so the result is the cosine similarity. Masks do not propagate.</remarks>
/// <example><code>
/// KerasTensor similarity = new Dot(axes: 1, normalize: true).Call([a, b]);   // (batch, 1)
/// </code></example>
public sealed class Dot : Merge
{
    private readonly bool _singleAxis;

    /// <summary>Creates the layer with the same axis for both inputs.</summary>
    /// <param name="axes">The axis (not 0; negative counts from the end) summed over in both inputs.</param>
    /// <param name="normalize">Whether to L2-normalize the inputs along the axes first. Defaults to false.</param>
    /// <param name="name">The layer name. Defaults to <c>dot</c>, ...</param>
    public Dot(int axes, bool normalize = false, string? name = null) : base(name)
    {
        Axes = [axes, axes];
        _singleAxis = true;
        Normalize = normalize;
    }

    /// <summary>Creates the layer with one axis per input.</summary>
    /// <param name="axes">Two axes: the first input's and the second input's.</param>
    /// <param name="normalize">Whether to L2-normalize the inputs along the axes first. Defaults to false.</param>
    /// <param name="name">The layer name. Defaults to <c>dot</c>, ...</param>
    public Dot(int[] axes, bool normalize = false, string? name = null) : base(name)
    {
        ArgumentNullException.ThrowIfNull(axes);
        if (axes.Length != 2)
        {
            throw new ArgumentException(
                "Invalid format for argument `axes`: it should contain two elements. " +
                $"Received: axes=[{string.Join(", ", axes)}]", nameof(axes));
        }
        Axes = [axes[0], axes[1]];
        Normalize = normalize;
    }

    /// <summary>The axes summed over: the first input's, then the second input's.</summary>
    public IReadOnlyList<int> Axes { get; }

    /// <summary>Whether the inputs are L2-normalized along the axes first.</summary>
    public bool Normalize { get; }

    /// <inheritdoc />
    protected override bool AlignsRanks => false;

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShapes(IReadOnlyList<Shape> inputShapes)
    {
        if (inputShapes.Count != 2)
        {
            throw new ArgumentException(
                "A `Dot` layer should be called on a list of 2 inputs. " +
                $"Received: input_shape=[{string.Join(", ", inputShapes)}]");
        }
        var (a, b) = (inputShapes[0], inputShapes[1]);
        var (axisA, axisB) = ResolveAxes(a.Rank, b.Rank);
        if (a[axisA] is int da && b[axisB] is int db && da != db)
        {
            throw new ArgumentException(
                $"Incompatible input shapes: axis values {da} (at axis {axisA}) != {db} (at axis {axisB}). " +
                $"Full input shapes: {a}, {b}");
        }
        var dims = a.Where((_, i) => i != axisA).Concat(b.Where((_, i) => i != 0 && i != axisB)).ToList();
        if (dims.Count == 1)
        {
            dims.Add(1);
        }
        return [new Shape(dims.ToArray())];
    }

    /// <inheritdoc />
    public override IReadOnlyList<Tensor?> ComputeMasks(IReadOnlyList<Tensor> inputs,
        IReadOnlyList<Tensor?> previousMasks, int outputCount) => [null];

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["axes"] = _singleAxis ? Axes[0] : Axes.ToArray();
        config["normalize"] = Normalize;
        return config;
    }

    /// <inheritdoc />
    protected override void BuildCore(IReadOnlyList<Shape> inputShapes)
    {
        ComputeOutputShapes(inputShapes);
        base.BuildCore(inputShapes);
    }

    /// <inheritdoc />
    protected override Tensor MergeFunction(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?> masks)
    {
        if (inputs.Count != 2)
        {
            throw new ArgumentException(
                $"A `Dot` layer should be called on exactly 2 inputs. Received: {inputs.Count} input tensors");
        }
        var (x, y) = (inputs[0], inputs[1]);
        var (axisX, axisY) = ResolveAxes((int)x.dim(), (int)y.dim());
        if (axisX == 0 || axisY == 0)
        {
            throw new ArgumentException(
                "Cannot perform batch_dot over axis 0. If your inputs are not batched, add a dummy batch dimension " +
                "to your inputs.");
        }
        if (Normalize)
        {
            x = Ops.L2Normalize(x, axisX);
            y = Ops.L2Normalize(y, axisY);
        }
        return Ops.BatchDot(x, y, axisX, axisY);
    }

    /// <summary>The axes made non-negative for inputs of the given ranks.</summary>
    private (int, int) ResolveAxes(int rankA, int rankB)
    {
        int a = Axes[0] < 0 ? Axes[0] + rankA : Axes[0];
        int b = Axes[1] < 0 ? Axes[1] + rankB : Axes[1];
        if (a < 0 || a >= rankA || b < 0 || b >= rankB || rankA < 2 || rankB < 2)
        {
            throw new ArgumentException(
                $"Invalid `axes` for layer \"{Name}\": axes=[{Axes[0]}, {Axes[1]}] do not fit inputs of rank " +
                $"{rankA} and {rankB} (both inputs need rank >= 2).");
        }
        return (a, b);
    }
}
