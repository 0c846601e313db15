namespace Keras.Layers;

/// <summary>Pads the time axis with zeros at its start and end (<c>keras.layers.ZeroPadding1D</c>).</summary>
/// <remarks>Input <c>(batch, steps, features)</c>; the output has the same layout. Keras' default is <c>padding=1</c>.
/// </remarks>
/// <example><code>
/// var layer = new ZeroPadding1D(padding: 2);
/// Tensor y = layer.Call(x);   // (batch, 10, 4) → (batch, 14, 4)
/// </code></example>
public sealed class ZeroPadding1D : Layer
{
    private readonly (int Start, int End)[] _padding;

    /// <summary>Creates the layer with the same amount at both ends.</summary>
    /// <param name="padding">How many steps of zeros to add at the start and at the end; non-negative. Defaults to
    /// 1.</param>
    /// <param name="name">The layer name. Defaults to <c>zero_padding1d</c>, <c>zero_padding1d_1</c>, ...</param>
    public ZeroPadding1D(int padding = 1, string? name = null) : this((padding, padding), name)
    {
    }

    /// <summary>Creates the layer with an amount for each end.</summary>
    /// <param name="padding">How many steps of zeros to add at the start and at the end; non-negative.</param>
    /// <param name="name">The layer name. Defaults to <c>zero_padding1d</c>, <c>zero_padding1d_1</c>, ...</param>
    public ZeroPadding1D((int Start, int End) padding, string? name = null) : base(name)
    {
        _padding = SpatialEdges.Pairs([padding], "padding");
        InputSpec = new InputSpec(ndim: 3);
    }

    /// <summary>How many steps of zeros are added at the start and at the end.</summary>
    public (int Start, int End) Padding => _padding[0];

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => SpatialEdges.PadShape(inputShape, _padding, 1);

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["padding"] = SpatialEdges.ToConfig(_padding)[0];
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        SpatialEdges.Pad(inputs, _padding, 1);
}
