namespace Keras.Regularizers;

/// <summary>A weight (or activity) penalty added to the training loss (<c>keras.regularizers.Regularizer</c>).</summary>
/// <remarks>Pass one to a layer's <c>kernelRegularizer</c>, <c>biasRegularizer</c> or <c>activityRegularizer</c>; the
/// model adds <see cref="Call"/> of the weight (or output) to the loss of every training step.</remarks>
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
    public static implicit operator Regularizer(string name) =>
        Saving.KerasSerialization.DeserializeRegularizer(System.Text.Json.Nodes.JsonValue.Create(name))!;
}
