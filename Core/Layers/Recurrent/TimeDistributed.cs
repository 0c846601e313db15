namespace Keras.Layers;

/// <summary>Applies a layer to every timestep of <c>(batch, time, ...)</c> inputs (<c>keras.layers.TimeDistributed</c>).</summary>
/// <remarks>The timesteps are folded into the batch, so the wrapped layer runs once on <c>(batch·time, ...)</c> with the
/// same weights for every timestep; its weights are this layer's. A <c>(batch, time, ...)</c> mask is folded the same
/// way for the wrapped layer and passed on unchanged to the output. Layers whose result depends on the whole batch
/// (BatchNormalization while training) therefore see every timestep's samples together.</remarks>
/// <example><code>
/// var layer = new TimeDistributed(new Dense(8));
/// Tensor y = layer.Call(x);   // x: (32, 10, 16) → y: (32, 10, 8)
/// </code></example>
public sealed class TimeDistributed : Layer
{
    /// <summary>Creates the wrapper.</summary>
    /// <param name="layer">The layer applied to each timestep (tracked by this layer).</param>
    /// <param name="name">The layer name. Defaults to <c>time_distributed</c>, ...</param>
    /// <param name="trainable">Whether the weights train. Defaults to true.</param>
    public TimeDistributed(Layer layer, string? name = null, bool trainable = true)
        : base(name, trainable)
    {
        ArgumentNullException.ThrowIfNull(layer);
        Layer = TrackLayer(layer);
        SupportsMasking = true;
        if (!trainable)
        {
            Trainable = false;
        }
    }

    /// <summary>The layer applied to each timestep.</summary>
    public Layer Layer { get; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape)
    {
        var child = Layer.ComputeOutputShape(ChildShape(inputShape));
        return new Shape([child[0], inputShape[1], .. child.WithoutBatch()]);
    }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["layer"] = Layer;
        return config;
    }

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape)
    {
        var child = ChildShape(inputShape);
        if (!Layer.Built)
        {
            Layer.Build(child);
        }
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) => CallCore(inputs, null, training);

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, Tensor? mask, bool training)
    {
        long batch = inputs.shape[0];
        long steps = inputs.shape[1];
        if (mask is not null && (mask.dim() < 2 || mask.shape[0] != batch || mask.shape[1] != steps))
        {
            throw new ArgumentException(
                $"`TimeDistributed` Layer should be passed a `mask` of shape ({batch}, {steps}, ...), received: " +
                $"mask.shape={new Shape(mask.shape)}");
        }
        using var folded = inputs.reshape([batch * steps, .. inputs.shape[2..]]);
        using var foldedMask = mask?.reshape([batch * steps, .. mask.shape[2..]]);
        var output = Layer.Call(folded, training, foldedMask);
        return output.reshape([batch, steps, .. output.shape[1..]]);
    }

    private static Shape ChildShape(Shape inputShape) => inputShape.Rank >= 3
        ? new Shape([inputShape[0], .. inputShape.WithoutBatch().WithoutBatch()])
        : throw new ArgumentException(
            "`TimeDistributed` Layer should be passed an `input_shape` with at least 3 dimensions, received: " +
            inputShape);

    /// <summary>Keras 3 stores the wrapped layer under the attribute <c>layer</c>.</summary>
    internal override IEnumerable<Saving.KerasV3.SaveableChild> SaveableChildren => [new("layer", Layer)];
}
