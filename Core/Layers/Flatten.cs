namespace Keras.Layers;

/// <summary>Flattens each sample to one dimension: <c>(batch, 28, 28)</c> → <c>(batch, 784)</c>.</summary>
/// <example><code>var layer = new Flatten();</code></example>
public sealed class Flatten : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="name">The layer name. Defaults to <c>flatten</c>, ...</param>
    public Flatten(string? name = null) : base(name)
    {
        InputSpec = new InputSpec(minNdim: 1);
    }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape)
    {
        var rest = inputShape.WithoutBatch();
        int? flat = rest.IsFullyDefined ? checked((int)(rest.NumElements ?? 1)) : null;
        return new Shape(inputShape[0], flat);
    }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["data_format"] = "channels_last";
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        inputs.dim() == 1 ? inputs.unsqueeze(1) : inputs.reshape(inputs.shape[0], -1);
}
