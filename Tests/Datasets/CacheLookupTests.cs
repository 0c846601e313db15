using Keras.Datasets;

namespace Keras.Tests.Datasets;

public sealed class CacheLookupTests : IDisposable
{
    private readonly DatasetTestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    [Fact]
    public void ResolveRoot_PrefersKerasHome()
    {
        Assert.Equal(Path.GetFullPath("/data/keras"), KerasCache.ResolveRoot("/data/keras", "/home/ada"));
    }

    [Fact]
    public void ResolveRoot_ExpandsTildeInKerasHome()
    {
        Assert.Equal(Path.GetFullPath("/home/ada/k"), KerasCache.ResolveRoot("~/k", "/home/ada"));
    }

    [Fact]
    public void ResolveRoot_DefaultsToDotKerasInHome()
    {
        Assert.Equal(Path.Combine("/home/ada", ".keras"), KerasCache.ResolveRoot(null, "/home/ada"));
        Assert.Equal(Path.Combine("/home/ada", ".keras"), KerasCache.ResolveRoot("", "/home/ada"));
    }

    [Fact]
    public void ResolveRoot_WithoutHome_FallsBackToTmpKeras()
    {
        Assert.Equal(KerasCache.FallbackRoot(), KerasCache.ResolveRoot(null, null));
        Assert.EndsWith(".keras", KerasCache.FallbackRoot());
    }

    [Fact]
    public void FashionMnist_UsesTheSystemCopyWhenTheCacheIsEmpty()
    {
        var data = new FashionMnistFixture(train: 4, test: 2, seed: 1);
        data.WriteTo(Path.Combine(_env.SystemRoot, "fashion-mnist"));

        var ((x, y), (xt, yt)) = FashionMnist.LoadData(_env.Sources(), data.ContentSha256);

        Assert.Equal(data.XTrain, FashionMnistFixture.Flatten(x));
        Assert.Equal(data.YTrain, y);
        Assert.Equal(data.XTest, FashionMnistFixture.Flatten(xt));
        Assert.Equal(data.YTest, yt);
        Assert.Empty(DatasetTestEnvironment.FilesUnder(_env.CacheRoot));
    }

    [Fact]
    public void FashionMnist_PrefersTheCacheOverTheSystemCopy()
    {
        var cached = new FashionMnistFixture(train: 3, test: 2, seed: 10);
        var system = new FashionMnistFixture(train: 5, test: 1, seed: 20);
        cached.WriteTo(Path.Combine(_env.CacheDatasets, "fashion-mnist"));
        system.WriteTo(Path.Combine(_env.SystemRoot, "fashion-mnist"));

        var ((x, y), _) = FashionMnist.LoadData(_env.Sources(), contentSha256: null);

        Assert.Equal(cached.XTrain, FashionMnistFixture.Flatten(x));
        Assert.Equal(cached.YTrain, y);
    }

    [Fact]
    public void FashionMnist_FindsTheFallbackCache()
    {
        var data = new FashionMnistFixture(train: 2, test: 2, seed: 30);
        data.WriteTo(Path.Combine(_env.FallbackDatasets, "fashion-mnist"));

        var ((_, y), _) = FashionMnist.LoadData(_env.Sources(), data.ContentSha256);

        Assert.Equal(data.YTrain, y);
    }

    [Fact]
    public void FashionMnist_SkipsACachedCopyWhoseContentHashDiffers()
    {
        var good = new FashionMnistFixture(train: 3, test: 2, seed: 40);
        var stale = new FashionMnistFixture(train: 3, test: 2, seed: 50);
        stale.WriteTo(Path.Combine(_env.CacheDatasets, "fashion-mnist"));
        good.WriteTo(Path.Combine(_env.SystemRoot, "fashion-mnist"));

        var ((x, _), _) = FashionMnist.LoadData(_env.Sources(), good.ContentSha256);

        Assert.Equal(good.XTrain, FashionMnistFixture.Flatten(x));
    }

    [Fact]
    public void FashionMnist_NoValidCopyAndOffline_ListsEveryPlaceAndTheUrl()
    {
        var expected = new FashionMnistFixture(train: 3, test: 2, seed: 60);
        new FashionMnistFixture(train: 3, test: 2, seed: 70).WriteTo(Path.Combine(_env.SystemRoot, "fashion-mnist"));
        var sources = _env.Sources();

        var e = Assert.Throws<DatasetNotAvailableException>(
            () => FashionMnist.LoadData(sources, expected.ContentSha256));

        string name = FashionMnistFixture.TrainLabels;
        string[] places =
        [
            Path.Combine(_env.CacheDatasets, "fashion-mnist", name),
            Path.Combine(_env.FallbackDatasets, "fashion-mnist", name),
            Path.Combine(_env.SystemRoot, "fashion-mnist", name),
        ];
        Assert.Equal(places, e.SearchedLocations);
        Assert.All(places, p => Assert.Contains(p, e.Message));
        Assert.Equal(sources.OriginBase + name, e.Origin);
        Assert.Contains(sources.OriginBase + name, e.Message);
        Assert.Contains("does not match", e.Message);
        Assert.Contains("dataset-fashion-mnist", e.Message);
        Assert.NotNull(e.InnerException);
        Assert.Empty(DatasetTestEnvironment.FilesUnder(_env.CacheRoot));
    }

    [Fact]
    public void FashionMnist_ImagesAndLabelsOfDifferentLengths_AreRejected()
    {
        var data = new FashionMnistFixture(train: 3, test: 2, seed: 80);
        string folder = Path.Combine(_env.SystemRoot, "fashion-mnist");
        data.WriteTo(folder);
        File.WriteAllBytes(Path.Combine(folder, FashionMnistFixture.TrainLabels),
            DatasetTestFiles.Gzip(DatasetTestFiles.Idx(2049, [2], [1, 2])));

        var e = Assert.Throws<InvalidDataException>(() => FashionMnist.LoadData(_env.Sources(), contentSha256: null));

        Assert.Contains("3 images but 2 labels", e.Message);
    }
}
