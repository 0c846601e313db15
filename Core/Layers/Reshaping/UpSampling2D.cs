namespace Keras.Layers;

/// <summary>Upsamples images by integer factors (<c>keras.layers.UpSampling2D</c>): <c>"nearest"</c> repeats rows and
/// columns, <c>"bilinear"</c> interpolates.</summary>
/// <remarks>Input <c>(batch, rows, cols, channels)</c> (channels_last) or <c>(batch, channels, rows, cols)</c>
/// (channels_first). Bilinear interpolation is Keras 3's <c>ops.image.resize</c>: half-pixel centers, edges clamped, no
/// antialiasing. Keras' <c>"bicubic"</c>, <c>"lanczos3"</c> and <c>"lanczos5"</c> are not available.</remarks>
/// <example><code>
/// var layer = new UpSampling2D(size: (2, 3), interpolation: "bilinear");
/// Tensor y = layer.Call(x);   // (batch, 4, 4, 3) → (batch, 8, 12, 3)
/// </code></example>
public sealed class UpSampling2D : Layer
{
    private readonly int[] _size;

    /// <summary>Creates the layer with one factor for rows and columns.</summary>
    /// <param name="size">The upsampling factor; positive. Defaults to 2.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to
    /// <c>"channels_last"</c>.</param>
    /// <param name="interpolation"><c>"nearest"</c> or <c>"bilinear"</c>. Defaults to <c>"nearest"</c>.</param>
    /// <param name="name">The layer name. Defaults to <c>up_sampling2d</c>, <c>up_sampling2d_1</c>, ...</param>
    public UpSampling2D(int size = 2, string dataFormat = "channels_last", string interpolation = "nearest",
        string? name = null)
        : this((size, size), dataFormat, interpolation, name)
    {
    }

    /// <summary>Creates the layer with a factor for rows and one for columns.</summary>
    /// <param name="size">The upsampling factors; positive.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to
    /// <c>"channels_last"</c>.</param>
    /// <param name="interpolation"><c>"nearest"</c> or <c>"bilinear"</c>. Defaults to <c>"nearest"</c>.</param>
    /// <param name="name">The layer name. Defaults to <c>up_sampling2d</c>, <c>up_sampling2d_1</c>, ...</param>
    public UpSampling2D((int Rows, int Cols) size, string dataFormat = "channels_last",
        string interpolation = "nearest", string? name = null)
        : base(name)
    {
        _size = SpatialArguments.Tuple([size.Rows, size.Cols], 2, "size");
        DataFormat = SpatialArguments.DataFormat(dataFormat);
        Interpolation = interpolation?.ToLowerInvariant() switch
        {
            "nearest" or "bilinear" => interpolation.ToLowerInvariant(),
            "bicubic" or "lanczos3" or "lanczos5" => throw new NotSupportedException(
                $"UpSampling2D interpolation \"{interpolation}\" is not supported by Keras.Net yet; use \"nearest\" " +
                "or \"bilinear\"."),
            _ => throw new ArgumentException(
                "The `interpolation` argument must be one of \"bicubic\", \"bilinear\", \"lanczos3\", \"lanczos5\", " +
                $"\"nearest\". Received: interpolation={interpolation}", nameof(interpolation)),
        };
        InputSpec = new InputSpec(ndim: 4);
    }

    /// <summary>The factors for rows and columns.</summary>
    public IReadOnlyList<int> Size => _size;

    /// <summary><c>"channels_last"</c> or <c>"channels_first"</c>.</summary>
    public string DataFormat { get; }

    /// <summary><c>"nearest"</c> or <c>"bilinear"</c>.</summary>
    public string Interpolation { get; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape)
    {
        int first = SpatialArguments.FirstSpatialAxis(DataFormat);
        return inputShape.With(first, inputShape[first] * _size[0]).With(first + 1, inputShape[first + 1] * _size[1]);
    }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["size"] = _size.ToArray();
        config["data_format"] = DataFormat;
        config["interpolation"] = Interpolation;
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training)
    {
        if (Interpolation == "bilinear")
        {
            return Ops.UpSampleBilinear(inputs, _size[0], _size[1], DataFormat);
        }
        int first = SpatialArguments.FirstSpatialAxis(DataFormat);
        return inputs.repeat_interleave(_size[0], first).repeat_interleave(_size[1], first + 1);
    }
}
