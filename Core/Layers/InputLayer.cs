namespace Keras.Layers;

/// <summary>The entry point of a model: declares the per-sample input shape and dtype (<c>keras.layers.InputLayer</c>).</summary>
/// <example><code>
/// var model = new Sequential(new InputLayer([28, 28]), new Flatten(), new Dense(10));
/// </code></example>
public sealed class InputLayer : Layer
{
    /// <summary>Creates an input layer.</summary>
    /// <param name="shape">The per-sample shape, without the batch dimension (<c>[28, 28]</c>).</param>
    /// <param name="batchSize">A fixed batch size, if any. Defaults to unknown.</param>
    /// <param name="dtype">The input dtype. Defaults to <c>"float32"</c>.</param>
    /// <param name="name">The layer name. Defaults to <c>input_layer</c>, <c>input_layer_1</c>, ...</param>
    public InputLayer(Shape shape, int? batchSize = null, string dtype = "float32", string? name = null)
        : this(shape, batchSize, dtype, name, null)
    {
    }

    internal InputLayer(Shape shape, int? batchSize, string dtype, string? name, KerasTensor? output)
        : base(name, trainable: true, dtype)
    {
        if (batchSize is <= 0)
        {
            throw new ArgumentException($"InputLayer expects a positive batch size. Received: batch_size={batchSize}",
                nameof(batchSize));
        }
        Ops.DType(dtype);
        BatchShape = shape.WithBatch(batchSize);
        Build(BatchShape);
        AddInputNode(output ?? new KerasTensor(BatchShape, dtype, Name));
    }

    /// <summary>The full input shape including the batch dimension.</summary>
    public Shape BatchShape { get; }

    /// <summary>Throws Keras' incompatibility error when a batch does not match <see cref="BatchShape"/>.</summary>
    /// <param name="batch">The batch.</param>
    internal void InputSpecCheck(Tensor batch)
    {
        var shape = new Shape(batch.shape);
        bool ok = shape.Rank == BatchShape.Rank &&
                  BatchShape.Zip(shape).All(p => p.First is null || p.First == p.Second);
        if (!ok)
        {
            throw new ArgumentException(
                $"Input 0 of layer \"{Name}\" is incompatible with the layer: expected shape={BatchShape}, " +
                $"found shape={shape}");
        }
    }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => inputShape;

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => new()
    {
        ["batch_shape"] = BatchShape.ToArray(),
        ["dtype"] = DType,
        ["sparse"] = false,
        ["name"] = Name,
    };

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) => inputs;
}
