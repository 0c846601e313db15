namespace Keras.Layers;

/// <summary>Randomly shifts images while training (<c>keras.layers.RandomTranslation</c>); the identity at
/// inference.</summary>
/// <remarks>Each image moves by fractions of its height and width drawn from the factors' ranges (positive: down and
/// right). Sampling follows Keras 3's <c>affine_transform</c> (see <see cref="Ops.ImageAffineTransform"/>); draws come
/// from the global generator (<c>Utils.SetRandomSeed</c>). The output is float32.</remarks>
/// <example><code>
/// var shift = new RandomTranslation(0.1, 0.1);                               // ±10 % each way
/// var shiftDown = new RandomTranslation((0.0, 0.2), 0.0, fillMode: "constant");
/// </code></example>
public sealed class RandomTranslation : Layer
{
    /// <inheritdoc />
    protected override bool TrainingByDefault => true;

    private const string FactorError =
        "The `factor` argument should be a number (or a list of two numbers) in the range [-1.0, 1.0]. ";

    private readonly FactorRange _heightFactor;
    private readonly FactorRange _widthFactor;

    /// <summary>Creates the layer.</summary>
    /// <param name="heightFactor">The vertical shift as a fraction of the height: <c>f</c> gives <c>[-f, f]</c>, a pair
    /// its range; numbers in [-1, 1].</param>
    /// <param name="widthFactor">The horizontal shift as a fraction of the width, likewise.</param>
    /// <param name="fillMode"><c>"reflect"</c>, <c>"wrap"</c>, <c>"constant"</c> or <c>"nearest"</c>. Defaults to
    /// reflect.</param>
    /// <param name="interpolation"><c>"bilinear"</c> or <c>"nearest"</c>. Defaults to bilinear.</param>
    /// <param name="seed">Kept in the config; draws follow the global seed.</param>
    /// <param name="fillValue">The value outside the image for <c>"constant"</c>. Defaults to 0.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to channels_last.</param>
    /// <param name="name">The layer name. Defaults to <c>random_translation</c>, ...</param>
    public RandomTranslation(FactorRange heightFactor, FactorRange widthFactor, string fillMode = "reflect",
        string interpolation = "bilinear", int? seed = null, double fillValue = 0.0, string? dataFormat = null,
        string? name = null)
        : base(name)
    {
        HeightRange = ImageLayers.SymmetricFactor(heightFactor, nameof(heightFactor), "height_factor", FactorError);
        WidthRange = ImageLayers.SymmetricFactor(widthFactor, nameof(widthFactor), "width_factor", FactorError);
        ImageLayers.CheckAffineArguments(fillMode, interpolation);
        _heightFactor = heightFactor;
        _widthFactor = widthFactor;
        FillMode = fillMode;
        Interpolation = interpolation;
        Seed = seed;
        FillValue = fillValue;
        DataFormat = ImageLayers.DataFormat(dataFormat);
    }

    /// <summary>The vertical shift range, in fractions of the height.</summary>
    public (double Lower, double Upper) HeightRange { get; }

    /// <summary>The horizontal shift range, in fractions of the width.</summary>
    public (double Lower, double Upper) WidthRange { get; }

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
        config["width_factor"] = _widthFactor.ToConfig();
        config["fill_mode"] = FillMode;
        config["interpolation"] = Interpolation;
        config["seed"] = Seed;
        config["fill_value"] = FillValue;
        config["data_format"] = DataFormat;
        return config;
    }

    /// <summary>Shifts each image by its offsets in pixels (Keras' <c>_get_translation_matrix</c>: output
    /// <c>(x, y)</c> reads <c>(x - dx, y - dy)</c>).</summary>
    /// <param name="images">A float batch in the layer's data format.</param>
    /// <param name="dy">One vertical shift per image, in pixels.</param>
    /// <param name="dx">One horizontal shift per image, in pixels.</param>
    internal Tensor Translate(Tensor images, Tensor dy, Tensor dx)
    {
        var y = ImageLayers.PerImage(dy, images);
        var x = ImageLayers.PerImage(dx, images);
        var zeros = x * 0;
        var transforms = Ops.Stack([zeros + 1, zeros, -x, zeros, zeros + 1, -y, zeros, zeros], axis: 1);
        bool channelsFirst = DataFormat == ImageLayers.ChannelsFirst;
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
            var (height, width) = ImageLayers.Size(images, DataFormat == ImageLayers.ChannelsFirst);
            var dy = Ops.RandomUniform([n], HeightRange.Lower, HeightRange.Upper) * height;
            var dx = Ops.RandomUniform([n], WidthRange.Lower, WidthRange.Upper) * width;
            return Translate(images, dy, dx);
        });
}
