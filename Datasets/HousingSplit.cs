namespace Keras.Datasets;

/// <summary>Reads an <c>x</c>/<c>y</c> regression npz and splits it as Keras' Boston and California housing loaders
/// do: numpy's <c>RandomState(seed)</c> shuffle, then the first <c>int(n * (1 - testSplit))</c> samples for
/// training.</summary>
internal static class HousingSplit
{
    /// <summary>Reads <c>x</c> (N, features) and <c>y</c> (N) as doubles.</summary>
    /// <param name="file">The npz file.</param>
    /// <param name="features">The expected number of columns.</param>
    /// <returns>The flat samples and the targets.</returns>
    /// <exception cref="InvalidDataException">The arrays have other shapes or non-float dtypes.</exception>
    internal static (double[] X, double[] Y) Read(string file, int features)
    {
        using NpzArchive npz = NpzArchive.Open(file);
        NpyArray x = npz.Read("x", allowObjects: false);
        NpyArray y = npz.Read("y", allowObjects: false);
        if (x.Shape.Length != 2 || x.Shape[1] != features || y.Shape.Length != 1 || y.Shape[0] != x.Shape[0])
        {
            throw new InvalidDataException($"{file} holds x of shape {x.ShapeText} and y of shape {y.ShapeText}; " +
                $"expected (N, {features}) and (N,).");
        }
        return (x.Float64s($"{file}/x"), y.Float64s($"{file}/y"));
    }

    /// <summary>Checks <paramref name="testSplit"/> as Keras does (0 &lt;= testSplit &lt; 1).</summary>
    internal static void CheckTestSplit(double testSplit)
    {
        if (!(testSplit is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testSplit), testSplit,
                $"Invalid `testSplit` argument: {testSplit}. It must be between 0 and 1 (exclusive of 1).");
        }
    }

    /// <summary>Shuffles the first <paramref name="count"/> samples and splits them.</summary>
    /// <param name="x">The flat samples.</param>
    /// <param name="y">The targets.</param>
    /// <param name="count">How many leading samples to use.</param>
    /// <param name="testSplit">The test fraction.</param>
    /// <param name="seed">numpy's <c>RandomState</c> seed.</param>
    /// <returns>Fresh arrays.</returns>
    internal static ((double[,] X, double[] Y) Train, (double[,] X, double[] Y) Test) Split(
        double[] x, double[] y, int count, double testSplit, int seed)
    {
        int features = y.Length == 0 ? 0 : x.Length / y.Length;
        int[] indices = new NumpyRandomState(WordSequences.Seed(seed)).Permutation(count);
        int cut = (int)(count * (1 - testSplit));
        return (Rows(x, y, features, indices[..cut]), Rows(x, y, features, indices[cut..]));
    }

    private static (double[,] X, double[] Y) Rows(double[] x, double[] y, int features, int[] rows)
    {
        var xs = new double[rows.Length, features];
        var ys = new double[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            for (int j = 0; j < features; j++)
            {
                xs[i, j] = x[rows[i] * features + j];
            }
            ys[i] = y[rows[i]];
        }
        return (xs, ys);
    }
}
