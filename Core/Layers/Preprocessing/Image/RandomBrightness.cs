namespace Keras.Layers;

/// <summary>Randomly brightens or darkens images while training (<c>keras.layers.RandomBrightness</c>); the identity
/// at inference.</summary>
/// <remarks>Each image draws <c>d</c> from the factor's range and every value becomes
/// <c>x + d · (high - low)</c>, clipped to <c>valueRange</c> (so -1 gives black and 1 white). Draws come from the
/// global generator (<c>Utils.SetRandomSeed</c>).</remarks>
/// <example><code>var brightness = new RandomBrightness(0.2, valueRange: (0, 1));   // ±0.2 on [0, 1] images</code></example>
public sealed class RandomBrightness : Layer
{
    /// <inheritdoc />
    protected override bool TrainingByDefault => true;

    /// <summary>Creates the layer.</summary>
    /// <param name="factor">The brightness range: numbers in [-1, 1]; <c>f</c> gives <c>[-f, f]</c>, a pair its
    /// range.</param>
    /// <param name="valueRange">The range of input values (sorted); the shift scales to it and outputs are clipped to
    /// it. Defaults to <c>(0, 255)</c>.</param>
    /// <param name="seed">Kept in the config; draws follow the global seed.</param>
    /// <param name="name">The layer name. Defaults to <c>random_brightness</c>, ...</param>
    public RandomBrightness(FactorRange factor, (double Low, double High)? valueRange = null, int? seed = null,
        string? name = null)
        : base(name)
    {
        Factor = ImageLayers.BaseFactor(factor, -1, 1);
        var (low, high) = ImageLayers.ValueRange(valueRange ?? (0, 255));
        ValueRange = (Math.Min(low, high), Math.Max(low, high));
        Seed = seed;
    }

    /// <summary>The range of the shift, in fractions of the value range.</summary>
    public (double Lower, double Upper) Factor { get; }

    /// <summary>The (sorted) range of values; outputs are clipped to it.</summary>
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

    /// <summary>Shifts each image by its delta (a fraction of the value range), then clips.</summary>
    /// <param name="images">A float batch.</param>
    /// <param name="delta">One shift per image, in fractions of the value range.</param>
    internal Tensor AdjustBrightness(Tensor images, Tensor delta)
    {
        var shift = ImageLayers.PerImage(delta, images).view(-1, 1, 1, 1)
                    * (ValueRange.High - ValueRange.Low);
        return Ops.Clip(images + shift, ValueRange.Low, ValueRange.High);
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) => !training
        ? inputs
        : ImageLayers.PerBatch(ImageLayers.Float(inputs), images =>
            AdjustBrightness(images, Ops.RandomUniform([images.shape[0]], Factor.Lower, Factor.Upper)));
}
