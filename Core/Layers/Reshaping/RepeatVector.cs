namespace Keras.Layers;

/// <summary>Repeats each input vector <c>n</c> times (<c>keras.layers.RepeatVector</c>): <c>(batch, features)</c> →
/// <c>(batch, n, features)</c>.</summary>
/// <example><code>
/// var layer = new RepeatVector(3);
/// Tensor y = layer.Call(x);   // (batch, 32) → (batch, 3, 32)
/// </code></example>
public sealed class RepeatVector : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="n">The repetition factor; non-negative.</param>
    /// <param name="name">The layer name. Defaults to <c>repeat_vector</c>, <c>repeat_vector_1</c>, ...</param>
    public RepeatVector(int n, string? name = null) : base(name)
    {
        if (n < 0)
        {
            throw new ArgumentException(
                $"RepeatVector expects a non-negative repetition factor `n`. Received: n={n}", nameof(n));
        }
        N = n;
        InputSpec = new InputSpec(ndim: 2);
    }

    /// <summary>The repetition factor.</summary>
    public int N { get; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => new(inputShape[0], N, inputShape[1]);

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["n"] = N;
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) => inputs.unsqueeze(1).repeat(1, N, 1);
}
