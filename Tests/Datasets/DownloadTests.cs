using Keras.Datasets;

namespace Keras.Tests.Datasets;

public sealed class DownloadTests : IDisposable
{
    private readonly DatasetTestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    [Fact]
    public void Mnist_DownloadsChecksAndCachesTheFile()
    {
        var (npz, xTrain, yTrain, _, yTest) = DatasetTestFiles.MnistNpz(train: 6, test: 2, seed: 1);
        string sha256 = DatasetTestFiles.Sha256(npz);
        string cached = Path.Combine(_env.CacheDatasets, "mnist.npz");
        using (var server = new TestFileServer(new Dictionary<string, byte[]> { ["mnist.npz"] = npz }))
        {
            var ((x, y), (_, yt)) = Mnist.LoadData("mnist.npz", _env.Sources(server.BaseUrl), sha256);

            Assert.Equal(xTrain, FashionMnistFixture.Flatten(x));
            Assert.Equal(yTrain, y);
            Assert.Equal(yTest, yt);
            Assert.Equal(1, server.Requests);
            Assert.Contains($"Downloading data from {server.BaseUrl}mnist.npz", _env.Progress.ToString());
            Assert.Contains($"{npz.Length}/{npz.Length} bytes", _env.Progress.ToString());
        }
        Assert.Equal([cached], DatasetTestEnvironment.FilesUnder(_env.CacheRoot));
        Assert.Equal(npz, File.ReadAllBytes(cached));

        var ((_, again), _) = Mnist.LoadData("mnist.npz", _env.Sources(), sha256);

        Assert.Equal(yTrain, again);
    }

    [Fact]
    public void Mnist_CachedCopyWithWrongHash_IsDownloadedAgain()
    {
        var (npz, _, yTrain, _, _) = DatasetTestFiles.MnistNpz(train: 4, test: 2, seed: 2);
        string cached = Path.Combine(_env.CacheDatasets, "mnist.npz");
        Directory.CreateDirectory(_env.CacheDatasets);
        File.WriteAllBytes(cached, DatasetTestFiles.MnistNpz(train: 4, test: 2, seed: 3).Npz);
        using var server = new TestFileServer(new Dictionary<string, byte[]> { ["mnist.npz"] = npz });

        var ((_, y), _) = Mnist.LoadData("mnist.npz", _env.Sources(server.BaseUrl), DatasetTestFiles.Sha256(npz));

        Assert.Equal(yTrain, y);
        Assert.Equal(1, server.Requests);
        Assert.Equal(npz, File.ReadAllBytes(cached));
    }

    [Fact]
    public void Mnist_WrongHashAfterDownload_ThrowsAndLeavesNoFile()
    {
        byte[] npz = DatasetTestFiles.MnistNpz(train: 2, test: 1, seed: 4).Npz;
        using var server = new TestFileServer(new Dictionary<string, byte[]> { ["mnist.npz"] = npz });

        var e = Assert.Throws<InvalidDataException>(
            () => Mnist.LoadData("mnist.npz", _env.Sources(server.BaseUrl), Mnist.Sha256));

        Assert.Contains(Mnist.Sha256, e.Message);
        Assert.Contains(DatasetTestFiles.Sha256(npz), e.Message);
        Assert.Empty(DatasetTestEnvironment.FilesUnder(_env.CacheRoot));
    }

    [Fact]
    public void Mnist_Server404_ThrowsNotAvailableListingThePlacesSearched()
    {
        using var server = new TestFileServer(new Dictionary<string, byte[]>());

        var e = Assert.Throws<DatasetNotAvailableException>(
            () => Mnist.LoadData("mnist.npz", _env.Sources(server.BaseUrl), Mnist.Sha256));

        string[] places =
            [Path.Combine(_env.CacheDatasets, "mnist.npz"), Path.Combine(_env.FallbackDatasets, "mnist.npz")];
        Assert.Equal(places, e.SearchedLocations);
        Assert.All(places, p => Assert.Contains(p, e.Message));
        Assert.Equal($"{server.BaseUrl}mnist.npz", e.Origin);
        Assert.Contains($"{server.BaseUrl}mnist.npz", e.Message);
        Assert.Contains("404", e.Message);
        Assert.Empty(DatasetTestEnvironment.FilesUnder(_env.CacheRoot));
    }

