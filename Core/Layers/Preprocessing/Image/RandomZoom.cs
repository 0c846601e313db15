namespace Keras.Layers;

/// <summary>Randomly zooms images in or out while training (<c>keras.layers.RandomZoom</c>); the identity at
/// inference.</summary>
/// <remarks>Each image is scaled about its center by <c>1 + f</c> with <c>f</c> drawn from the factor's range:
/// positive values zoom out, negative values zoom in. Without <c>widthFactor</c> both axes use the height's draw
/// (aspect ratio kept). Sampling follows Keras 3's <c>affine_transform</c> (see <see cref="Ops.ImageAffineTransform"/>);
/// draws come from the global generator (<c>Utils.SetRandomSeed</c>). The output is float32.</remarks>
/// <example><code>
/// var zoom = new RandomZoom(0.2);                                   // ±20 %, aspect ratio kept
/// var zoomIn = new RandomZoom((-0.3, -0.1), widthFactor: (-0.3, -0.1), fillMode: "constant");
/// </code></example>
public sealed class RandomZoom : Layer
{
    /// <inheritdoc />
    protected override bool TrainingByDefault => true;

    private const string FactorError = "The `height_factor` and `width_factor` arguments should be a number (or a " +
                                       "list of two numbers) in the range [-1.0, 1.0]. ";

    private readonly FactorRange _heightFactor;
    private readonly FactorRange? _widthFactor;

    /// <summary>Creates the layer.</summary>
    /// <param name="heightFactor">The vertical zoom range: <c>f</c> gives <c>[-f, f]</c>, a pair its range; numbers in
    /// [-1, 1].</param>
    /// <param name="widthFactor">The horizontal zoom range, or null to reuse the vertical draw. Defaults to null.</param>
    /// <param name="fillMode"><c>"reflect"</c>, <c>"wrap"</c>, <c>"constant"</c> or <c>"nearest"</c>. Defaults to
    /// reflect.</param>
    /// <param name="interpolation"><c>"bilinear"</c> or <c>"nearest"</c>. Defaults to bilinear.</param>
    /// <param name="seed">Kept in the config; draws follow the global seed.</param>
    /// <param name="fillValue">The value outside the image for <c>"constant"</c>. Defaults to 0.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to channels_last.</param>
    /// <param name="name">The layer name. Defaults to <c>random_zoom</c>, ...</param>
    public RandomZoom(FactorRange heightFactor, FactorRange? widthFactor = null, string fillMode = "reflect",
        string interpolation = "bilinear", int? seed = null, double fillValue = 0.0, string? dataFormat = null,
        string? name = null)
        : base(name)
    {
        HeightRange = ImageLayers.SymmetricFactor(heightFactor, nameof(heightFactor), "height_factor", FactorError);
        WidthRange = widthFactor is FactorRange w ? ImageLayers.SymmetricFactor(w, nameof(widthFactor), "width_factor", FactorError) : null;
        ImageLayers.CheckAffineArguments(fillMode, interpolation);
        _heightFactor = heightFactor;
        _widthFactor = widthFactor;
        FillMode = fillMode;
        Interpolation = interpolation;
        Seed = seed;
        FillValue = fillValue;
        DataFormat = ImageLayers.DataFormat(dataFormat);
    }

    /// <summary>The vertical zoom range (the zoom is <c>1 + f</c>).</summary>
    public (double Lower, double Upper) HeightRange { get; }

    /// <summary>The horizontal zoom range, or null when the vertical draw is reused.</summary>
    public (double Lower, double Upper)? WidthRange { get; }

    /// <summary>How points outside the image are filled.</summary>
    public string FillMode { get; }

    /// <summary>The interpolation method.</summary>
    public string Interpolation { get; }

    /// <summary>The seed written to the config.</summary>
    public int? Seed { get; }

    /// <summary>The value for <c>"constant"</c> filling.</summary>
    public double FillValue { get; }

    /// <summary><c>"channels_last"</c> or <c>"channels_first"</c>.</summary>
    public string DataFormat { get; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => inputShape;

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["height_factor"] = _heightFactor.ToConfig();
        config["width_factor"] = _widthFactor?.ToConfig();
        config["fill_mode"] = FillMode;
        config["interpolation"] = Interpolation;
        config["seed"] = Seed;
        config["fill_value"] = FillValue;
        config["data_format"] = DataFormat;
        return config;
    }

    /// <summary>Zooms each image by its factors about the center (Keras' <c>_get_zoom_matrix</c>: output
    /// <c>(x, y)</c> reads <c>(zx·x + (W-1)/2·(1-zx), zy·y + (H-1)/2·(1-zy))</c>).</summary>
    /// <param name="images">A float batch in the layer's data format.</param>
    /// <param name="heightZoom">One vertical zoom <c>zy</c> per image.</param>
    /// <param name="widthZoom">One horizontal zoom <c>zx</c> per image.</param>
    internal Tensor Zoom(Tensor images, Tensor heightZoom, Tensor widthZoom)
    {
        bool channelsFirst = DataFormat == ImageLayers.ChannelsFirst;
        var (height, width) = ImageLayers.Size(images, channelsFirst);
        var zy = ImageLayers.PerImage(heightZoom, images);
        var zx = ImageLayers.PerImage(widthZoom, images);
        var zeros = zx * 0;
        var transforms = Ops.Stack(
        [
            zx, zeros, (1 - zx) * ((width - 1) / 2.0),
            zeros, zy, (1 - zy) * ((height - 1) / 2.0),
            zeros, zeros,
        ], axis: 1);
        return ImageLayers.AffineTransform(images, transforms, Interpolation, FillMode, FillValue, channelsFirst);
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        ImageLayers.PerBatch(ImageLayers.Float(inputs), images =>
        {
            if (!training)
            {
                return images;
            }
            long n = images.shape[0];
            var heightZoom = Ops.RandomUniform([n], 1.0 + HeightRange.Lower, 1.0 + HeightRange.Upper);
            var widthZoom = WidthRange is var (lower, upper)
                ? Ops.RandomUniform([n], 1.0 + lower, 1.0 + upper)
                : heightZoom;
            return Zoom(images, heightZoom, widthZoom);
        });
}
