using System.Text.Json.Nodes;
using Keras.Datasets;

namespace Keras.Tests.Datasets;

public sealed class HousingTests : IDisposable
{
    private readonly DatasetTestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void BostonHousing_MatchesKerasShuffleAndSplit(int index)
    {
        JsonObject c = DatasetFixtures.Expected["boston"]![index]!.AsObject();
        using TestFileServer server = DatasetFixtures.Serve("boston_housing.npz");

        var ((xTrain, yTrain), (xTest, yTest)) = BostonHousing.LoadData((double)c["args"]!["test_split"]!,
            (int)c["args"]!["seed"]!, "boston_housing.npz", _env.Sources(server.BaseUrl),
            DatasetFixtures.Sha256("boston_housing.npz"));

        Assert.Equal("float64", (string)c["x_dtype"]!);
        Assert.Equal(13, xTrain.GetLength(1));
        Assert.Equal(c["x_train"]!.AsArray().Count, xTrain.GetLength(0));
        Assert.Equal(DatasetFixtures.Flatten(c["x_train"]), DatasetFixtures.Flatten(xTrain));
        Assert.Equal(DatasetFixtures.Doubles(c["y_train"]), yTrain);
        Assert.Equal(DatasetFixtures.Flatten(c["x_test"]), DatasetFixtures.Flatten(xTest));
        Assert.Equal(DatasetFixtures.Doubles(c["y_test"]), yTest);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 12)]
    public void CaliforniaHousing_MatchesKerasForEachVersion(int index, int smallCount)
    {
        JsonObject c = DatasetFixtures.Expected["california"]![index]!.AsObject();
        using TestFileServer server = DatasetFixtures.Serve("california_housing.npz");

        var ((xTrain, yTrain), (xTest, yTest)) = CaliforniaHousing.LoadData((string)c["args"]!["version"]!,
            (double)c["args"]!["test_split"]!, 113, "california_housing.npz", _env.Sources(server.BaseUrl),
            DatasetFixtures.Sha256("california_housing.npz"), smallCount);

        Assert.Equal("float32", (string)c["x_dtype"]!);
        Assert.Equal(8, xTrain.GetLength(1));
        Assert.Equal(DatasetFixtures.Flatten(c["x_train"]), DatasetFixtures.Flatten(xTrain));
        Assert.Equal(DatasetFixtures.Doubles(c["y_train"]), yTrain);
        Assert.Equal(DatasetFixtures.Flatten(c["x_test"]), DatasetFixtures.Flatten(xTest));
        Assert.Equal(DatasetFixtures.Doubles(c["y_test"]), yTest);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    public void TestSplitOutsideZeroToOne_IsRejected(double testSplit)
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => BostonHousing.LoadData(testSplit, 113, "boston_housing.npz", _env.Sources(), null));
        Assert.Throws<ArgumentOutOfRangeException>(() => CaliforniaHousing.LoadData(
            "large", testSplit, 113, "california_housing.npz", _env.Sources(), null, 600));
    }

    [Fact]
    public void CaliforniaHousing_UnknownVersion_IsRejectedLikeKeras()
    {
        var e = Assert.Throws<ArgumentException>(() => CaliforniaHousing.LoadData(
            "medium", 0.2, 113, "california_housing.npz", _env.Sources(), null, 600));

        Assert.Contains("Received: version=medium", e.Message);
    }
}
