namespace Keras.Layers;

/// <summary>Randomly zeroes a fraction <c>rate</c> of inputs while training, scaling the rest by <c>1/(1-rate)</c>.</summary>
/// <example><code>var layer = new Dropout(0.2);</code></example>
public sealed class Dropout : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="rate">Fraction of units to drop, in [0, 1).</param>
    /// <param name="name">The layer name. Defaults to <c>dropout</c>, ...</param>
    public Dropout(double rate, string? name = null) : base(name)
    {
        if (rate < 0 || rate >= 1 || double.IsNaN(rate))
        {
            throw new ArgumentException(
                $"Invalid value received for argument `rate`. Expected a float value between 0 and 1. Received: rate={rate}",
                nameof(rate));
        }
        Rate = rate;
    }

    /// <summary>The fraction of units dropped while training.</summary>
    public double Rate { get; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => inputShape;

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["rate"] = Rate;
        config["seed"] = null;
        config["noise_shape"] = null;
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        training && Rate > 0 ? Ops.Dropout(inputs, Rate) : inputs;
}
