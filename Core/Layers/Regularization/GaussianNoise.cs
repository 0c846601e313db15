namespace Keras.Layers;

/// <summary>Adds zero-centered Gaussian noise while training (<c>keras.layers.GaussianNoise</c>).</summary>
/// <remarks>While training the output is <c>x + N(0, stddev²)</c>, drawn from the global generator
/// (<c>Utils.SetRandomSeed</c>); at inference the layer is the identity. A form of random data augmentation for
/// real-valued inputs. Masks pass through.</remarks>
/// <example><code>var model = new Sequential(new Input([20]), new GaussianNoise(0.1), new Dense(1));</code></example>
public sealed class GaussianNoise : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="stddev">The noise's standard deviation, in [0, 1] (Keras' range).</param>
    /// <param name="name">The layer name. Defaults to <c>gaussian_noise</c>, ...</param>
    /// <exception cref="ArgumentException"><paramref name="stddev"/> is outside [0, 1].</exception>
    public GaussianNoise(double stddev, string? name = null) : base(name)
    {
        RegularizationArguments.CheckRate(stddev, argument: "stddev");
        Stddev = stddev;
        SupportsMasking = true;
    }

    /// <summary>The noise's standard deviation.</summary>
    public double Stddev { get; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => inputShape;

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["stddev"] = Stddev;
        config["seed"] = null;
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        training && Stddev > 0 ? Ops.GaussianNoise(inputs, Stddev) : inputs;
}
