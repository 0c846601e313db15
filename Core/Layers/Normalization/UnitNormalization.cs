namespace Keras.Layers;

/// <summary>Scales each sample to unit L2 norm over <see cref="Axis"/>
/// (<c>keras.layers.UnitNormalization</c>).</summary>
/// <remarks>The output is <c>x / sqrt(max(Σ x², 1e-12))</c>, the sum over the given axes. No weights; the same in
/// training and inference; masks pass through.</remarks>
/// <example><code>
/// var unit = new UnitNormalization();                // each feature vector to norm 1
/// var maps = new UnitNormalization(axis: [1, 2]);   // each (height, width) map to norm 1
/// </code></example>
public sealed class UnitNormalization : Layer
{
    private readonly int[] _axes;
    private readonly bool _axisIsList;

    /// <summary>Creates the layer normalizing over one axis.</summary>
    /// <param name="axis">The axis. Defaults to -1.</param>
    /// <param name="name">The layer name. Defaults to <c>unit_normalization</c>, ...</param>
    public UnitNormalization(int axis = -1, string? name = null) : this([axis], false, name)
    {
    }

    /// <summary>Creates the layer normalizing over several axes.</summary>
    /// <param name="axis">The axes (e.g. <c>[1, 2]</c>).</param>
    /// <param name="name">The layer name. Defaults to <c>unit_normalization</c>, ...</param>
    /// <exception cref="ArgumentException"><paramref name="axis"/> is empty.</exception>
    public UnitNormalization(int[] axis, string? name = null) : this(axis, true, name)
    {
    }

    private UnitNormalization(int[] axes, bool axisIsList, string? name) : base(name)
    {
        ArgumentNullException.ThrowIfNull(axes, "axis");
        if (axes.Length == 0)
        {
            throw new ArgumentException(
                "Invalid value for `axis` argument: expected an int or a non-empty list of ints. Received: axis=[]",
                "axis");
        }
        _axes = [.. axes];
        _axisIsList = axisIsList;
        SupportsMasking = true;
    }

    /// <summary>The normalized axes, as given (may be negative).</summary>
    public IReadOnlyList<int> Axis => _axes;

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape)
    {
        NormalizationAxes.ResolveAll(_axes, inputShape.Rank, Name, "axis");
        return inputShape;
    }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["axis"] = _axisIsList ? _axes.ToArray() : _axes[0];
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training)
    {
        var axes = NormalizationAxes.ResolveAll(_axes, (int)inputs.dim(), Name, "axis");
        return Ops.UnitNormalization(inputs, axes.Select(a => (long)a).ToArray());
    }
}
