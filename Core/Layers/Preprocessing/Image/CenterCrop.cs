namespace Keras.Layers;

/// <summary>Crops the central <c>height × width</c> window of images (<c>keras.layers.CenterCrop</c>).</summary>
/// <remarks>An image smaller than the target in either dimension is instead cropped to the target aspect ratio and
/// resized (bilinear), as Keras' <c>smart_resize</c>. The output is float32.</remarks>
/// <example><code>var crop = new CenterCrop(224, 224);   // (N, 256, 256, 3) → (N, 224, 224, 3)</code></example>
public sealed class CenterCrop : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="height">The output height.</param>
    /// <param name="width">The output width.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to channels_last.</param>
    /// <param name="name">The layer name. Defaults to <c>center_crop</c>, ...</param>
    public CenterCrop(int height, int width, string? dataFormat = null, string? name = null) : base(name)
    {
        if (height <= 0 || width <= 0)
        {
            throw new ArgumentException(
                $"Layer CenterCrop expects a positive `height` and `width`. Received: height={height}, width={width}",
                height <= 0 ? nameof(height) : nameof(width));
        }
        Height = height;
        Width = width;
        DataFormat = ImageLayers.DataFormat(dataFormat);
    }

    /// <summary>The output height.</summary>
    public int Height { get; }

    /// <summary>The output width.</summary>
    public int Width { get; }

    /// <summary><c>"channels_last"</c> or <c>"channels_first"</c>.</summary>
    public string DataFormat { get; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) =>
        ImageLayers.WithHeightWidth(inputShape, Height, Width, DataFormat == ImageLayers.ChannelsFirst);

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["height"] = Height;
        config["width"] = Width;
        config["data_format"] = DataFormat;
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        ImageLayers.PerBatch(ImageLayers.Float(inputs), images =>
        {
            bool channelsFirst = DataFormat == ImageLayers.ChannelsFirst;
            var (height, width) = ImageLayers.Size(images, channelsFirst);
            if (height < Height || width < Width)
            {
                return Ops.ImageResize(images, Height, Width, cropToAspectRatio: true, channelsFirst: channelsFirst);
            }
            return ImageLayers.Window(images, (long)((height - Height) / 2.0), (long)((width - Width) / 2.0), Height,
                Width, channelsFirst);
        });
}
