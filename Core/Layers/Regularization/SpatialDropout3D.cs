namespace Keras.Layers;

/// <summary>Dropout of whole 3-D feature maps: drops channels of each sample across every spatial position
/// (<c>keras.layers.SpatialDropout3D</c>).</summary>
/// <remarks>See <see cref="BaseSpatialDropout"/>. Inputs are <c>(batch, dim1, dim2, dim3, channels)</c> for
/// <c>channels_last</c> and <c>(batch, channels, dim1, dim2, dim3)</c> for <c>channels_first</c>.</remarks>
/// <example><code>var layer = new SpatialDropout3D(0.2, dataFormat: "channels_first");</code></example>
public sealed class SpatialDropout3D : BaseSpatialDropout
{
    /// <summary>Creates the layer.</summary>
    /// <param name="rate">The fraction of channels to drop, in [0, 1].</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to
    /// <c>"channels_last"</c>.</param>
    /// <param name="name">The layer name. Defaults to <c>spatial_dropout3d</c>, ...</param>
    /// <exception cref="ArgumentException"><paramref name="rate"/> is outside [0, 1], or
    /// <paramref name="dataFormat"/> is unknown.</exception>
    public SpatialDropout3D(double rate, string? dataFormat = null, string? name = null) : base(rate, 5, name)
    {
        DataFormat = RegularizationArguments.DataFormat(dataFormat);
    }

    /// <summary>Where the channels are: <c>"channels_last"</c> or <c>"channels_first"</c>.</summary>
    public string DataFormat { get; }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["data_format"] = DataFormat;
        return config;
    }

    /// <inheritdoc />
    private protected override bool ChannelsFirst => DataFormat == "channels_first";
}
