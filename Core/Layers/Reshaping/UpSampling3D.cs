namespace Keras.Layers;

/// <summary>Repeats the three spatial axes of volumes by integer factors (<c>keras.layers.UpSampling3D</c>).</summary>
/// <remarks>Input <c>(batch, dim1, dim2, dim3, channels)</c> (channels_last) or <c>(batch, channels, dim1, dim2,
/// dim3)</c> (channels_first).</remarks>
/// <example><code>
/// var layer = new UpSampling3D(size: (1, 2, 2));
/// Tensor y = layer.Call(x);   // (batch, 4, 4, 4, 3) → (batch, 4, 8, 8, 3)
/// </code></example>
public sealed class UpSampling3D : Layer
{
    private readonly int[] _size;

    /// <summary>Creates the layer with one factor for the three axes.</summary>
    /// <param name="size">The upsampling factor; positive. Defaults to 2.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to
    /// <c>"channels_last"</c>.</param>
    /// <param name="name">The layer name. Defaults to <c>up_sampling3d</c>, <c>up_sampling3d_1</c>, ...</param>
    public UpSampling3D(int size = 2, string dataFormat = "channels_last", string? name = null)
        : this((size, size, size), dataFormat, name)
    {
    }

    /// <summary>Creates the layer with a factor per spatial axis.</summary>
    /// <param name="size">The upsampling factors; positive.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to
    /// <c>"channels_last"</c>.</param>
    /// <param name="name">The layer name. Defaults to <c>up_sampling3d</c>, <c>up_sampling3d_1</c>, ...</param>
    public UpSampling3D((int Dim1, int Dim2, int Dim3) size, string dataFormat = "channels_last", string? name = null)
        : base(name)
    {
        _size = SpatialArguments.Tuple([size.Dim1, size.Dim2, size.Dim3], 3, "size");
        DataFormat = SpatialArguments.DataFormat(dataFormat);
        InputSpec = new InputSpec(ndim: 5);
    }

    /// <summary>The factors per spatial axis.</summary>
    public IReadOnlyList<int> Size => _size;

    /// <summary><c>"channels_last"</c> or <c>"channels_first"</c>.</summary>
    public string DataFormat { get; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape)
    {
        int first = SpatialArguments.FirstSpatialAxis(DataFormat);
        for (int i = 0; i < 3; i++)
        {
            inputShape = inputShape.With(first + i, inputShape[first + i] * _size[i]);
        }
        return inputShape;
    }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["size"] = _size.ToArray();
        config["data_format"] = DataFormat;
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training)
    {
        int first = SpatialArguments.FirstSpatialAxis(DataFormat);
        for (int i = 0; i < 3; i++)
        {
            inputs = inputs.repeat_interleave(_size[i], first + i);
        }
        return inputs;
    }
}
