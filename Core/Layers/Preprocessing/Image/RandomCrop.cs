namespace Keras.Layers;

/// <summary>Crops a random <c>height × width</c> window while training (<c>keras.layers.RandomCrop</c>).</summary>
/// <remarks>While training, one window position is drawn per batch. At inference, and while training when the image
/// is not larger than the target in both dimensions, the layer crops the largest centered window with the target
/// aspect ratio and resizes it (bilinear) to the target, so the output always has the target size. (Keras 3's code
/// returns the input unchanged at inference, contrary to its documentation — keras-team/keras#21868; Keras.Net follows
/// the documentation.) Draws come from the global generator (<c>Utils.SetRandomSeed</c>). The output is float32.</remarks>
/// <example><code>var crop = new RandomCrop(24, 24);   // (N, 32, 32, 3) → (N, 24, 24, 3)</code></example>
public sealed class RandomCrop : Layer
{
    /// <inheritdoc />
    protected override bool TrainingByDefault => true;

    /// <summary>Creates the layer.</summary>
    /// <param name="height">The output height.</param>
    /// <param name="width">The output width.</param>
    /// <param name="seed">Kept in the config; draws follow the global seed.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to channels_last.</param>
    /// <param name="name">The layer name. Defaults to <c>random_crop</c>, ...</param>
    public RandomCrop(int height, int width, int? seed = null, string? dataFormat = null, string? name = null)
        : base(name)
    {
        if (height <= 0 || width <= 0)
        {
            throw new ArgumentException(
                $"Layer RandomCrop expects a positive `height` and `width`. Received: height={height}, width={width}",
                height <= 0 ? nameof(height) : nameof(width));
        }
        Height = height;
        Width = width;
        Seed = seed;
        DataFormat = ImageLayers.DataFormat(dataFormat);
    }

    /// <summary>The output height.</summary>
    public int Height { get; }

    /// <summary>The output width.</summary>
    public int Width { get; }

    /// <summary>The seed written to the config.</summary>
    public int? Seed { get; }

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
        config["seed"] = Seed;
        config["data_format"] = DataFormat;
        return config;
    }

    /// <summary>Crops the window at (<paramref name="top"/>, <paramref name="left"/>); a window of another size than
    /// the target is resized to it (bilinear).</summary>
    /// <param name="images">A float batch in the layer's data format.</param>
    /// <param name="top">The first row.</param>
    /// <param name="left">The first column.</param>
    /// <param name="cropHeight">The window height.</param>
    /// <param name="cropWidth">The window width.</param>
    internal Tensor Crop(Tensor images, long top, long left, long cropHeight, long cropWidth)
    {
        bool channelsFirst = DataFormat == ImageLayers.ChannelsFirst;
        var window = ImageLayers.Window(images, top, left, cropHeight, cropWidth, channelsFirst);
        return cropHeight == Height && cropWidth == Width
            ? window
            : Ops.ImageResize(window, Height, Width, channelsFirst: channelsFirst);
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        ImageLayers.PerBatch(ImageLayers.Float(inputs), images =>
        {
            var (height, width) = ImageLayers.Size(images, DataFormat == ImageLayers.ChannelsFirst);
            if (training && height > Height && width > Width)
            {
                var draws = Ops.RandomUniform([2], 0, 1).cpu().data<float>().ToArray();
                long top = (long)Math.Floor(draws[0] * (float)(height - Height + 1));
                long left = (long)Math.Floor(draws[1] * (float)(width - Width + 1));
                return Crop(images, Math.Min(top, height - Height), Math.Min(left, width - Width), Height, Width);
            }
            var (cropHeight, cropWidth, cropTop, cropLeft) = Ops.AspectRatioCrop(height, width, Height, Width);
            return Crop(images, cropTop, cropLeft, cropHeight, cropWidth);
        });
}
