namespace Keras;

/// <summary>Keras' built-in activations (<c>keras.activations</c>), available as members and by name.</summary>
/// <example><code>
/// ActivationFunction relu = Activations.Get("relu");
/// Tensor y = Activations.Softmax.Apply(logits);
/// </code></example>
public static class Activations
{
    /// <summary>Identity (<c>"linear"</c>).</summary>
    public static ActivationFunction Linear { get; } = new("linear", x => x);

    /// <summary>Rectified linear unit (<c>"relu"</c>).</summary>
    public static ActivationFunction Relu { get; } = new("relu", Ops.Relu);

    /// <summary>Logistic sigmoid (<c>"sigmoid"</c>).</summary>
    public static ActivationFunction Sigmoid { get; } = new("sigmoid", Ops.Sigmoid);

    /// <summary>Hyperbolic tangent (<c>"tanh"</c>).</summary>
    public static ActivationFunction Tanh { get; } = new("tanh", Ops.Tanh);

    /// <summary>Softmax over the last axis (<c>"softmax"</c>).</summary>
    public static ActivationFunction Softmax { get; } = new("softmax", x => Ops.Softmax(x, -1));

    /// <summary>Exponential linear unit with alpha 1 (<c>"elu"</c>).</summary>
    public static ActivationFunction Elu { get; } = new("elu", x => Ops.Elu(x));

    /// <summary>Scaled exponential linear unit (<c>"selu"</c>).</summary>
    public static ActivationFunction Selu { get; } = new("selu", Ops.Selu);

    /// <summary>Gaussian error linear unit, exact (erf) form as <c>keras.activations.gelu</c>'s default
    /// (<c>"gelu"</c>; <c>keras.ops.gelu</c>, <see cref="Ops.Gelu"/>, defaults to the tanh approximation).</summary>
    public static ActivationFunction Gelu { get; } = new("gelu", x => Ops.Gelu(x, approximate: false));

    /// <summary>Sigmoid linear unit (<c>"silu"</c>; <c>"swish"</c> is the same function).</summary>
    public static ActivationFunction Silu { get; } = new("silu", Ops.Silu);

    /// <summary>Softplus (<c>"softplus"</c>).</summary>
    public static ActivationFunction Softplus { get; } = new("softplus", Ops.Softplus);

    /// <summary>Softsign (<c>"softsign"</c>).</summary>
    public static ActivationFunction Softsign { get; } = new("softsign", Ops.Softsign);

    /// <summary>Leaky ReLU with negative slope 0.2, as Keras' <c>leaky_relu</c> (<c>"leaky_relu"</c>).</summary>
    public static ActivationFunction LeakyRelu { get; } = new("leaky_relu", x => Ops.LeakyRelu(x));

    /// <summary>Keras 3 hard sigmoid, <c>relu6(x + 3) / 6</c> (<c>"hard_sigmoid"</c>).</summary>
    public static ActivationFunction HardSigmoid { get; } = new("hard_sigmoid", Ops.HardSigmoid);

    /// <summary>Keras 3 hard SiLU, <c>x * relu6(x + 3) / 6</c> (<c>"hard_silu"</c>; <c>"hard_swish"</c> is the
    /// same function).</summary>
    public static ActivationFunction HardSilu { get; } = new("hard_silu", Ops.HardSilu);

    /// <summary>Exponential (<c>"exponential"</c>).</summary>
    public static ActivationFunction Exponential { get; } = new("exponential", Ops.Exp);

    private static readonly Dictionary<string, ActivationFunction> ByName = new(StringComparer.Ordinal)
    {
        ["linear"] = Linear,
        ["relu"] = Relu,
        ["sigmoid"] = Sigmoid,
        ["tanh"] = Tanh,
        ["softmax"] = Softmax,
        ["elu"] = Elu,
        ["selu"] = Selu,
        ["gelu"] = Gelu,
        ["silu"] = Silu,
        ["swish"] = new("swish", Ops.Silu),
        ["softplus"] = Softplus,
        ["softsign"] = Softsign,
        ["leaky_relu"] = LeakyRelu,
        ["hard_sigmoid"] = HardSigmoid,
        ["hard_silu"] = HardSilu,
        ["hard_swish"] = new("hard_swish", Ops.HardSilu),
        ["exponential"] = Exponential,
    };

    /// <summary>The names <see cref="Get"/> accepts.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>Looks up an activation by Keras name; <c>null</c> or empty means <c>"linear"</c>, as in Keras.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The activation.</returns>
    /// <exception cref="ArgumentException">The name is unknown; the message lists the valid names.</exception>
    public static ActivationFunction Get(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return Linear;
        }
        if (ByName.TryGetValue(name, out var activation))
        {
            return activation;
        }
        throw new ArgumentException(
            $"Unknown activation \"{name}\". Expected one of: {string.Join(", ", ByName.Keys)}.", nameof(name));
    }
}
