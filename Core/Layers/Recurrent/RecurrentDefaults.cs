using Keras.Initializers;

namespace Keras.Layers;

/// <summary>Defaults shared by the recurrent layers.</summary>
internal static class RecurrentDefaults
{
    /// <summary>Whether Keras.Net has its own <c>"orthogonal"</c> initializer; until it does, the recurrent layers use
    /// <see cref="OrthogonalFallback"/>.</summary>
    internal static bool HasOrthogonal { get; } = TryGet("orthogonal") is not null;

    /// <summary>Keras' default recurrent initializer, <c>"orthogonal"</c>: the library's own when it has one, else
    /// <see cref="OrthogonalFallback"/>.</summary>
    internal static Initializer Orthogonal() => TryGet("orthogonal") ?? new OrthogonalFallback();

    private static Initializer? TryGet(string name)
    {
        try
        {
            return Initializer.Get(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Keras' <c>OrthogonalInitializer</c> (<c>"orthogonal"</c>): the Q factor of the QR decomposition of a
    /// normal sample, sign-corrected by R's diagonal, reshaped and scaled by the gain.</summary>
    /// <remarks>A stand-in used only while <c>Initializer.Get("orthogonal")</c> does not exist; it is serialized under
    /// Keras' names (<c>OrthogonalInitializer</c>, alias <c>Orthogonal</c>).</remarks>
    internal sealed class OrthogonalFallback(double gain = 1.0) : Initializer
    {
        /// <summary>The multiplier.</summary>
        public double Gain { get; } = gain;

        /// <inheritdoc />
        public override Tensor Call(long[] shape, string dtype = "float32")
        {
            if (shape.Length < 2)
            {
                throw new ArgumentException(
                    "The tensor to initialize must be at least two-dimensional. " +
                    $"Received: shape=({string.Join(", ", shape)})", nameof(shape));
            }
            long rows = 1;
            for (int i = 0; i < shape.Length - 1; i++)
            {
                rows *= shape[i];
            }
            using var q = Ops.RecurrentOrthogonal(rows, shape[^1], Gain);
            var value = q.reshape(shape);
            return dtype == "float32" ? value : value.to_type(Ops.DType(dtype));
        }

        /// <inheritdoc />
        public override Dictionary<string, object?> GetConfig() => new() { ["gain"] = Gain, ["seed"] = null };
    }
}
