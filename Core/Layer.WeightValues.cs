namespace Keras;

public abstract partial class Layer
{
    /// <summary>The weights as fresh CPU copies, in <see cref="Weights"/> order (Keras' <c>get_weights</c>; the caller
    /// disposes them).</summary>
    /// <returns>The copies.</returns>
    public IReadOnlyList<Tensor> GetWeights() => Weights.Select(v => v.Numpy()).ToList();

    /// <summary>Sets every weight from tensors in <see cref="Weights"/> order (Keras' <c>set_weights</c>; shapes must
    /// match the Keras layout).</summary>
    /// <param name="weights">The values.</param>
    public void SetWeights(IReadOnlyList<Tensor> weights)
    {
        var variables = Weights;
        if (weights.Count != variables.Count)
        {
            throw new ArgumentException(
                $"You called `SetWeights` on layer \"{Name}\" with a weight list of length {weights.Count}, " +
                $"but the layer was expecting {variables.Count} weights.", nameof(weights));
        }
        for (int i = 0; i < variables.Count; i++)
        {
            variables[i].Assign(weights[i]);
        }
    }
}
