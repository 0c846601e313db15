namespace Keras.Layers;

/// <summary>Rescales every input value to <c>inputs * scale + offset</c>, in training and inference
/// (<c>keras.layers.Rescaling</c>).</summary>
/// <remarks>Integer inputs (e.g. <c>uint8</c> pixels) are cast to float32 first. A per-channel <c>scale</c> or
/// <c>offset</c> broadcasts along the last axis. Masks pass through.</remarks>
/// <example><code>
/// var toUnit = new Rescaling(1.0 / 255);                         // [0, 255] → [0, 1]
/// var toSigned = new Rescaling(1.0 / 127.5, offset: -1);         // [0, 255] → [-1, 1]
/// var perChannel = new Rescaling([1 / 0.229, 1 / 0.224, 1 / 0.225]);
/// </code></example>
public sealed class Rescaling : Layer
{
    private readonly double[] _scale;
    private readonly double[] _offset;
    private readonly bool _scaleIsList;
    private readonly bool _offsetIsList;

    /// <summary>Creates the layer with a scalar scale.</summary>
    /// <param name="scale">The factor applied to every value.</param>
    /// <param name="offset">The value added after scaling. Defaults to 0.</param>
    /// <param name="name">The layer name. Defaults to <c>rescaling</c>, ...</param>
    public Rescaling(double scale, double offset = 0.0, string? name = null)
        : this([scale], false, [offset], false, name)
    {
    }

    /// <summary>Creates the layer with per-channel values.</summary>
    /// <param name="scale">One factor per channel (last axis).</param>
    /// <param name="offset">One offset per channel, or null for 0.</param>
    /// <param name="name">The layer name. Defaults to <c>rescaling</c>, ...</param>
    public Rescaling(double[] scale, double[]? offset = null, string? name = null)
        : this(scale, true, offset ?? [0.0], offset is not null, name)
    {
    }

    internal Rescaling(double[] scale, bool scaleIsList, double[] offset, bool offsetIsList, string? name)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(scale);
        if (scale.Length == 0 || offset.Length == 0)
        {
            throw new ArgumentException(
                $"Layer Rescaling expects a non-empty `scale` and `offset`. Received: scale=[{Join(scale)}], " +
                $"offset=[{Join(offset)}]", scale.Length == 0 ? nameof(scale) : nameof(offset));
        }
        _scale = (double[])scale.Clone();
        _offset = (double[])offset.Clone();
        _scaleIsList = scaleIsList;
        _offsetIsList = offsetIsList;
        SupportsMasking = true;
    }

    /// <summary>The scale: one value, or one per channel.</summary>
    public IReadOnlyList<double> Scale => _scale;

    /// <summary>The offset: one value, or one per channel.</summary>
    public IReadOnlyList<double> Offset => _offset;

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => inputShape;

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["scale"] = _scaleIsList ? _scale.ToArray() : _scale[0];
        config["offset"] = _offsetIsList ? _offset.ToArray() : _offset[0];
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training)
    {
        var x = ImageLayers.Float(inputs);
        var scaled = _scaleIsList ? x * Constant(_scale, x) : x * _scale[0];
        return _offsetIsList ? scaled + Constant(_offset, x) : scaled + _offset[0];
    }

    private static Tensor Constant(double[] values, Tensor like) =>
        Ops.Constant(values.Select(v => (float)v).ToArray()).to(like.device);

    private static string Join(double[] values) => string.Join(", ", values.Select(FactorRange.Format));
}
