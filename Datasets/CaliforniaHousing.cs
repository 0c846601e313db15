namespace Keras.Datasets;

/// <summary>The California Housing regression dataset (<c>keras.datasets.california_housing</c>): 20,640 census
/// block groups of 1990 with 8 features (median income, house age, average rooms and bedrooms, population, average
/// occupancy, latitude, longitude) and the median house value in dollars as target.</summary>
/// <remarks>The file is Keras' <c>california_housing.npz</c>, cached under <c>&lt;cache&gt;/datasets/</c> and
/// checked against Keras' SHA-256. Values are returned as float64 (a float32 file widens exactly).</remarks>
/// <example><code>
/// var ((xTrain, yTrain), (xTest, yTest)) = CaliforniaHousing.LoadData(version: "small");
/// // xTrain: double[480, 8]; yTrain: double[480]; xTest: double[120, 8].
/// </code></example>
public static class CaliforniaHousing
{
    /// <summary>Keras' SHA-256 of <c>california_housing.npz</c>.</summary>
    internal const string Sha256 = "1a2e3a52e0398de6463aebe6f4a8da34fb21fbb6b934cf88c3425e766f2a1a6f";

    /// <summary>The number of leading samples the <c>"small"</c> version keeps.</summary>
    internal const int SmallCount = 600;

    /// <summary>Loads California Housing, downloading the file into the Keras cache on first use.</summary>
    /// <param name="version"><c>"large"</c> for all 20,640 samples or <c>"small"</c> for the first 600 (a stand-in
    /// for Boston Housing). Defaults to <c>"large"</c>.</param>
    /// <param name="testSplit">The fraction of samples kept for testing, in [0, 1). Defaults to 0.2.</param>
    /// <param name="seed">The numpy <c>RandomState</c> seed of the shuffle before the split. Defaults to 113.</param>
    /// <param name="path">Where to cache the file, relative to <c>&lt;cache&gt;/datasets/</c>. Defaults to
    /// <c>"california_housing.npz"</c>.</param>
    /// <returns>Fresh arrays: X of shape (N, 8) and Y of length N for each split.</returns>
    /// <exception cref="ArgumentException"><paramref name="version"/> is neither <c>"large"</c> nor
    /// <c>"small"</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testSplit"/> is outside [0, 1).</exception>
    /// <exception cref="DatasetNotAvailableException">No valid cached copy and the download failed.</exception>
    /// <exception cref="InvalidDataException">The downloaded file's hash or contents are wrong.</exception>
    public static ((double[,] X, double[] Y) Train, (double[,] X, double[] Y) Test) LoadData(
        string version = "large", double testSplit = 0.2, int seed = 113, string path = "california_housing.npz") =>
        LoadData(version, testSplit, seed, path, DatasetSources.FromEnvironment(), Sha256, SmallCount);

    /// <summary>Loads California Housing from the given sources, checking the file against
    /// <paramref name="hash"/>; the small version keeps <paramref name="smallCount"/> samples.</summary>
    internal static ((double[,] X, double[] Y) Train, (double[,] X, double[] Y) Test) LoadData(string version,
        double testSplit, int seed, string path, DatasetSources sources, string? hash, int smallCount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        HousingSplit.CheckTestSplit(testSplit);
        if (version is not ("large" or "small"))
        {
            throw new ArgumentException(
                $"Argument `version` must be one of 'small', 'large'. Received: version={version}", nameof(version));
        }
        var spec = new DatasetFileSpec(path, sources.OriginBase + "california_housing.npz", hash);
        var (x, y) = DatasetFile.Load(spec, sources, file => HousingSplit.Read(file, features: 8));
        int count = version == "small" ? Math.Min(smallCount, y.Length) : y.Length;
        return HousingSplit.Split(x, y, count, testSplit, seed);
    }
}
