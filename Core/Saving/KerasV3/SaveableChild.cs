namespace Keras.Saving.KerasV3;

/// <summary>One child of a layer in the Keras 3 saveable walk: the Python attribute name Keras stores it under, and
/// either the sublayer or, for a Keras sublayer that Keras.Net computes inline (MultiHeadAttention's
/// <c>_softmax</c>), the name written on its empty <c>vars</c> group.</summary>
/// <param name="Attribute">The Keras attribute name (<c>cell</c>, <c>query_dense</c>).</param>
/// <param name="Layer">The sublayer, or null for a placeholder without variables.</param>
/// <param name="PlaceholderName">The <c>@name</c> of a placeholder's empty group.</param>
internal readonly record struct SaveableChild(string Attribute, Layer? Layer, string? PlaceholderName = null)
{
    /// <summary>A Keras sublayer without variables that Keras.Net has no object for.</summary>
    public static SaveableChild Placeholder(string attribute, string name) => new(attribute, null, name);
}
