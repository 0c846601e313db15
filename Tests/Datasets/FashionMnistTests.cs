using Keras.Datasets;

namespace Keras.Tests.Datasets;

public sealed class FashionMnistTests : IDisposable
{
    private const string DebianFolder = "/usr/share/datasets/fashion-mnist";

    private readonly DatasetTestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    [Fact]
    public void LoadData_FromTheDebianPackage_MatchesKerasShapesOrElseSaysItIsNotAvailable()
    {
        DatasetSources sources = _env.Sources() with { SystemDatasetsRoot = "/usr/share/datasets" };
        if (!Directory.Exists(DebianFolder))
        {
            Assert.Throws<DatasetNotAvailableException>(
                () => FashionMnist.LoadData(sources, FashionMnist.ContentSha256));
            return;
        }

        var ((xTrain, yTrain), (xTest, yTest)) = FashionMnist.LoadData(sources, FashionMnist.ContentSha256);

        Assert.Equal([60000, 28, 28], new[] { xTrain.GetLength(0), xTrain.GetLength(1), xTrain.GetLength(2) });
        Assert.Equal([10000, 28, 28], new[] { xTest.GetLength(0), xTest.GetLength(1), xTest.GetLength(2) });
        Assert.Equal(60000, yTrain.Length);
        Assert.Equal(10000, yTest.Length);
        Assert.All(yTrain.CountBy(y => y), c => Assert.Equal(6000, c.Value));
        Assert.All(yTest.CountBy(y => y), c => Assert.Equal(1000, c.Value));
        Assert.Equal(Enumerable.Range(0, 10), yTrain.Select(y => (int)y).Distinct().Order());
        Assert.Equal(9, yTrain[0]);
        Assert.Equal(255, xTrain.Cast<byte>().Max());
        Assert.Empty(DatasetTestEnvironment.FilesUnder(_env.CacheRoot));
    }
}
