namespace Keras.Layers;

/// <summary>Randomly zeroes a fraction <c>rate</c> of inputs while training, scaling the rest by <c>1/(1-rate)</c>.</summary>
/// <example><code>var layer = new Dropout(0.2);</code></example>
public sealed class Dropout : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="rate">Fraction of units to drop, in [0, 1).</param>
    /// <param name="name">The layer name. Defaults to <c>dropout</c>, ...</param>
    /// <param name="noiseShape">The shape of the binary dropout mask, broadcast over the input; <c>null</c> entries
    /// take the input's size (e.g. <c>[null, 1, null]</c> drops the same features at every timestep). Defaults to the
    /// input's shape.</param>
    public Dropout(double rate, string? name = null, int?[]? noiseShape = null) : base(name)
    {
        if (rate < 0 || rate >= 1 || double.IsNaN(rate))
        {
            throw new ArgumentException(
                $"Invalid value received for argument `rate`. Expected a float value between 0 and 1. Received: rate={rate}",
                nameof(rate));
        }
        Rate = rate;
        NoiseShape = noiseShape;
        SupportsMasking = true;
    }

    /// <summary>The fraction of units dropped while training.</summary>
    public double Rate { get; }

    /// <summary>The dropout mask's shape (<c>null</c> entries follow the input), or <c>null</c> for the input's.</summary>
    public int?[]? NoiseShape { get; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => inputShape;

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["rate"] = Rate;
        config["seed"] = null;
        config["noise_shape"] = NoiseShape is null ? null : new Shape(NoiseShape);
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training)
    {
        if (!training || Rate == 0)
        {
            return inputs;
        }
        return NoiseShape is null ? Ops.Dropout(inputs, Rate) : Ops.Dropout(inputs, Rate, ResolveNoiseShape(inputs));
    }

    private long[] ResolveNoiseShape(Tensor inputs)
    {
        if (NoiseShape!.Length != inputs.dim())
        {
            throw new ArgumentException(
                $"Layer \"{Name}\": noise_shape {new Shape(NoiseShape)} must have the input's rank {inputs.dim()}; " +
                $"received input with shape {new Shape(inputs.shape)}.");
        }
        return NoiseShape.Select((d, i) => d is int size ? size : inputs.shape[i]).ToArray();
    }
}
