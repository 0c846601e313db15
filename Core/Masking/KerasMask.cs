using System.Runtime.CompilerServices;

namespace Keras;

/// <summary>Keras' mask metadata: a boolean tensor attached to an output tensor (Keras 3's <c>_keras_mask</c>).</summary>
/// <remarks>
/// Layers that produce a mask (<c>Embedding(maskZero: true)</c>, <c>Masking</c>) attach it to their output; the next
/// layer's <see cref="Layer.Call(Tensor, bool?, Tensor?)"/> finds it, passes it to the layer and propagates it when the
/// layer supports masking. Losses and metrics ignore masked positions of a prediction that carries a mask. The mask
/// lives as long as the tensor object it is attached to.
/// </remarks>
/// <example><code>
/// var embedded = new Embedding(100, 8, maskZero: true).Call(tokens);
/// Tensor? mask = KerasMask.Get(embedded);   // (batch, time), false where tokens == 0
/// </code></example>
public static class KerasMask
{
    private static readonly ConditionalWeakTable<Tensor, Tensor> Masks = new();

    /// <summary>The mask attached to <paramref name="tensor"/>, or <c>null</c>.</summary>
    /// <param name="tensor">Any tensor.</param>
    /// <returns>The mask, or <c>null</c>.</returns>
    public static Tensor? Get(Tensor tensor) => Masks.TryGetValue(tensor, out var mask) ? mask : null;

    /// <summary>Attaches <paramref name="mask"/> to <paramref name="tensor"/> (or removes it when null).</summary>
    /// <param name="tensor">The tensor.</param>
    /// <param name="mask">The mask, or <c>null</c> to remove.</param>
    public static void Set(Tensor tensor, Tensor? mask)
    {
        if (mask is null)
        {
            Masks.Remove(tensor);
        }
        else
        {
            Masks.AddOrUpdate(tensor, mask);
        }
    }
}
