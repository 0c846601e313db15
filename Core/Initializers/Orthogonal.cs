namespace Keras.Initializers;

/// <summary>A random orthogonal matrix (<c>keras.initializers.Orthogonal</c>, string <c>"orthogonal"</c>).</summary>
/// <remarks>A shape <c>(d₀, …, dₙ₋₁)</c> is flattened to <c>rows = d₀·…·dₙ₋₂</c> by <c>cols = dₙ₋₁</c>. A normal matrix
/// of shape <c>(max(rows, cols), min(rows, cols))</c> is QR-factorised, <c>Q</c>'s columns take the signs of
/// <c>diag(R)</c> (so the distribution is uniform over orthogonal matrices) and <c>Q</c> is transposed when
/// <c>rows &lt; cols</c>: the result has orthonormal columns when <c>rows ≥ cols</c>, orthonormal rows otherwise, times
/// <see cref="Gain"/>.</remarks>
/// <example><code>var lstm = new Dense(64, kernelInitializer: new Orthogonal(gain: 1.0));</code></example>
public sealed class Orthogonal : Initializer
{
    /// <summary>Creates the initializer.</summary>
    /// <param name="gain">The factor applied to the orthogonal matrix. Defaults to 1.</param>
    public Orthogonal(double gain = 1.0)
    {
        Gain = gain;
    }

    /// <summary>The factor applied to the orthogonal matrix.</summary>
    public double Gain { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The shape has fewer than two dimensions.</exception>
    public override Tensor Call(long[] shape, string dtype = "float32")
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Length < 2)
        {
            throw new ArgumentException(
                "The tensor to initialize must be at least two-dimensional. Received: " +
                $"shape={new Shape(shape)} of rank {shape.Length}.", nameof(shape));
        }
        long rows = 1;
        for (int i = 0; i < shape.Length - 1; i++)
        {
            rows *= shape[i];
        }
        long cols = shape[^1];
        using var scope = torch.NewDisposeScope();
        var a = Ops.RandomNormal([Math.Max(rows, cols), Math.Min(rows, cols)], 0.0, 1.0);
        var (q, r) = Ops.Qr(a);
        q = q * r.diagonal().sign();
        if (rows < cols)
        {
            q = q.t();
        }
        return (q.reshape(shape) * Gain).to_type(Ops.DType(dtype)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => new() { ["gain"] = Gain, ["seed"] = null };
}
