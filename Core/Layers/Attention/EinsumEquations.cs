namespace Keras.Layers;

/// <summary>The einsum equations of <see cref="MultiHeadAttention"/>, built as Keras 3 builds them
/// (<c>_build_proj_equation</c>, <c>_build_attention_equation</c>).</summary>
internal static class EinsumEquations
{
    /// <summary>A projection: <paramref name="freeDims"/> axes kept, <paramref name="boundDims"/> contracted with the
    /// kernel, <paramref name="outputDims"/> new axes from the kernel (e.g. <c>abc,cde->abde</c>).</summary>
    /// <returns>The equation and the output rank.</returns>
    internal static (string Equation, int OutputRank) Projection(int freeDims, int boundDims, int outputDims)
    {
        string free = Letters(0, freeDims);
        string bound = Letters(freeDims, boundDims);
        string output = Letters(freeDims + boundDims, outputDims);
        return ($"{free}{bound},{bound}{output}->{free}{output}", freeDims + outputDims);
    }

    /// <summary>The query·key product and the weighting of the values for projected tensors of rank
    /// <paramref name="rank"/> (<c>(batch, ..., heads, channels)</c>) attending over
    /// <paramref name="attentionAxes"/>.</summary>
    /// <returns>The dot-product equation (key, query → scores), the combine equation (scores, value → output)
    /// and the rank of the scores.</returns>
    internal static (string DotProduct, string Combine, int ScoresRank) Attention(int rank,
        IReadOnlyList<int> attentionAxes)
    {
        string target = Letters(0, rank);
        var batchDims = Enumerable.Range(0, rank).Where(i => !attentionAxes.Contains(i) && i != rank - 1).ToList();
        var source = new char[rank];
        int offset = rank;
        for (int i = 0; i < rank; i++)
        {
            source[i] = batchDims.Contains(i) || i == rank - 1 ? target[i] : (char)('a' + offset++);
        }
        string sourceNotation = new(source);
        string product = string.Concat(batchDims.Select(i => target[i]))
                         + string.Concat(attentionAxes.Select(i => target[i]))
                         + string.Concat(attentionAxes.Select(i => sourceNotation[i]));
        return ($"{sourceNotation},{target}->{product}", $"{product},{sourceNotation}->{target}", product.Length);
    }

    private static string Letters(int start, int count) =>
        new(Enumerable.Range(start, count).Select(i => (char)('a' + i)).ToArray());
}
