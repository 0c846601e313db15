namespace Keras.Layers;

/// <summary>Flattens each sample to one dimension: <c>(batch, 28, 28)</c> → <c>(batch, 784)</c>.</summary>
/// <example><code>var layer = new Flatten();</code></example>
public sealed class Flatten : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="name">The layer name. Defaults to <c>flatten</c>, ...</param>
    /// <param name="dataFormat"><c>"channels_last"</c> (default) or <c>"channels_first"</c>: with channels first, the
    /// channel axis is moved last before flattening, so the order of the features matches a channels_last model's (as
    /// Keras does, for weights that move between the two formats).</param>
    public Flatten(string? name = null, string dataFormat = "channels_last") : base(name)
    {
        if (dataFormat is not ("channels_last" or "channels_first"))
        {
            throw new ArgumentException(
                "The `data_format` argument must be one of {'channels_first', 'channels_last'}. " +
                $"Received: data_format={dataFormat}", nameof(dataFormat));
        }
        DataFormat = dataFormat;
        InputSpec = new InputSpec(minNdim: 1);
    }

    /// <summary><c>"channels_last"</c> or <c>"channels_first"</c>.</summary>
    public string DataFormat { get; }

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
        config["data_format"] = DataFormat;
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training)
    {
        if (inputs.dim() == 1)
        {
            return inputs.unsqueeze(1);
        }
        if (DataFormat == "channels_first" && inputs.dim() > 2)
        {
            var order = new long[inputs.dim()];
            order[0] = 0;
            for (int i = 2; i < order.Length; i++)
            {
                order[i - 1] = i;
            }
            order[^1] = 1;
            inputs = inputs.permute(order);
        }
        return inputs.reshape(inputs.shape[0], -1);
    }
}
