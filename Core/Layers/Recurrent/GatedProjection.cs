namespace Keras.Layers;

/// <summary>The matrix products of gated cells (LSTM, GRU), with Keras' per-gate dropout masks of implementation 1.</summary>
internal static class GatedProjection
{
    /// <summary><c>x @ kernel + bias</c> over every timestep; with one mask per gate, gate g uses
    /// <c>(x·mask_g) @ kernel_g</c>.</summary>
    /// <param name="sequences">Inputs <c>(batch, time, features)</c>.</param>
    /// <param name="kernel">The kernel <c>(features, gates·units)</c>.</param>
    /// <param name="bias">The input bias <c>(gates·units)</c>, or null.</param>
    /// <param name="masks">No masks, one for all gates, or one per gate; each <c>(batch, features)</c>.</param>
    /// <returns>The projections <c>(batch, time, gates·units)</c>.</returns>
    public static Tensor Inputs(Tensor sequences, Tensor kernel, Tensor? bias, IReadOnlyList<Tensor>? masks)
    {
        if (masks is null)
        {
            return Ops.Dense(sequences, kernel, bias);
        }
        if (masks.Count == 1)
        {
            using var dropped = sequences * masks[0].unsqueeze(1);
            return Ops.Dense(dropped, kernel, bias);
        }
        long units = kernel.shape[1] / masks.Count;
        var parts = new List<Tensor>();
        for (int g = 0; g < masks.Count; g++)
        {
            using var dropped = sequences * masks[g].unsqueeze(1);
            using var k = kernel.narrow(1, g * units, units);
            using var b = bias?.narrow(0, g * units, units);
            parts.Add(Ops.Dense(dropped, k, b));
        }
        var result = Ops.Concatenate(parts, -1);
        parts.ForEach(p => p.Dispose());
        return result;
    }

    /// <summary><c>projected + h @ recurrent_kernel</c>; with one mask per gate, gate g uses
    /// <c>(h·mask_g) @ recurrent_kernel_g</c>.</summary>
    /// <param name="projected">The step's input projection <c>(batch, gates·units)</c> (biases included).</param>
    /// <param name="h">The previous output <c>(batch, units)</c>.</param>
    /// <param name="recurrentKernel">The recurrent kernel <c>(units, gates·units)</c>.</param>
    /// <param name="masks">No masks or one per gate, each <c>(batch, units)</c>.</param>
    /// <returns>The pre-activations <c>(batch, gates·units)</c>.</returns>
    public static Tensor Recurrent(Tensor projected, Tensor h, Tensor recurrentKernel, IReadOnlyList<Tensor>? masks)
    {
        if (masks is null)
        {
            return Ops.RecurrentAddmm(projected, h, recurrentKernel);
        }
        using var products = PerGate(h, recurrentKernel, masks);
        return projected + products;
    }

    /// <summary>The per-gate products <c>(h·mask_g) @ recurrent_kernel_g</c>, side by side.</summary>
    public static Tensor PerGate(Tensor h, Tensor recurrentKernel, IReadOnlyList<Tensor> masks)
    {
        long units = h.shape[1];
        var parts = new List<Tensor>();
        for (int g = 0; g < masks.Count; g++)
        {
            using var dropped = h * masks[g];
            using var k = recurrentKernel.narrow(1, g * units, units);
            parts.Add(Ops.Matmul(dropped, k));
        }
        var result = Ops.Concatenate(parts, -1);
        parts.ForEach(p => p.Dispose());
        return result;
    }
}
