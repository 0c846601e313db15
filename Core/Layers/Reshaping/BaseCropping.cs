namespace Keras.Layers;

/// <summary>The shared part of <see cref="Cropping2D"/> and <see cref="Cropping3D"/>: a (start, end) crop per spatial
/// axis and a data format.</summary>
public abstract class BaseCropping : Layer
{
    private readonly (int Start, int End)[] _cropping;

    /// <summary>Checks and stores the arguments.</summary>
    /// <param name="cropping">One (start, end) pair per spatial axis; non-negative.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>.</param>
    /// <param name="name">The layer name, or null for the default.</param>
    private protected BaseCropping((int Start, int End)[] cropping, string dataFormat, string? name) : base(name)
    {
        _cropping = SpatialEdges.Pairs(cropping, "cropping");
        DataFormat = SpatialArguments.DataFormat(dataFormat);
        InputSpec = new InputSpec(ndim: cropping.Length + 2);
    }

    /// <summary>How many cells are removed at the start and end of each spatial axis.</summary>
    public IReadOnlyList<(int Start, int End)> Cropping => _cropping;

    /// <summary><c>"channels_last"</c> or <c>"channels_first"</c>.</summary>
    public string DataFormat { get; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) =>
        SpatialEdges.CropShape(inputShape, _cropping, SpatialArguments.FirstSpatialAxis(DataFormat), Name);

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["cropping"] = SpatialEdges.ToConfig(_cropping);
        config["data_format"] = DataFormat;
        return config;
    }

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape) => ComputeOutputShape(inputShape);

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training)
    {
        ComputeOutputShape(new Shape(inputs.shape));
        return SpatialEdges.Crop(inputs, _cropping, SpatialArguments.FirstSpatialAxis(DataFormat));
    }
}
