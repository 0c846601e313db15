namespace Keras.Constraints;

/// <summary>A projection applied to a weight after each optimizer update (<c>keras.constraints.Constraint</c>).</summary>
/// <remarks>Strings convert implicitly: <c>"max_norm"</c>, <c>"non_neg"</c>, <c>"unit_norm"</c>,
/// <c>"min_max_norm"</c> (Keras' defaults) or a class name.</remarks>
/// <example><code>
/// var dense = new Dense(64, kernelConstraint: new MaxNorm(3), biasConstraint: "non_neg");
/// </code></example>
public abstract class Constraint
{
    /// <summary>The projected value of <paramref name="w"/>.</summary>
    /// <param name="w">The weight after the update.</param>
    /// <returns>The constrained weight, same shape.</returns>
    public abstract Tensor Call(Tensor w);

    /// <summary>The Keras config (constructor arguments in snake_case).</summary>
    /// <returns>The config.</returns>
    public abstract Dictionary<string, object?> GetConfig();

    /// <summary>The Keras class name (the C# type name).</summary>
    public virtual string ClassName => GetType().Name;

    /// <summary>Looks up a built-in constraint by its Keras name (<c>"non_neg"</c>) with default arguments.</summary>
    /// <param name="name">The name.</param>
    public static implicit operator Constraint(string name) => Get(name);

    /// <summary>Looks up a constraint by its Keras name (<c>"max_norm"</c>, <c>"MaxNorm"</c>) or a registered custom
    /// name, with default arguments (Keras' <c>keras.constraints.get</c>).</summary>
    /// <param name="identifier">The name.</param>
    /// <returns>A new constraint.</returns>
    /// <exception cref="ArgumentException">The name is unknown; the message lists the built-in names.</exception>
    public static Constraint Get(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        try
        {
            return Saving.KerasSerialization.DeserializeConstraint(System.Text.Json.Nodes.JsonValue.Create(identifier))!;
        }
        catch (KeyNotFoundException)
        {
            throw new ArgumentException(
                $"Could not interpret constraint identifier: \"{identifier}\". Expected one of: " +
                $"{string.Join(", ", Saving.BuiltInClasses.ConstraintNames)}, or the name of a constraint registered " +
                "with SerializationRegistry.Register.", nameof(identifier));
        }
    }
}
