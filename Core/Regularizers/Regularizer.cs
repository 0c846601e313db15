namespace Keras.Regularizers;

/// <summary>A weight (or activity) penalty added to the training loss (<c>keras.regularizers.Regularizer</c>).</summary>
/// <remarks>Pass one to a layer's <c>kernelRegularizer</c>, <c>biasRegularizer</c> or <c>activityRegularizer</c>; the
/// model adds <see cref="Call"/> of the weight (or output) to the loss of every training step. Strings convert
/// implicitly: <c>"l1"</c>, <c>"l2"</c>, <c>"l1_l2"</c>, <c>"orthogonal_regularizer"</c> (Keras' defaults) or a
/// class name.</remarks>
/// <example><code>
/// var dense = new Dense(64, kernelRegularizer: new L2(1e-4), activityRegularizer: "l1");
/// </code></example>
public abstract class Regularizer
{
    /// <summary>The penalty for <paramref name="x"/>, a 0-d tensor.</summary>
    /// <param name="x">The weight or activation.</param>
    /// <returns>The penalty.</returns>
    public abstract Tensor Call(Tensor x);

    /// <summary>The Keras config (constructor arguments in snake_case).</summary>
    /// <returns>The config.</returns>
    public abstract Dictionary<string, object?> GetConfig();

    /// <summary>The Keras class name (the C# type name).</summary>
    public virtual string ClassName => GetType().Name;

    /// <summary>Looks up a built-in regularizer by its Keras name (<c>"l2"</c>) with default arguments.</summary>
    /// <param name="name">The name.</param>
    public static implicit operator Regularizer(string name) => Get(name);

    /// <summary>Looks up a regularizer by its Keras name (<c>"l2"</c>, <c>"L1L2"</c>) or a registered custom name, with
    /// default arguments (Keras' <c>keras.regularizers.get</c>).</summary>
    /// <param name="identifier">The name.</param>
    /// <returns>A new regularizer.</returns>
    /// <exception cref="ArgumentException">The name is unknown; the message lists the built-in names.</exception>
    public static Regularizer Get(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        try
        {
            return Saving.KerasSerialization.DeserializeRegularizer(System.Text.Json.Nodes.JsonValue.Create(identifier))!;
        }
        catch (KeyNotFoundException)
        {
            throw new ArgumentException(
                $"Could not interpret regularizer identifier: \"{identifier}\". Expected one of: " +
                $"{string.Join(", ", Saving.BuiltInClasses.RegularizerNames)}, or the name of a regularizer registered " +
                "with SerializationRegistry.Register.", nameof(identifier));
        }
    }

    /// <summary>Keras' <c>validate_float_arg</c>: a penalty factor must be a finite, non-negative number.</summary>
    /// <param name="value">The factor.</param>
    /// <param name="name">The Keras argument name (<c>l2</c>).</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException">The value is negative, infinite or NaN.</exception>
    protected static double ValidateFactor(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentException(
                $"Invalid value for argument {name}: expected a non-negative float. Received: {name}={value}", name);
        }
        return value;
    }
}
