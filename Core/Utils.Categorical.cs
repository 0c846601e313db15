namespace Keras;

public static partial class Utils
{
    /// <summary>Converts a vector of class indices to a one-hot matrix (<c>keras.utils.to_categorical</c>).</summary>
    /// <param name="labels">Class indices from 0 to <c>numClasses - 1</c>.</param>
    /// <param name="numClasses">The number of classes. Defaults to null (or 0): <c>max(labels) + 1</c>, as Keras.</param>
    /// <returns>A fresh <c>float[labels.Length, numClasses]</c> with a single 1 per row.</returns>
    /// <remarks>Keras' NumPy path returns float64; Keras.Net returns float32, the dtype models train on (Keras' tensor
    /// path also returns floatx). For tensors use <see cref="Ops.OneHot"/>, which is that tensor path.</remarks>
    /// <exception cref="ArgumentException">A label is negative or not below <paramref name="numClasses"/>, or the
    /// number of classes cannot be inferred from empty labels.</exception>
    /// <example><code>
    /// float[,] y = Utils.ToCategorical(new[] { 0, 2, 1 });   // [[1, 0, 0], [0, 0, 1], [0, 1, 0]]
    /// </code></example>
    public static float[,] ToCategorical(int[] labels, int? numClasses = null) =>
        (float[,])ToCategorical((Array)labels, numClasses);

    /// <summary>Converts a vector of class indices (such as MNIST's <c>byte[]</c> labels) to a one-hot matrix.</summary>
    /// <param name="labels">Class indices from 0 to <c>numClasses - 1</c>.</param>
    /// <param name="numClasses">The number of classes. Defaults to null (or 0): <c>max(labels) + 1</c>.</param>
    /// <returns>A fresh <c>float[labels.Length, numClasses]</c>.</returns>
    /// <exception cref="ArgumentException">A label is not below <paramref name="numClasses"/>.</exception>
    public static float[,] ToCategorical(byte[] labels, int? numClasses = null) =>
        (float[,])ToCategorical((Array)labels, numClasses);

    /// <summary>Converts a vector of int64 class indices to a one-hot matrix.</summary>
    /// <param name="labels">Class indices from 0 to <c>numClasses - 1</c>.</param>
    /// <param name="numClasses">The number of classes. Defaults to null (or 0): <c>max(labels) + 1</c>.</param>
    /// <returns>A fresh <c>float[labels.Length, numClasses]</c>.</returns>
    /// <exception cref="ArgumentException">A label is negative or not below <paramref name="numClasses"/>.</exception>
    public static float[,] ToCategorical(long[] labels, int? numClasses = null) =>
        (float[,])ToCategorical((Array)labels, numClasses);

    /// <summary>Converts class indices of any rank to one-hot vectors along a new last axis, as Keras: an input of
    /// shape <c>(..., 1)</c> (rank 2 or more) first drops that axis, so <c>(N, 1)</c> gives <c>(N, numClasses)</c>.</summary>
    /// <param name="labels">An integer array (or a float array, truncated as NumPy's int64 cast does).</param>
    /// <param name="numClasses">The number of classes. Defaults to null (or 0): <c>max(labels) + 1</c>.</param>
    /// <returns>A fresh float32 array of shape <c>labels' shape + (numClasses)</c>.</returns>
    /// <exception cref="ArgumentException">A label is negative or not below <paramref name="numClasses"/>, or the
    /// number of classes cannot be inferred from empty labels.</exception>
    public static Array ToCategorical(Array labels, int? numClasses = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (numClasses < 0)
        {
            throw new ArgumentException(
                $"`num_classes` must be a positive integer or None. Received: num_classes={numClasses}",
                nameof(numClasses));
        }
        long[] flat = LabelValues(labels);
        var shape = Enumerable.Range(0, labels.Rank).Select(labels.GetLength).ToList();
        if (shape.Count > 1 && shape[^1] == 1)
        {
            shape.RemoveAt(shape.Count - 1);
        }
        int classes = numClasses is null or 0 ? InferNumClasses(flat) : numClasses.Value;
        var oneHot = new float[checked(flat.Length * classes)];
        for (int i = 0; i < flat.Length; i++)
        {
            if (flat[i] < 0 || flat[i] >= classes)
            {
                throw new ArgumentException(
                    $"`to_categorical` received the class index {flat[i]} at position {i}, but num_classes=" +
                    $"{classes}: class values must be integers from 0 to num_classes - 1.", nameof(labels));
            }
            oneHot[(i * classes) + flat[i]] = 1f;
        }
        shape.Add(classes);
        var result = Array.CreateInstance(typeof(float), [.. shape]);
        Buffer.BlockCopy(oneHot, 0, result, 0, oneHot.Length * sizeof(float));
        return result;
    }

    private static int InferNumClasses(long[] flat)
    {
        if (flat.Length == 0)
        {
            throw new ArgumentException(
                "`to_categorical` cannot infer `num_classes` from empty labels: pass numClasses.", "labels");
        }
        long max = flat.Max();
        return max < 0 ? 0 : checked((int)max + 1);
    }

    /// <summary>The labels as int64 in row-major order, as <c>np.array(x, dtype="int64")</c> reads them.</summary>
    private static long[] LabelValues(Array labels)
    {
        var values = new long[labels.Length];
        int i = 0;
        foreach (object? value in labels)
        {
            values[i++] = value switch
            {
                float f => (long)f,
                double d => (long)d,
                IConvertible c when value is not (string or bool or char) => c.ToInt64(null),
                _ => throw new ArgumentException(
                    $"`to_categorical` expects integer class indices. Received an array of {labels.GetType().Name}.",
                    nameof(labels)),
            };
        }
        return values;
    }
}
