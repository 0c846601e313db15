namespace Keras;

/// <summary>A named activation function, as Keras' <c>keras.activations.*</c>; strings convert to it implicitly.</summary>
/// <example><code>
/// var layer = new Dense(64, activation: "relu");
/// var same = new Dense(64, activation: Activations.Relu);
/// </code></example>
public sealed class ActivationFunction
{
    private readonly Func<Tensor, Tensor> _function;

    /// <summary>Creates an activation from a name and a function.</summary>
    /// <param name="name">The Keras name, used in configs and summaries.</param>
    /// <param name="function">The function applied elementwise (or along the last axis, for softmax).</param>
    public ActivationFunction(string name, Func<Tensor, Tensor> function)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        _function = function ?? throw new ArgumentNullException(nameof(function));
    }

    /// <summary>The Keras name (<c>"relu"</c>).</summary>
    public string Name { get; }

    /// <summary>Applies the activation.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activated tensor.</returns>
    public Tensor Apply(Tensor x) => _function(x);

    /// <summary>Looks up an activation by its Keras name.</summary>
    /// <param name="name">A Keras activation name such as <c>"relu"</c>.</param>
    public static implicit operator ActivationFunction(string name) => Activations.Get(name);

    /// <inheritdoc />
    public override string ToString() => Name;
}
