namespace Keras;

/// <summary>Conversions that make raw dataset arrays model-ready, e.g. <c>xTrain.ToFloat32(scale: 1 / 255f)</c>.</summary>
/// <example><code>
/// var ((xTrain, yTrain), (xTest, yTest)) = FashionMnist.LoadData();
/// float[,,] x = xTrain.ToFloat32(scale: 1 / 255f);
/// </code></example>
public static class ArrayExtensions
{
    /// <summary>Converts a three-dimensional byte array to float32, multiplying by <paramref name="scale"/>.</summary>
    /// <param name="source">The bytes.</param>
    /// <param name="scale">The factor. Defaults to 1.</param>
    /// <returns>A new float array of the same shape.</returns>
    public static float[,,] ToFloat32(this byte[,,] source, float scale = 1f)
    {
        var result = new float[source.GetLength(0), source.GetLength(1), source.GetLength(2)];
        var src = System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref source[0, 0, 0], source.Length);
        var dst = System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref result[0, 0, 0], result.Length);
        for (int i = 0; i < src.Length; i++)
        {
            dst[i] = src[i] * scale;
        }
        return result;
    }

    /// <summary>Converts a two-dimensional byte array to float32, multiplying by <paramref name="scale"/>.</summary>
    /// <param name="source">The bytes.</param>
    /// <param name="scale">The factor. Defaults to 1.</param>
    /// <returns>A new float array of the same shape.</returns>
    public static float[,] ToFloat32(this byte[,] source, float scale = 1f)
    {
        var result = new float[source.GetLength(0), source.GetLength(1)];
        for (int i = 0; i < source.GetLength(0); i++)
        {
            for (int j = 0; j < source.GetLength(1); j++)
            {
                result[i, j] = source[i, j] * scale;
            }
        }
        return result;
    }
}
