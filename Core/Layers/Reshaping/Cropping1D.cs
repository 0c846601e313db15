namespace Keras.Layers;

/// <summary>Crops steps at the start and end of the time axis (<c>keras.layers.Cropping1D</c>).</summary>
/// <remarks>Input <c>(batch, steps, features)</c>; the output has the same layout. Keras' default is <c>cropping=(1,
/// 1)</c>. Every crop must be smaller than its axis.
/// </remarks>
/// <example><code>
/// var layer = new Cropping1D(cropping: (1, 2));
/// Tensor y = layer.Call(x);   // (batch, 10, 4) → (batch, 7, 4)
/// </code></example>
public sealed class Cropping1D : Layer
{
    private readonly (int Start, int End)[] _cropping;

    /// <summary>Creates the layer with the same amount at both ends.</summary>
    /// <param name="cropping">How many steps to remove at the start and at the end; non-negative. Defaults to
    /// 1.</param>
    /// <param name="name">The layer name. Defaults to <c>cropping1d</c>, <c>cropping1d_1</c>, ...</param>
    public Cropping1D(int cropping = 1, string? name = null) : this((cropping, cropping), name)
    {
    }

    /// <summary>Creates the layer with an amount for each end.</summary>
    /// <param name="cropping">How many steps to remove at the start and at the end; non-negative.</param>
    /// <param name="name">The layer name. Defaults to <c>cropping1d</c>, <c>cropping1d_1</c>, ...</param>
    public Cropping1D((int Start, int End) cropping, string? name = null) : base(name)
    {
        _cropping = SpatialEdges.Pairs([cropping], "cropping");
        InputSpec = new InputSpec(ndim: 3);
    }

    /// <summary>How many steps are removed at the start and at the end.</summary>
    public (int Start, int End) Cropping => _cropping[0];

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) =>
        SpatialEdges.CropShape(inputShape, _cropping, 1, Name);

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["cropping"] = SpatialEdges.ToConfig(_cropping)[0];
        return config;
    }

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape) => ComputeOutputShape(inputShape);

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training)
    {
        SpatialEdges.CropShape(new Shape(inputs.shape), _cropping, 1, Name);
        return SpatialEdges.Crop(inputs, _cropping, 1);
    }
}
