namespace Keras.Layers;

/// <summary>Multiplies by 1-centered Gaussian noise while training (<c>keras.layers.GaussianDropout</c>).</summary>
/// <remarks>While training the output is <c>x · N(1, rate / (1 − rate))</c>: the same mean and variance as
/// <see cref="Dropout"/> with that rate, without zeros. Draws come from the global generator
/// (<c>Utils.SetRandomSeed</c>); at inference the layer is the identity. Masks pass through.</remarks>
/// <example><code>var layer = new GaussianDropout(0.2);</code></example>
public sealed class GaussianDropout : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="rate">The equivalent drop probability, in [0, 1); the noise's standard deviation is
    /// <c>sqrt(rate / (1 − rate))</c>.</param>
    /// <param name="name">The layer name. Defaults to <c>gaussian_dropout</c>, ...</param>
    /// <exception cref="ArgumentException"><paramref name="rate"/> is outside [0, 1).</exception>
    public GaussianDropout(double rate, string? name = null) : base(name)
    {
        RegularizationArguments.CheckRate(rate, allowOne: false);
        Rate = rate;
        SupportsMasking = true;
    }

    /// <summary>The equivalent drop probability.</summary>
    public double Rate { get; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => inputShape;

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["rate"] = Rate;
        config["seed"] = null;
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        training && Rate > 0 ? Ops.GaussianDropout(inputs, Rate) : inputs;
}
