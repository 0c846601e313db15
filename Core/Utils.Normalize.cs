namespace Keras;

public static partial class Utils
{
    /// <summary>Divides an array by its norm along <paramref name="axis"/> (<c>keras.utils.normalize</c>); slices whose
    /// norm is 0 are left unchanged.</summary>
    /// <param name="x">The array.</param>
    /// <param name="axis">The axis to normalize along; negative counts from the end. Defaults to -1.</param>
    /// <param name="order">The vector norm order, as <c>np.linalg.norm</c>: 2 (the default, Euclidean).</param>
    /// <returns>A fresh normalized array.</returns>
    /// <example><code>
    /// float[,] unit = Utils.Normalize(new float[,] { { 3, 4 }, { 0, 0 } });   // [[0.6, 0.8], [0, 0]]
    /// </code></example>
    public static float[,] Normalize(float[,] x, int axis = -1, double order = 2) =>
        (float[,])Normalize((Array)x, axis, order);

    /// <summary>Divides a vector by its norm (<c>keras.utils.normalize</c>); a zero vector is left unchanged.</summary>
    /// <param name="x">The vector.</param>
    /// <param name="axis">The axis: -1 (the default) or 0.</param>
    /// <param name="order">The vector norm order. Defaults to 2.</param>
    /// <returns>A fresh normalized vector.</returns>
    public static float[] Normalize(float[] x, int axis = -1, double order = 2) =>
        (float[])Normalize((Array)x, axis, order);

    /// <summary>Divides a vector by its norm (<c>keras.utils.normalize</c>); a zero vector is left unchanged.</summary>
    /// <param name="x">The vector.</param>
    /// <param name="axis">The axis: -1 (the default) or 0.</param>
    /// <param name="order">The vector norm order. Defaults to 2.</param>
    /// <returns>A fresh normalized vector.</returns>
    public static double[] Normalize(double[] x, int axis = -1, double order = 2) =>
        (double[])Normalize((Array)x, axis, order);

    /// <summary>Divides an array by its norm along <paramref name="axis"/> (<c>keras.utils.normalize</c>).</summary>
    /// <param name="x">The array.</param>
    /// <param name="axis">The axis. Defaults to -1.</param>
    /// <param name="order">The vector norm order. Defaults to 2.</param>
    /// <returns>A fresh normalized array.</returns>
    public static double[,] Normalize(double[,] x, int axis = -1, double order = 2) =>
        (double[,])Normalize((Array)x, axis, order);

    /// <summary>Divides a <c>float</c> or <c>double</c> array of any rank by its norm along <paramref name="axis"/>
    /// (<c>keras.utils.normalize</c>); slices whose norm is 0 are left unchanged.</summary>
    /// <param name="x">A <c>float</c> or <c>double</c> array of any rank.</param>
    /// <param name="axis">The axis to normalize along; negative counts from the end. Defaults to -1.</param>
    /// <param name="order">The vector norm order, as <c>np.linalg.norm</c>: 2 (the default, Euclidean), 1, any
    /// p, <see cref="double.PositiveInfinity"/> (max |x|), <see cref="double.NegativeInfinity"/> (min |x|) or 0 (the
    /// count of non-zero values).</param>
    /// <returns>A fresh array of the same element type and shape (computed in double precision).</returns>
    /// <remarks>Keras returns float64 for integer input; convert integer data to float first. Keras' NumPy path turns
    /// <c>axis=0</c> into -1 by mistake (<c>axis = axis or -1</c>); Keras.Net normalizes along axis 0. For tensors
    /// use <see cref="Ops.Normalize"/> (Keras' tensor path, order 2).</remarks>
    /// <exception cref="ArgumentException">The element type is not float or double, or the axis is out of
    /// range.</exception>
    public static Array Normalize(Array x, int axis = -1, double order = 2)
    {
        ArgumentNullException.ThrowIfNull(x);
        var elementType = x.GetType().GetElementType();
        if (elementType != typeof(float) && elementType != typeof(double))
        {
            throw new ArgumentException(
                $"`normalize` expects a float or double array. Received an array of {elementType?.Name}: convert " +
                "integer data to float first (Keras would return float64).", nameof(x));
        }
        int rank = x.Rank;
        int dim = axis < 0 ? axis + rank : axis;
        if (dim < 0 || dim >= rank)
        {
            throw new ArgumentException(
                $"axis {axis} is out of bounds for array of dimension {rank}.", nameof(axis));
        }
        double[] values = elementType == typeof(float)
            ? x.Cast<float>().Select(v => (double)v).ToArray()
            : x.Cast<double>().ToArray();
        var shape = Enumerable.Range(0, rank).Select(x.GetLength).ToArray();
        NormalizeInPlace(values, shape, dim, order);
        var result = Array.CreateInstance(elementType, shape);
        if (elementType == typeof(float))
        {
            var floats = Array.ConvertAll(values, v => (float)v);
            Buffer.BlockCopy(floats, 0, result, 0, floats.Length * sizeof(float));
        }
        else
        {
            Buffer.BlockCopy(values, 0, result, 0, values.Length * sizeof(double));
        }
        return result;
    }

    /// <summary>Row-major in-place normalization of <paramref name="values"/> (shape <paramref name="shape"/>) along
    /// dimension <paramref name="dim"/>, as <c>x / expand_dims(norm, axis)</c> with zero norms replaced by 1.</summary>
    private static void NormalizeInPlace(double[] values, int[] shape, int dim, double order)
    {
        int length = shape[dim];
        int inner = shape.Skip(dim + 1).Aggregate(1, (a, b) => a * b);
        int outer = shape.Take(dim).Aggregate(1, (a, b) => a * b);
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                int start = (o * length * inner) + i;
                double norm = VectorNorm(values, start, inner, length, order);
                if (norm == 0)
                {
                    norm = 1;
                }
                for (int k = 0; k < length; k++)
                {
                    values[start + (k * inner)] /= norm;
                }
            }
        }
    }

    /// <summary><c>np.linalg.norm</c> of one strided vector.</summary>
    private static double VectorNorm(double[] values, int start, int stride, int length, double order)
    {
        var slice = Enumerable.Range(0, length).Select(k => Math.Abs(values[start + (k * stride)]));
        return order switch
        {
            double.PositiveInfinity => length == 0 ? 0 : slice.Max(),
            double.NegativeInfinity => length == 0 ? 0 : slice.Min(),
            0 => slice.Count(v => v != 0),
            1 => slice.Sum(),
            2 => Math.Sqrt(slice.Sum(v => v * v)),
            _ => Math.Pow(slice.Sum(v => Math.Pow(v, order)), 1.0 / order),
        };
    }
}
