namespace Keras.Initializers;

/// <summary>The identity matrix times a gain (<c>keras.initializers.Identity</c>, string <c>"identity"</c>); 2-D
/// shapes only.</summary>
/// <remarks>A non-square shape gets ones on the main diagonal and zeros elsewhere, as <c>eye(rows, cols)</c>.</remarks>
/// <example><code>var recurrent = new Dense(32, kernelInitializer: new Identity(gain: 0.5));</code></example>
public sealed class Identity : Initializer
{
    /// <summary>Creates the initializer.</summary>
    /// <param name="gain">The factor applied to the identity matrix. Defaults to 1.</param>
    public Identity(double gain = 1.0)
    {
        Gain = gain;
    }

    /// <summary>The factor applied to the identity matrix.</summary>
    public double Gain { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The shape is not two-dimensional.</exception>
    public override Tensor Call(long[] shape, string dtype = "float32")
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Length != 2)
        {
            throw new ArgumentException(
                "Identity matrix initializer can only be used for 2D matrices. Received: " +
                $"shape={new Shape(shape)} of rank {shape.Length}.", nameof(shape));
        }
        using var scope = torch.NewDisposeScope();
        return (Ops.Eye(shape[0], shape[1], dtype) * Gain).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    /// <remarks>Keras 3 writes an empty config (so its files lose a non-default gain); Keras.Net writes the gain, which
    /// Keras 2 and Keras 3 both read.</remarks>
    public override Dictionary<string, object?> GetConfig() => new() { ["gain"] = Gain };
}
