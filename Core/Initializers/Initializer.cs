namespace Keras.Initializers;

/// <summary>Base class of weight initializers (<c>keras.initializers.Initializer</c>); strings convert implicitly.</summary>
/// <example><code>
/// Initializer init = "he_normal";
/// Tensor w = init.Call([784, 128]);
/// </code></example>
public abstract class Initializer
{
    /// <summary>Creates a fresh tensor of the given shape.</summary>
    /// <param name="shape">The shape (Keras layout, e.g. a Dense kernel is <c>(in, out)</c>).</param>
    /// <param name="dtype">The Keras dtype. Defaults to <c>"float32"</c>.</param>
    /// <returns>A new tensor owned by the caller.</returns>
    public abstract Tensor Call(long[] shape, string dtype = "float32");

    /// <summary>The Keras configuration of this initializer (constructor arguments in snake_case).</summary>
    /// <returns>The config.</returns>
    public virtual Dictionary<string, object?> GetConfig() => [];

    /// <summary>Looks up an initializer by its Keras name.</summary>
    /// <param name="name">A name such as <c>"glorot_uniform"</c>.</param>
    public static implicit operator Initializer(string name) => Get(name);

    /// <summary>Looks up an initializer by its Keras name (snake_case or class name).</summary>
    /// <param name="name">The name.</param>
    /// <returns>A new initializer.</returns>
    /// <exception cref="ArgumentException">The name is unknown; the message lists the valid names.</exception>
    public static Initializer Get(string name)
    {
        if (Factories.TryGetValue(name, out var factory))
        {
            return factory();
        }
        throw new ArgumentException(
            $"Unknown initializer \"{name}\". Expected one of: {string.Join(", ", Factories.Keys.Where(k => k.Contains('_') || k.All(char.IsLower)))}.",
            nameof(name));
    }

    private static readonly Dictionary<string, Func<Initializer>> Factories = new(StringComparer.Ordinal)
    {
        ["zeros"] = () => new Zeros(),
        ["Zeros"] = () => new Zeros(),
        ["ones"] = () => new Ones(),
        ["Ones"] = () => new Ones(),
        ["constant"] = () => new Constant(),
        ["Constant"] = () => new Constant(),
        ["identity"] = () => new Identity(),
        ["Identity"] = () => new Identity(),
        ["orthogonal"] = () => new Orthogonal(),
        ["Orthogonal"] = () => new Orthogonal(),
        ["glorot_uniform"] = () => new GlorotUniform(),
        ["GlorotUniform"] = () => new GlorotUniform(),
        ["glorot_normal"] = () => new GlorotNormal(),
        ["GlorotNormal"] = () => new GlorotNormal(),
        ["he_uniform"] = () => new HeUniform(),
        ["HeUniform"] = () => new HeUniform(),
        ["he_normal"] = () => new HeNormal(),
        ["HeNormal"] = () => new HeNormal(),
        ["lecun_uniform"] = () => new LecunUniform(),
        ["LecunUniform"] = () => new LecunUniform(),
        ["lecun_normal"] = () => new LecunNormal(),
        ["LecunNormal"] = () => new LecunNormal(),
        ["random_uniform"] = () => new RandomUniform(),
        ["RandomUniform"] = () => new RandomUniform(),
        ["random_normal"] = () => new RandomNormal(),
        ["RandomNormal"] = () => new RandomNormal(),
        ["truncated_normal"] = () => new TruncatedNormal(),
        ["TruncatedNormal"] = () => new TruncatedNormal(),
        ["variance_scaling"] = () => new VarianceScaling(),
        ["VarianceScaling"] = () => new VarianceScaling(),
    };

    /// <summary>Keras' <c>compute_fans</c>: fan-in and fan-out of a weight shape.</summary>
    /// <param name="shape">The weight shape in Keras layout.</param>
    /// <returns>(fanIn, fanOut).</returns>
    public static (double FanIn, double FanOut) ComputeFans(long[] shape)
    {
        switch (shape.Length)
        {
            case 0:
                return (1, 1);
            case 1:
                return (shape[0], shape[0]);
            case 2:
                return (shape[0], shape[1]);
            default:
                double receptive = 1;
                for (int i = 0; i < shape.Length - 2; i++)
                {
                    receptive *= shape[i];
                }
                return (shape[^2] * receptive, shape[^1] * receptive);
        }
    }
}
