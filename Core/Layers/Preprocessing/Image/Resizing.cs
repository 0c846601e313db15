namespace Keras.Layers;

/// <summary>Resizes images to a target height and width (<c>keras.layers.Resizing</c>), with Keras 3's torch
/// semantics: half-pixel centers, no antialiasing.</summary>
/// <remarks>Accepts a batch <c>(N, H, W, C)</c> or one image <c>(H, W, C)</c> (channels_first: <c>(N, C, H, W)</c>,
/// <c>(C, H, W)</c>). Float inputs give float outputs; integer inputs are rounded back to their dtype.</remarks>
/// <example><code>
/// var resize = new Resizing(224, 224);
/// var keepAspect = new Resizing(224, 224, cropToAspectRatio: true);
/// </code></example>
public sealed class Resizing : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="height">The output height.</param>
    /// <param name="width">The output width.</param>
    /// <param name="interpolation"><c>"bilinear"</c>, <c>"nearest"</c> or <c>"bicubic"</c>. Defaults to bilinear.
    /// (Keras' lanczos3/lanczos5 are not available on its torch backend either.)</param>
    /// <param name="cropToAspectRatio">Crop the largest centered window with the target aspect ratio before resizing,
    /// so the image is not distorted. Defaults to false.</param>
    /// <param name="padToAspectRatio">Pad the short side evenly with <paramref name="fillValue"/> to the target aspect
    /// ratio before resizing. Defaults to false.</param>
    /// <param name="fillMode">How padding is filled; only <c>"constant"</c>. Defaults to constant.</param>
    /// <param name="fillValue">The padding value. Defaults to 0.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to channels_last.</param>
    /// <param name="name">The layer name. Defaults to <c>resizing</c>, ...</param>
    public Resizing(int height, int width, string interpolation = "bilinear", bool cropToAspectRatio = false,
        bool padToAspectRatio = false, string fillMode = "constant", double fillValue = 0.0, string? dataFormat = null,
        string? name = null)
        : base(name)
    {
        if (height <= 0 || width <= 0)
        {
            throw new ArgumentException(
                $"Layer Resizing expects a positive `height` and `width`. Received: height={height}, width={width}",
                height <= 0 ? nameof(height) : nameof(width));
        }
        if (interpolation is "lanczos3" or "lanczos5")
        {
            throw new ArgumentException(
                "Resizing with Lanczos interpolation is not supported by Keras.Net (nor by Keras' PyTorch backend). " +
                $"Received: interpolation={interpolation}", nameof(interpolation));
        }
        if (interpolation is not ("bilinear" or "nearest" or "bicubic"))
        {
            throw new ArgumentException(
                "Invalid value for argument `interpolation`. Expected of one ('bilinear', 'nearest', 'bicubic'). " +
                $"Received: interpolation={interpolation}", nameof(interpolation));
        }
        if (fillMode != "constant")
        {
            throw new ArgumentException(
                $"Invalid value for argument `fill_mode`. Only `'constant'` is supported. Received: fill_mode={fillMode}",
                nameof(fillMode));
        }
        if (cropToAspectRatio && padToAspectRatio)
        {
            throw new ArgumentException("Only one of `pad_to_aspect_ratio` & `crop_to_aspect_ratio` can be `True`.",
                nameof(padToAspectRatio));
        }
        Height = height;
        Width = width;
        Interpolation = interpolation;
        CropToAspectRatio = cropToAspectRatio;
        PadToAspectRatio = padToAspectRatio;
        FillMode = fillMode;
        FillValue = fillValue;
        DataFormat = ImageLayers.DataFormat(dataFormat);
    }

    /// <summary>The output height.</summary>
    public int Height { get; }

    /// <summary>The output width.</summary>
    public int Width { get; }

    /// <summary>The interpolation method.</summary>
    public string Interpolation { get; }

    /// <summary>Whether images are center-cropped to the target aspect ratio first.</summary>
    public bool CropToAspectRatio { get; }

    /// <summary>Whether images are padded to the target aspect ratio first.</summary>
    public bool PadToAspectRatio { get; }

    /// <summary>How padding is filled (<c>"constant"</c>).</summary>
    public string FillMode { get; }

    /// <summary>The padding value.</summary>
    public double FillValue { get; }

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
        config["interpolation"] = Interpolation;
        config["crop_to_aspect_ratio"] = CropToAspectRatio;
        config["pad_to_aspect_ratio"] = PadToAspectRatio;
        config["fill_mode"] = FillMode;
        config["fill_value"] = FillValue;
        config["data_format"] = DataFormat;
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        ImageLayers.PerBatch(inputs, images => Ops.ImageResize(images, Height, Width, Interpolation,
            CropToAspectRatio, PadToAspectRatio, FillValue, DataFormat == ImageLayers.ChannelsFirst));
}
