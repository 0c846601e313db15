namespace Keras.Layers;

/// <summary>Applies an activation function (<c>keras.layers.Activation</c>).</summary>
/// <example><code>var layer = new Activation("softmax");</code></example>
public sealed class Activation : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="activation">The activation, by name or object.</param>
    /// <param name="name">The layer name. Defaults to <c>activation</c>, ...</param>
    public Activation(ActivationFunction activation, string? name = null) : base(name)
    {
        Function = activation ?? throw new ArgumentNullException(nameof(activation));
        SupportsMasking = true;
    }

    /// <summary>The activation applied.</summary>
    public ActivationFunction Function { get; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => inputShape;

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["activation"] = Function.Name;
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) => Function.Apply(inputs);
}
