namespace Keras.Layers;

/// <summary>The shared part of <see cref="ZeroPadding2D"/> and <see cref="ZeroPadding3D"/>: a (start, end) padding
/// per spatial axis and a data format.</summary>
public abstract class BaseZeroPadding : Layer
{
    private readonly (int Start, int End)[] _padding;

    /// <summary>Checks and stores the arguments.</summary>
    /// <param name="padding">One (start, end) pair per spatial axis; non-negative.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>.</param>
    /// <param name="name">The layer name, or null for the default.</param>
    private protected BaseZeroPadding((int Start, int End)[] padding, string dataFormat, string? name) : base(name)
    {
        _padding = SpatialEdges.Pairs(padding, "padding");
        DataFormat = SpatialArguments.DataFormat(dataFormat);
        InputSpec = new InputSpec(ndim: padding.Length + 2);
    }

    /// <summary>How many zeros are added at the start and end of each spatial axis.</summary>
    public IReadOnlyList<(int Start, int End)> Padding => _padding;

    /// <summary><c>"channels_last"</c> or <c>"channels_first"</c>.</summary>
    public string DataFormat { get; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) =>
        SpatialEdges.PadShape(inputShape, _padding, SpatialArguments.FirstSpatialAxis(DataFormat));

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["padding"] = SpatialEdges.ToConfig(_padding);
        config["data_format"] = DataFormat;
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        SpatialEdges.Pad(inputs, _padding, SpatialArguments.FirstSpatialAxis(DataFormat));
}
