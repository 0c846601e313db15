namespace Keras.Layers;

/// <summary>Softmax over one or several axes, with optional masking (<c>keras.layers.Softmax</c>).</summary>
/// <remarks>With a mask (passed to <see cref="Layer.Call(Tensor, bool?, Tensor?)"/> or attached to the input by the
/// previous layer), masked positions get a large negative number (−1e9; −3e4 in float16) added before the softmax, so
/// their probability is zero, as in Keras 3. The mask must broadcast against the input (NumPy rules).</remarks>
/// <example><code>
/// var attention = new Softmax(axis: -1).Call(scores, mask: keyMask);
/// </code></example>
public sealed class Softmax : Layer
{
    private readonly bool _axisIsList;

    /// <summary>Creates the layer normalizing over one axis.</summary>
    /// <param name="axis">The axis. Defaults to -1.</param>
    /// <param name="name">The layer name. Defaults to <c>softmax</c>, ...</param>
    public Softmax(int axis = -1, string? name = null) : base(name)
    {
        Axis = [axis];
        SupportsMasking = true;
    }

    /// <summary>Creates the layer normalizing over several axes together.</summary>
    /// <param name="axis">The axes (at least one).</param>
    /// <param name="name">The layer name. Defaults to <c>softmax</c>, ...</param>
    /// <exception cref="ArgumentException"><paramref name="axis"/> is empty.</exception>
    public Softmax(int[] axis, string? name = null) : base(name)
    {
        ArgumentNullException.ThrowIfNull(axis);
        if (axis.Length == 0)
        {
            throw new ArgumentException("`axis` of a Softmax layer must name at least one axis. Received: axis=[]",
                nameof(axis));
        }
        Axis = axis.ToArray();
        _axisIsList = true;
        SupportsMasking = true;
    }

    /// <summary>The normalized axes.</summary>
    public IReadOnlyList<int> Axis { get; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => inputShape;

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["axis"] = _axisIsList ? Axis.ToArray() : Axis[0];
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) => CallCore(inputs, null, training);

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, Tensor? mask, bool training)
    {
        foreach (int axis in Axis)
        {
            if (axis < -inputs.dim() || axis >= inputs.dim())
            {
                throw new ArgumentException(
                    $"Layer \"{Name}\" normalizes axis {axis}, which is out of range for its input of shape " +
                    $"{new Shape(inputs.shape)}.", nameof(inputs));
            }
        }
        if (mask is not null)
        {
            if (!Broadcasts(mask.shape, inputs.shape))
            {
                throw new ArgumentException(
                    $"The mask given to layer \"{Name}\" has shape {new Shape(mask.shape)}, which does not broadcast " +
                    $"against its input of shape {new Shape(inputs.shape)}.", nameof(mask));
            }
            double largeNegative = inputs.dtype == torch.ScalarType.Float16 ? -3e4 : -1e9;
            inputs = inputs + (1.0 - mask.to_type(inputs.dtype)) * largeNegative;
        }
        return Ops.Softmax(inputs, Axis.Select(a => (long)a).ToArray());
    }

    private static bool Broadcasts(long[] mask, long[] input)
    {
        if (mask.Length > input.Length)
        {
            return false;
        }
        for (int i = 1; i <= mask.Length; i++)
        {
            long m = mask[^i];
            if (m != 1 && m != input[^i])
            {
                return false;
            }
        }
        return true;
    }
}
