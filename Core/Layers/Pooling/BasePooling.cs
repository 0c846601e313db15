namespace Keras.Layers;

/// <summary>The base of the max and average pooling layers (Keras' <c>BasePooling</c>): a window slides over the
/// spatial axes with a stride and each position keeps the window's max or mean.</summary>
/// <remarks>"same" padding follows TensorFlow: each spatial axis gives <c>ceil(size / stride)</c> steps and an odd
/// amount of padding puts the extra cell at the end; padding never wins a max and is never counted in a mean.</remarks>
/// <example><code>
/// var pool = new MaxPooling2D(poolSize: 2);
/// Tensor y = pool.Call(images);   // (batch, 28, 28, 8) → (batch, 14, 14, 8)
/// </code></example>
public abstract class BasePooling : Layer
{
    private readonly int[] _poolSize;
    private readonly int[] _strides;
    private readonly bool _max;

    /// <summary>Creates the layer.</summary>
    /// <param name="poolDimensions">The number of spatial axes (1, 2 or 3).</param>
    /// <param name="poolMode"><c>"max"</c> or <c>"average"</c>.</param>
    /// <param name="poolSize">The window size per spatial axis; positive.</param>
    /// <param name="strides">The step per spatial axis; positive. <c>null</c> means <paramref
    /// name="poolSize"/>.</param>
    /// <param name="padding"><c>"valid"</c> or <c>"same"</c>.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>.</param>
    /// <param name="name">The layer name.</param>
    protected BasePooling(int poolDimensions, string poolMode, IReadOnlyList<int> poolSize, IReadOnlyList<int>? strides,
        string padding, string dataFormat, string? name)
        : base(name)
    {
        _max = poolMode switch
        {
            "max" => true,
            "average" => false,
            _ => throw new ArgumentException(
                $"`pool_mode` must be either 'max' or 'average'. Received: {poolMode}.", nameof(poolMode)),
        };
        _poolSize = SpatialArguments.Tuple(poolSize, poolDimensions, "pool_size");
        _strides = SpatialArguments.Tuple(strides ?? poolSize, poolDimensions, "strides");
        Padding = SpatialArguments.Padding(padding);
        DataFormat = SpatialArguments.DataFormat(dataFormat);
        InputSpec = new InputSpec(ndim: poolDimensions + 2);
    }

    /// <summary>The window size per spatial axis.</summary>
    public IReadOnlyList<int> PoolSize => _poolSize;

    /// <summary>The step per spatial axis.</summary>
    public IReadOnlyList<int> Strides => _strides;

    /// <summary><c>"valid"</c> or <c>"same"</c>.</summary>
    public string Padding { get; }

    /// <summary><c>"channels_last"</c> or <c>"channels_first"</c>.</summary>
    public string DataFormat { get; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape)
    {
        var dims = inputShape.ToArray();
        int first = SpatialArguments.FirstSpatialAxis(DataFormat);
        for (int i = 0; i < _poolSize.Length; i++)
        {
            if (dims[first + i] is not int size)
            {
                continue;
            }
            if (Padding == "same")
            {
                dims[first + i] = (size + _strides[i] - 1) / _strides[i];
            }
            else if (size < _poolSize[i])
            {
                throw new ArgumentException(
                    $"Layer \"{Name}\": computed output size would be negative. Received: inputs.shape={inputShape} " +
                    $"and pool_size={SpatialArguments.Format(_poolSize)}.");
            }
            else
            {
                dims[first + i] = (size - _poolSize[i]) / _strides[i] + 1;
            }
        }
        return new Shape(dims);
    }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["pool_size"] = _poolSize.ToArray();
        config["padding"] = Padding;
        config["strides"] = _strides.ToArray();
        config["data_format"] = DataFormat;
        return config;
    }

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape) => ComputeOutputShape(inputShape);

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training)
    {
        ComputeOutputShape(new Shape(inputs.shape));
        return _max
            ? Ops.MaxPool(inputs, _poolSize, _strides, Padding, DataFormat)
            : Ops.AveragePool(inputs, _poolSize, _strides, Padding, DataFormat);
    }
}
