namespace Keras.Datasets;

/// <summary>The Boston Housing regression dataset (<c>keras.datasets.boston_housing</c>): 506 samples of 13
/// attributes of houses around Boston in the 1970s, with the median value in k$ as target.</summary>
/// <remarks>Keras warns that this dataset has an ethical problem (its attribute "B" assumes that racial
/// self-segregation influences house prices) and discourages its use except to illustrate such issues;
/// <see cref="CaliforniaHousing"/> with <c>version: "small"</c> is its suggested replacement. The file is Keras'
/// <c>boston_housing.npz</c> (float64), cached under <c>&lt;cache&gt;/datasets/</c> and checked against Keras'
/// SHA-256.</remarks>
/// <example><code>
/// var ((xTrain, yTrain), (xTest, yTest)) = BostonHousing.LoadData();
/// // xTrain: double[404, 13]; yTrain: double[404]; xTest: double[102, 13].
/// </code></example>
public static class BostonHousing
{
    /// <summary>Keras' SHA-256 of <c>boston_housing.npz</c>.</summary>
    internal const string Sha256 = "f553886a1f8d56431e820c5b82552d9d95cfcb96d1e678153f8839538947dff5";

    /// <summary>Loads Boston Housing, downloading the file into the Keras cache on first use.</summary>
    /// <param name="testSplit">The fraction of samples kept for testing, in [0, 1). Defaults to 0.2.</param>
    /// <param name="seed">The numpy <c>RandomState</c> seed of the shuffle before the split. Defaults to 113.</param>
    /// <param name="path">Where to cache the file, relative to <c>&lt;cache&gt;/datasets/</c>. Defaults to
    /// <c>"boston_housing.npz"</c>.</param>
    /// <returns>Fresh float64 arrays: X of shape (N, 13) and Y of length N for each split.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testSplit"/> is outside [0, 1).</exception>
    /// <exception cref="DatasetNotAvailableException">No valid cached copy and the download failed.</exception>
    /// <exception cref="InvalidDataException">The downloaded file's hash or contents are wrong.</exception>
    public static ((double[,] X, double[] Y) Train, (double[,] X, double[] Y) Test) LoadData(
        double testSplit = 0.2, int seed = 113, string path = "boston_housing.npz") =>
        LoadData(testSplit, seed, path, DatasetSources.FromEnvironment(), Sha256);

    /// <summary>Loads Boston Housing from the given sources, checking the file against
    /// <paramref name="hash"/>.</summary>
    internal static ((double[,] X, double[] Y) Train, (double[,] X, double[] Y) Test) LoadData(
        double testSplit, int seed, string path, DatasetSources sources, string? hash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        HousingSplit.CheckTestSplit(testSplit);
        var spec = new DatasetFileSpec(path, sources.OriginBase + "boston_housing.npz", hash);
        var (x, y) = DatasetFile.Load(spec, sources, file => HousingSplit.Read(file, features: 13));
        return HousingSplit.Split(x, y, y.Length, testSplit, seed);
    }
}
