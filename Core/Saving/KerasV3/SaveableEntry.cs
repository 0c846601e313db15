namespace Keras.Saving.KerasV3;

/// <summary>One <c>vars</c> group of a Keras 3 weights file: where it lives, the <c>@name</c> it carries, and the
/// variables stored as datasets <c>"0"</c>…<c>"N-1"</c> in that order.</summary>
/// <param name="Path">The inner path without the trailing <c>/vars</c> (<c>""</c> for the model,
/// <c>layers/dense</c>, <c>layers/lstm/cell</c>).</param>
/// <param name="Name">The layer's (or optimizer's) name.</param>
/// <param name="Variables">The variables, in Keras 3 order.</param>
/// <param name="Owner">The layer, or null for a placeholder (<see cref="SaveableChild.Placeholder"/>).</param>
internal sealed record SaveableEntry(string Path, string Name, IReadOnlyList<Variable> Variables, Layer? Owner)
{
    /// <summary>The HDF5 group path of the <c>vars</c> group (<c>vars</c>, <c>layers/dense/vars</c>).</summary>
    public string VarsPath => Path.Length == 0 ? "vars" : $"{Path}/vars";

    /// <summary>How errors name the object: <c>layer "dense_1" (Dense)</c>.</summary>
    public string Describe() => Owner is null ? $"\"{Name}\"" : $"layer \"{Owner.Name}\" ({Owner.ClassName})";
}
