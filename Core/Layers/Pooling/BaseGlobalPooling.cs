namespace Keras.Layers;

/// <summary>The base of the global pooling layers (Keras' <c>BaseGlobalPooling</c>): each sample's spatial axes reduce
/// to one value per channel.</summary>
/// <example><code>
/// var pool = new GlobalAveragePooling2D();
/// Tensor y = pool.Call(images);   // (batch, 7, 7, 64) → (batch, 64)
/// </code></example>
public abstract class BaseGlobalPooling : Layer
{
    private readonly long[] _spatialAxes;

    /// <summary>Creates the layer.</summary>
    /// <param name="poolDimensions">The number of spatial axes (1, 2 or 3).</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>.</param>
    /// <param name="keepdims">Whether the spatial axes stay, with length 1.</param>
    /// <param name="name">The layer name.</param>
    protected BaseGlobalPooling(int poolDimensions, string dataFormat, bool keepdims, string? name)
        : base(name)
    {
        DataFormat = SpatialArguments.DataFormat(dataFormat);
        Keepdims = keepdims;
        int first = SpatialArguments.FirstSpatialAxis(DataFormat);
        _spatialAxes = Enumerable.Range(first, poolDimensions).Select(a => (long)a).ToArray();
        InputSpec = new InputSpec(ndim: poolDimensions + 2);
    }

    /// <summary><c>"channels_last"</c> or <c>"channels_first"</c>.</summary>
    public string DataFormat { get; }

    /// <summary>Whether the spatial axes stay in the output with length 1 (as <c>np.mean(...,
    /// keepdims=True)</c>).</summary>
    public bool Keepdims { get; }

    /// <summary>The spatial axes of the input: <c>1..n</c> for channels_last, <c>2..n+1</c> for
    /// channels_first.</summary>
    protected IReadOnlyList<long> SpatialAxes => _spatialAxes;

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape)
    {
        int? batch = inputShape[0];
        int? channels = DataFormat == "channels_last" ? inputShape[-1] : inputShape[1];
        if (!Keepdims)
        {
            return new Shape(batch, channels);
        }
        var ones = Enumerable.Repeat((int?)1, _spatialAxes.Length);
        return DataFormat == "channels_last"
            ? new Shape([batch, .. ones, channels])
            : new Shape([batch, channels, .. ones]);
    }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["data_format"] = DataFormat;
        config["keepdims"] = Keepdims;
        return config;
    }
}