    [Fact]
    public void Mnist_Unreachable_ThrowsNotAvailable()
    {
        var sources = _env.Sources();

        var e = Assert.Throws<DatasetNotAvailableException>(() => Mnist.LoadData("mnist.npz", sources, Mnist.Sha256));

        Assert.Contains(sources.OriginBase + "mnist.npz", e.Message);
        Assert.Contains(Path.Combine(_env.CacheDatasets, "mnist.npz"), e.Message);
        Assert.IsAssignableFrom<HttpRequestException>(e.InnerException);
        Assert.Empty(DatasetTestEnvironment.FilesUnder(_env.CacheRoot));
    }

    [Fact]
    public void Mnist_AbsolutePath_IsUsedAsTheCacheFile()
    {
        byte[] npz = DatasetTestFiles.MnistNpz(train: 2, test: 1, seed: 5).Npz;
        string target = Path.Combine(_env.Root, "elsewhere", "my-mnist.npz");
        using var server = new TestFileServer(new Dictionary<string, byte[]> { ["mnist.npz"] = npz });

        Mnist.LoadData(target, _env.Sources(server.BaseUrl), DatasetTestFiles.Sha256(npz));

        Assert.Equal(npz, File.ReadAllBytes(target));
    }

    [Fact]
    public void Download_WhenTheCacheCannotBeWritten_UsesTheFallbackCache()
    {
        byte[] npz = DatasetTestFiles.MnistNpz(train: 2, test: 1, seed: 6).Npz;
        string blocker = Path.Combine(_env.Root, "not-a-folder");
        File.WriteAllText(blocker, "a file where the cache root should be");
        using var server = new TestFileServer(new Dictionary<string, byte[]> { ["mnist.npz"] = npz });

        Mnist.LoadData("mnist.npz", _env.Sources(server.BaseUrl, cacheRoot: blocker), DatasetTestFiles.Sha256(npz));

        Assert.Equal(npz, File.ReadAllBytes(Path.Combine(_env.FallbackDatasets, "mnist.npz")));
    }

    [Fact]
    public void FashionMnist_DownloadsTheMissingFilesIntoTheCache()
    {
        var data = new FashionMnistFixture(train: 4, test: 3, seed: 7);
        string system = Path.Combine(_env.SystemRoot, "fashion-mnist");
        Directory.CreateDirectory(system);
        File.WriteAllBytes(
            Path.Combine(system, FashionMnistFixture.TestLabels), data.Files[FashionMnistFixture.TestLabels]);
        using var server = new TestFileServer(data.Files);

        var ((x, y), (xt, yt)) = FashionMnist.LoadData(_env.Sources(server.BaseUrl), data.ContentSha256);

        Assert.Equal(data.XTrain, FashionMnistFixture.Flatten(x));
        Assert.Equal(data.YTrain, y);
        Assert.Equal(data.XTest, FashionMnistFixture.Flatten(xt));
        Assert.Equal(data.YTest, yt);
        Assert.Equal(3, server.Requests);
        string cache = Path.Combine(_env.CacheDatasets, "fashion-mnist");
        Assert.Equal(
            new[] { FashionMnistFixture.TestImages, FashionMnistFixture.TrainImages, FashionMnistFixture.TrainLabels },
            DatasetTestEnvironment.FilesUnder(cache).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void FashionMnist_CorruptDownload_ThrowsNamingTheFileAndDeletesIt()
    {
        var data = new FashionMnistFixture(train: 2, test: 2, seed: 8);
        data.Files[FashionMnistFixture.TrainLabels] = DatasetTestFiles.Gzip(DatasetTestFiles.Idx(9999, [2], [1, 2]));
        using var server = new TestFileServer(data.Files);

        var e = Assert.Throws<InvalidDataException>(
            () => FashionMnist.LoadData(_env.Sources(server.BaseUrl), contentSha256: null));

        Assert.Contains(FashionMnistFixture.TrainLabels, e.Message);
        Assert.Contains("2049", e.Message);
        Assert.Empty(DatasetTestEnvironment.FilesUnder(_env.CacheRoot));
    }

    [Fact]
    public void FashionMnist_DownloadWithWrongContent_Throws()
    {
        var data = new FashionMnistFixture(train: 2, test: 2, seed: 9);
        var other = new FashionMnistFixture(train: 2, test: 2, seed: 90);
        using var server = new TestFileServer(other.Files);

        var e = Assert.Throws<InvalidDataException>(
            () => FashionMnist.LoadData(_env.Sources(server.BaseUrl), data.ContentSha256));

        Assert.Contains(data.ContentSha256[FashionMnistFixture.TrainLabels], e.Message);
        Assert.Empty(DatasetTestEnvironment.FilesUnder(_env.CacheRoot));
    }
}
