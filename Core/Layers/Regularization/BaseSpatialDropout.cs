namespace Keras.Layers;

/// <summary>The common part of <see cref="SpatialDropout1D"/>, <see cref="SpatialDropout2D"/> and
/// <see cref="SpatialDropout3D"/>: dropout that drops whole feature maps (Keras' <c>BaseSpatialDropout</c>).</summary>
/// <remarks>While training, each (sample, channel) pair is dropped with probability <c>rate</c> and the kept maps are
/// scaled by <c>1/(1 − rate)</c>, so the expected value is unchanged; at inference the layer is the identity. Draws
/// come from the global generator (<c>Utils.SetRandomSeed</c>). Masks pass through.</remarks>
/// <example><code>
/// var model = new Sequential(new Input([32, 32, 3]), new Conv2D(16, 3), new SpatialDropout2D(0.2));
/// </code></example>
public abstract class BaseSpatialDropout : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="rate">The fraction of feature maps to drop, in [0, 1].</param>
    /// <param name="rank">The input rank the layer accepts.</param>
    /// <param name="name">The layer name.</param>
    /// <exception cref="ArgumentException"><paramref name="rate"/> is outside [0, 1].</exception>
    private protected BaseSpatialDropout(double rate, int rank, string? name) : base(name)
    {
        RegularizationArguments.CheckRate(rate);
        Rate = rate;
        SupportsMasking = true;
        InputSpec = new InputSpec(ndim: rank);
    }

    /// <summary>The fraction of feature maps dropped while training.</summary>
    public double Rate { get; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => inputShape;

    /// <inheritdoc />
    /// <remarks>As Keras' spatial dropouts, the config has no <c>trainable</c> key.</remarks>
    public override Dictionary<string, object?> GetConfig() => new()
    {
        ["rate"] = Rate,
        ["seed"] = null,
        ["name"] = Name,
        ["dtype"] = DType,
    };

    /// <summary>Whether the channels are on axis 1 (<c>channels_first</c>) rather than last.</summary>
    private protected virtual bool ChannelsFirst => false;

    /// <summary>The shape of the dropout mask for an input: the batch and channel sizes, 1 on the spatial axes.</summary>
    /// <param name="inputShape">The input's shape.</param>
    /// <returns>The mask shape.</returns>
    private long[] NoiseShape(long[] inputShape)
    {
        int channelAxis = ChannelsFirst ? 1 : inputShape.Length - 1;
        var shape = new long[inputShape.Length];
        for (int i = 0; i < shape.Length; i++)
        {
            shape[i] = i == 0 || i == channelAxis ? inputShape[i] : 1;
        }
        return shape;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        training && Rate > 0 ? Ops.Dropout(inputs, Rate, NoiseShape(inputs.shape)) : inputs;
}
