namespace Keras.Applications;

/// <summary>Keras' ConvNeXt <c>StochasticDepth</c>: while training, drops the whole residual branch of a sample with
/// probability <see cref="DropPathRate"/> and scales kept samples by <c>1 / (1 - rate)</c>; the identity at
/// inference.</summary>
/// <remarks>Serialized as Keras' <c>StochasticDepth</c> with <c>drop_path_rate</c>. Keras' ConvNeXt models use a
/// rate of 0, i.e. a linear <see cref="Layers.Activation"/> instead of this layer.</remarks>
/// <example><code>
/// KerasTensor y = new StochasticDepth(0.1, name: "stage_0_block_0_stochastic_depth").Call(x);
/// </code></example>
public sealed class StochasticDepth : Layer
{
    static StochasticDepth() => ConvNeXtLayers.Register();

    /// <summary>Creates the layer.</summary>
    /// <param name="dropPathRate">The probability of dropping a sample's branch, in [0, 1).</param>
    /// <param name="name">The layer name. Defaults to <c>stochastic_depth</c>, ...</param>
    /// <exception cref="ArgumentException">The rate is outside [0, 1).</exception>
    public StochasticDepth(double dropPathRate, string? name = null) : base(name)
    {
        if (dropPathRate is < 0 or >= 1 || double.IsNaN(dropPathRate))
        {
            throw new ArgumentException("Argument `drop_path_rate` must be in [0, 1); Received: " +
                $"drop_path_rate={dropPathRate}", nameof(dropPathRate));
        }
        DropPathRate = dropPathRate;
    }

    /// <summary>The probability of dropping a sample's residual branch while training.</summary>
    public double DropPathRate { get; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => inputShape;

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["drop_path_rate"] = DropPathRate;
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training)
    {
        if (!training || DropPathRate == 0)
        {
            return inputs;
        }
        double keep = 1 - DropPathRate;
        long[] shape = [inputs.shape[0], .. Enumerable.Repeat(1L, (int)inputs.dim() - 1)];
        using var scope = torch.NewDisposeScope();
        // Keras: floor(keep + U[0, 1)) is 1 with probability keep, one draw per sample.
        Tensor mask = (Ops.RandomUniform(shape, 0, 1) + keep).floor_();
        return (inputs / keep * mask).MoveToOuterDisposeScope();
    }
}
