namespace Keras.Constraints;

/// <summary>A projection applied to a weight after each optimizer update (<c>keras.constraints.Constraint</c>).</summary>
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
    public static implicit operator Constraint(string name) =>
        Saving.KerasSerialization.DeserializeConstraint(System.Text.Json.Nodes.JsonValue.Create(name))!;
}
