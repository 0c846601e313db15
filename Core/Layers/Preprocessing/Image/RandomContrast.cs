namespace Keras.Layers;

/// <summary>Randomly adjusts the contrast of images while training (<c>keras.layers.RandomContrast</c>); the identity
/// at inference.</summary>
/// <remarks>Each image draws a contrast <c>c</c> from <c>[1 - lower, 1 + upper]</c>, and every channel becomes
/// <c>(x - mean) · c + mean</c> (the channel's mean over the image), clipped to <c>valueRange</c>. As in Keras 3, a
/// single number <c>f</c> gives the range <c>[0, f]</c> (contrast in <c>[1, 1 + f]</c>); pass <c>(f, f)</c> for
/// <c>[1 - f, 1 + f]</c>. Inputs are channels_last. Draws come from the global generator
/// (<c>Utils.SetRandomSeed</c>).</remarks>
/// <example><code>var contrast = new RandomContrast((0.2, 0.2), valueRange: (0, 1));   // contrast in [0.8, 1.2]</code></example>
public sealed class RandomContrast : Layer
{
    /// <inheritdoc />
    protected override bool TrainingByDefault => true;

    /// <summary>Creates the layer.</summary>
    /// <param name="factor">The contrast range: numbers in [0, 1]; <c>f</c> gives <c>[0, f]</c>, a pair
    /// <c>(lower, upper)</c> gives contrasts in <c>[1 - lower, 1 + upper]</c>.</param>
    /// <param name="valueRange">The range of input values; outputs are clipped to it. Defaults to <c>(0, 255)</c>.</param>
    /// <param name="seed">Kept in the config; draws follow the global seed.</param>
    /// <param name="name">The layer name. Defaults to <c>random_contrast</c>, ...</param>
    public RandomContrast(FactorRange factor, (double Low, double High)? valueRange = null, int? seed = null,
        string? name = null)
        : base(name)
    {
        Factor = ImageLayers.BaseFactor(factor, 0, 1);
        ValueRange = ImageLayers.ValueRange(valueRange ?? (0, 255));
        Seed = seed;
    }

    /// <summary>The contrast range: contrasts are drawn from <c>[1 - Lower, 1 + Upper]</c>.</summary>
    public (double Lower, double Upper) Factor { get; }

    /// <summary>The range of values; outputs are clipped to it.</summary>
    public (double Low, double High) ValueRange { get; }

    /// <summary>The seed written to the config.</summary>
    public int? Seed { get; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => inputShape;

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["factor"] = new[] { Factor.Lower, Factor.Upper };
        config["value_range"] = new[] { ValueRange.Low, ValueRange.High };
        config["seed"] = Seed;
        return config;
    }

    /// <summary>Applies one contrast per image (Keras' <c>_adjust_contrast</c>, then the clip).</summary>
    /// <param name="images">A float batch <c>(N, H, W, C)</c>.</param>
    /// <param name="contrast">One contrast per image.</param>
    internal Tensor AdjustContrast(Tensor images, Tensor contrast)
    {
        var c = ImageLayers.PerImage(contrast, images).view(-1, 1, 1, 1);
        var mean = images.mean([1], keepdim: true).mean([2], keepdim: true);
        return Ops.Clip((images - mean) * c + mean, ValueRange.Low, ValueRange.High);
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) => !training
        ? inputs
        : ImageLayers.PerBatch(ImageLayers.Float(inputs), images =>
            AdjustContrast(images, Ops.RandomUniform([images.shape[0]], 1.0 - Factor.Lower, 1.0 + Factor.Upper)));
}
