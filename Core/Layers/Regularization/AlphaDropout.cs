namespace Keras.Layers;

/// <summary>Dropout that keeps the mean and variance of standardized inputs, for self-normalizing (SELU) networks
/// (<c>keras.layers.AlphaDropout</c>).</summary>
/// <remarks>While training, each entry is kept with probability <c>1 − rate</c> or replaced by SELU's negative
/// saturation value <c>α' = −λα ≈ −1.7581</c>, then the result is mapped to <c>a·x + b</c> with
/// <c>a = ((1 − rate)(1 + rate·α'²))^−½</c> and <c>b = −a·α'·rate</c>, so inputs of zero mean and unit variance keep
/// them. Draws come from the global generator (<c>Utils.SetRandomSeed</c>); at inference the layer is the identity.
/// Masks pass through.</remarks>
/// <example><code>
/// var model = new Sequential(new Input([64]), new Dense(64, activation: "selu", kernelInitializer: "lecun_normal"),
///     new AlphaDropout(0.1));
/// </code></example>
public sealed class AlphaDropout : Layer
{
    private readonly int?[]? _noiseShape;

    /// <summary>Creates the layer.</summary>
    /// <param name="rate">The drop probability, in [0, 1).</param>
    /// <param name="noiseShape">The shape of the keep mask, broadcast over the input; <c>null</c> entries take the
    /// input's dimension (e.g. <c>[null, 1, null]</c> shares the mask across steps). Defaults to the input's
    /// shape.</param>
    /// <param name="name">The layer name. Defaults to <c>alpha_dropout</c>, ...</param>
    /// <exception cref="ArgumentException"><paramref name="rate"/> is outside [0, 1), or a
    /// <paramref name="noiseShape"/> entry is not positive.</exception>
    public AlphaDropout(double rate, int?[]? noiseShape = null, string? name = null) : base(name)
    {
        RegularizationArguments.CheckRate(rate, allowOne: false);
        if (noiseShape is not null)
        {
            for (int i = 0; i < noiseShape.Length; i++)
            {
                if (noiseShape[i] is <= 0)
                {
                    throw new ArgumentException(
                        "Invalid value received for argument `noise_shape`. Expected all dimensions to be positive " +
                        $"integers or None. Received value {noiseShape[i]} at index {i}.", nameof(noiseShape));
                }
            }
        }
        Rate = rate;
        _noiseShape = noiseShape is null ? null : [.. noiseShape];
        SupportsMasking = true;
    }

    /// <summary>The drop probability.</summary>
    public double Rate { get; }

    /// <summary>The keep mask's shape (null entries follow the input), or null for the input's shape.</summary>
    public IReadOnlyList<int?>? NoiseShape => _noiseShape;

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => inputShape;

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["rate"] = Rate;
        config["seed"] = null;
        config["noise_shape"] = _noiseShape?.ToArray();
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        training && Rate > 0 ? Ops.AlphaDropout(inputs, Rate, ConcreteNoiseShape(inputs.shape)) : inputs;

    private long[] ConcreteNoiseShape(long[] inputShape)
    {
        if (_noiseShape is null)
        {
            return inputShape;
        }
        if (_noiseShape.Length != inputShape.Length)
        {
            throw new ArgumentException(
                $"The noise_shape of layer \"{Name}\" has {_noiseShape.Length} dimensions, but its input has " +
                $"{inputShape.Length}: noise_shape={Shape.Create(_noiseShape)}, input shape {new Shape(inputShape)}.");
        }
        var shape = new long[inputShape.Length];
        for (int i = 0; i < shape.Length; i++)
        {
            shape[i] = _noiseShape[i] ?? inputShape[i];
        }
        return shape;
    }
}
