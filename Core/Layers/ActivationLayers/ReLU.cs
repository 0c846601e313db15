namespace Keras.Layers;

/// <summary>The rectified linear unit with optional saturation, leak and threshold (<c>keras.layers.ReLU</c>).</summary>
/// <remarks>
/// <c>f(x) = maxValue</c> for <c>x ≥ maxValue</c>, <c>x</c> for <c>threshold &lt; x &lt; maxValue</c> and
/// <c>negativeSlope · (x − threshold)</c> otherwise (Keras 3's formula).
/// </remarks>
/// <example><code>
/// var relu6 = new ReLU(maxValue: 6);
/// Tensor y = new ReLU(maxValue: 10, negativeSlope: 0.5).Call(x);   // [-10, -5, 0, 5, 10] → [-5, -2.5, 0, 5, 10]
/// </code></example>
public sealed class ReLU : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="maxValue">The saturation value, ≥ 0; <c>null</c> means unlimited. Defaults to null.</param>
    /// <param name="negativeSlope">The slope below the threshold, ≥ 0. Defaults to 0.</param>
    /// <param name="threshold">The threshold, ≥ 0. Defaults to 0.</param>
    /// <param name="name">The layer name. Defaults to <c>re_lu</c>, <c>re_lu_1</c>, ...</param>
    /// <exception cref="ArgumentException">An argument is negative.</exception>
    public ReLU(double? maxValue = null, double negativeSlope = 0.0, double threshold = 0.0, string? name = null)
        : base(name)
    {
        if (maxValue < 0)
        {
            throw new ArgumentException(
                $"max_value of a ReLU layer cannot be a negative value. Received: max_value={maxValue}",
                nameof(maxValue));
        }
        if (negativeSlope < 0 || double.IsNaN(negativeSlope))
        {
            throw new ArgumentException(
                $"negative_slope of a ReLU layer cannot be a negative value. Received: negative_slope={negativeSlope}",
                nameof(negativeSlope));
        }
        if (threshold < 0 || double.IsNaN(threshold))
        {
            throw new ArgumentException(
                $"threshold of a ReLU layer cannot be a negative value. Received: threshold={threshold}",
                nameof(threshold));
        }
        MaxValue = maxValue;
        NegativeSlope = negativeSlope;
        Threshold = threshold;
        SupportsMasking = true;
    }

    /// <summary>The saturation value, or null.</summary>
    public double? MaxValue { get; }

    /// <summary>The slope below the threshold.</summary>
    public double NegativeSlope { get; }

    /// <summary>The threshold.</summary>
    public double Threshold { get; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => inputShape;

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["max_value"] = MaxValue;
        config["negative_slope"] = NegativeSlope;
        config["threshold"] = Threshold;
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        Ops.Relu(inputs, NegativeSlope, MaxValue, Threshold);
}
