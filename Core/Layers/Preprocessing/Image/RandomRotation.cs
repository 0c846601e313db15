namespace Keras.Layers;

/// <summary>Randomly rotates images about their center while training (<c>keras.layers.RandomRotation</c>); the
/// identity at inference.</summary>
/// <remarks>Each image turns by an angle drawn uniformly from <c>[lower·360°, upper·360°]</c> (positive is
/// counter-clockwise), sampled with Keras 3's <c>affine_transform</c> semantics (see
/// <see cref="Ops.ImageAffineTransform"/>). Draws come from the global generator (<c>Utils.SetRandomSeed</c>);
/// <c>seed</c> is kept for the config. The output is float32.</remarks>
/// <example><code>
/// var rotate = new RandomRotation(0.1);                       // ±36°
/// var rotateConstant = new RandomRotation((-0.05, 0.2), fillMode: "constant", fillValue: 0.5);
/// </code></example>
public sealed class RandomRotation : Layer
{
    /// <inheritdoc />
    protected override bool TrainingByDefault => true;

    /// <summary>Creates the layer.</summary>
    /// <param name="factor">A fraction of a full turn: <c>f</c> gives <c>[-f, f]</c>, a pair <c>(lower, upper)</c>
    /// its range; numbers in [-1, 1].</param>
    /// <param name="fillMode"><c>"reflect"</c>, <c>"wrap"</c>, <c>"constant"</c> or <c>"nearest"</c>. Defaults to
    /// reflect.</param>
    /// <param name="interpolation"><c>"bilinear"</c> or <c>"nearest"</c>. Defaults to bilinear.</param>
    /// <param name="seed">Kept in the config; draws follow the global seed.</param>
    /// <param name="fillValue">The value outside the image for <c>"constant"</c>. Defaults to 0.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to channels_last.</param>
    /// <param name="name">The layer name. Defaults to <c>random_rotation</c>, ...</param>
    public RandomRotation(FactorRange factor, string fillMode = "reflect", string interpolation = "bilinear",
        int? seed = null, double fillValue = 0.0, string? dataFormat = null, string? name = null)
        : base(name)
    {
        Factor = ImageLayers.BaseFactor(factor, -1, 1);
        ImageLayers.CheckAffineArguments(fillMode, interpolation);
        FillMode = fillMode;
        Interpolation = interpolation;
        Seed = seed;
        FillValue = fillValue;
        DataFormat = ImageLayers.DataFormat(dataFormat);
    }

    /// <summary>The range of the rotation, in fractions of a full turn.</summary>
    public (double Lower, double Upper) Factor { get; }

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
        config["factor"] = new[] { Factor.Lower, Factor.Upper };
        config["data_format"] = DataFormat;
        config["fill_mode"] = FillMode;
        config["fill_value"] = FillValue;
        config["interpolation"] = Interpolation;
        config["seed"] = Seed;
        return config;
    }

    /// <summary>Rotates each image counter-clockwise by its angle in degrees (Keras' <c>_compute_affine_matrix</c>
    /// about the center <c>((W-1)/2, (H-1)/2)</c>).</summary>
    /// <param name="images">A float batch in the layer's data format.</param>
    /// <param name="degrees">One angle per image.</param>
    internal Tensor Rotate(Tensor images, Tensor degrees)
    {
        bool channelsFirst = DataFormat == ImageLayers.ChannelsFirst;
        var (height, width) = ImageLayers.Size(images, channelsFirst);
        var radians = degrees.to(images.device).to_type(torch.ScalarType.Float32) * (Math.PI / 180.0);
        var cos = radians.cos();
        var sin = radians.sin();
        double cx = 0.5 * (width - 1);
        double cy = 0.5 * (height - 1);
        var zeros = cos * 0;
        var transforms = Ops.Stack(
        [
            cos, -sin, cx - cx * cos + cy * sin,
            sin, cos, cy - cx * sin - cy * cos,
            zeros, zeros,
        ], axis: 1);
        return ImageLayers.AffineTransform(images, transforms, Interpolation, FillMode, FillValue, channelsFirst);
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        ImageLayers.PerBatch(ImageLayers.Float(inputs), images => training
            ? Rotate(images, Ops.RandomUniform([images.shape[0]], Factor.Lower * 360.0, Factor.Upper * 360.0))
            : images);
}
