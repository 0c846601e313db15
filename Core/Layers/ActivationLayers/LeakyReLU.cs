namespace Keras.Layers;

/// <summary>Leaky rectified linear unit: <c>x</c> for <c>x ≥ 0</c>, <c>negativeSlope · x</c> below
/// (<c>keras.layers.LeakyReLU</c>).</summary>
/// <remarks>Keras 2 called the slope <c>alpha</c>; configs with that key load too.</remarks>
/// <example><code>var layer = new LeakyReLU(negativeSlope: 0.1);</code></example>
public sealed class LeakyReLU : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="negativeSlope">The slope below zero, ≥ 0. Defaults to 0.3.</param>
    /// <param name="name">The layer name. Defaults to <c>leaky_re_lu</c>, ...</param>
    /// <exception cref="ArgumentException"><paramref name="negativeSlope"/> is negative.</exception>
    public LeakyReLU(double negativeSlope = 0.3, string? name = null) : base(name)
    {
        if (negativeSlope < 0 || double.IsNaN(negativeSlope))
        {
            throw new ArgumentException(
                "The negative_slope value of a Leaky ReLU layer cannot be None or negative value. Expected a float. " +
                $"Received: negative_slope={negativeSlope}", nameof(negativeSlope));
        }
        NegativeSlope = negativeSlope;
        SupportsMasking = true;
    }

    /// <summary>The slope below zero.</summary>
    public double NegativeSlope { get; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => inputShape;

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["negative_slope"] = NegativeSlope;
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) => Ops.LeakyRelu(inputs, NegativeSlope);
}
