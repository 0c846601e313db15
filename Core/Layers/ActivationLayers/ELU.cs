namespace Keras.Layers;

/// <summary>Exponential linear unit: <c>x</c> for <c>x &gt; 0</c>, <c>alpha · (exp(x) − 1)</c> otherwise
/// (<c>keras.layers.ELU</c>).</summary>
/// <example><code>var layer = new ELU(alpha: 0.5);</code></example>
public sealed class ELU : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="alpha">The scale of the negative section. Defaults to 1.</param>
    /// <param name="name">The layer name. Defaults to <c>elu</c>, ...</param>
    public ELU(double alpha = 1.0, string? name = null) : base(name)
    {
        Alpha = alpha;
        SupportsMasking = true;
    }

    /// <summary>The scale of the negative section.</summary>
    public double Alpha { get; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => inputShape;

    /// <inheritdoc />
    /// <remarks>Keras 3 writes <c>alpha</c> only when it was passed to the constructor; Keras.Net always writes it.</remarks>
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["alpha"] = Alpha;
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) => Ops.Elu(inputs, Alpha);
}
