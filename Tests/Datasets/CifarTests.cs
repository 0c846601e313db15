using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Keras.Datasets;

namespace Keras.Tests.Datasets;

public sealed class CifarTests : IDisposable
{
    private readonly DatasetTestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    [Fact]
    public void Cifar10_MatchesKerasLoaderOnTheFixtureArchive()
    {
        JsonNode expected = DatasetFixtures.Expected["cifar10"]!;
        using TestFileServer server = DatasetFixtures.Serve("cifar-10-python.tar.gz");

        var ((xTrain, yTrain), (xTest, yTest)) =
            Cifar10.LoadData(_env.Sources(server.BaseUrl), DatasetFixtures.Sha256("cifar-10-python.tar.gz"));

        Assert.Equal(DatasetFixtures.Ints(expected["x_train_shape"]), Dimensions(xTrain));
        Assert.Equal(DatasetFixtures.Ints(expected["x_test_shape"]), Dimensions(xTest));
        Assert.Equal((string)expected["x_train_sha256"]!, Sha256(xTrain));
        Assert.Equal((string)expected["x_test_sha256"]!, Sha256(xTest));
        Assert.Equal(DatasetFixtures.Ints(expected["x_train_first_pixels"]![0]),
            new[] { (int)xTrain[0, 0, 0, 0], xTrain[0, 0, 0, 1], xTrain[0, 0, 0, 2] });
        Assert.Equal("uint8", (string)expected["y_dtype"]!);
        Assert.Equal([yTrain.GetLength(0), 1], [yTrain.GetLength(0), yTrain.GetLength(1)]);
        Assert.Equal(DatasetFixtures.Ints(expected["y_train"]), yTrain.Cast<byte>().Select(b => (int)b));
        Assert.Equal(DatasetFixtures.Ints(expected["y_test"]), yTest.Cast<byte>().Select(b => (int)b));
        Assert.Equal([Path.Combine(_env.CacheDatasets, Cifar10.CacheName)],
            DatasetTestEnvironment.FilesUnder(_env.CacheRoot));
    }

    [Theory]
    [InlineData("fine")]
    [InlineData("coarse")]
    public void Cifar100_MatchesKerasLoaderForEachLabelMode(string labelMode)
    {
        JsonNode expected = DatasetFixtures.Expected[$"cifar100_{labelMode}"]!;
        using TestFileServer server = DatasetFixtures.Serve("cifar-100-python.tar.gz");

        var ((xTrain, yTrain), (xTest, yTest)) = Cifar100.LoadData(
            labelMode, _env.Sources(server.BaseUrl), DatasetFixtures.Sha256("cifar-100-python.tar.gz"));

        Assert.Equal(DatasetFixtures.Ints(expected["x_train_shape"]), Dimensions(xTrain));
        Assert.Equal((string)expected["x_train_sha256"]!, Sha256(xTrain));
        Assert.Equal((string)expected["x_test_sha256"]!, Sha256(xTest));
        Assert.Equal("int64", (string)expected["y_dtype"]!);
        Assert.Equal(1, yTrain.GetLength(1));
        Assert.Equal(DatasetFixtures.Ints(expected["y_train"]), yTrain.Cast<long>().Select(v => (int)v));
        Assert.Equal(DatasetFixtures.Ints(expected["y_test"]), yTest.Cast<long>().Select(v => (int)v));
        Assert.True(File.Exists(Path.Combine(_env.CacheDatasets, Cifar100.CacheName)));
    }

    [Fact]
    public void Cifar100_UnknownLabelMode_IsRejectedLikeKeras()
    {
        var e = Assert.Throws<ArgumentException>(() => Cifar100.LoadData("medium", _env.Sources(), null));

        Assert.Contains("Received: labelMode=medium", e.Message);
    }

    [Fact]
    public void Cifar10_ReusesAnArchiveCachedByPythonKeras()
    {
        Directory.CreateDirectory(_env.CacheDatasets);
        File.WriteAllBytes(Path.Combine(_env.CacheDatasets, "cifar-10-batches-py-target_archive"),
            DatasetFixtures.Bytes("cifar-10-python.tar.gz"));

        var (_, (_, yTest)) = Cifar10.LoadData(_env.Sources(), DatasetFixtures.Sha256("cifar-10-python.tar.gz"));

        Assert.Equal(DatasetFixtures.Ints(DatasetFixtures.Expected["cifar10"]!["y_test"]),
            yTest.Cast<byte>().Select(b => (int)b));
    }

    [Fact]
    public void Cifar100_ReusesAnArchiveCachedByTfKeras()
    {
        Directory.CreateDirectory(_env.CacheDatasets);
        File.WriteAllBytes(Path.Combine(_env.CacheDatasets, "cifar-100-python.tar.gz"),
            DatasetFixtures.Bytes("cifar-100-python.tar.gz"));

        var (_, (_, yTest)) =
            Cifar100.LoadData("coarse", _env.Sources(), DatasetFixtures.Sha256("cifar-100-python.tar.gz"));

        Assert.Equal(DatasetFixtures.Ints(DatasetFixtures.Expected["cifar100_coarse"]!["y_test"]),
            yTest.Cast<long>().Select(v => (int)v));
    }

    [Fact]
    public void Cifar10_PickleCallingOsSystem_IsRefusedAndDeleted()
    {
        using TestFileServer server = DatasetFixtures.Serve("cifar-10-python.tar.gz=malicious-cifar-10-python.tar.gz");

        var e = Assert.Throws<InvalidDataException>(() => Cifar10.LoadData(_env.Sources(server.BaseUrl), null));

        Assert.Contains("Refusing to deserialize `os.system`", e.Message);
        Assert.Contains("cifar-10-batches-py/data_batch_1", e.Message);
        Assert.Empty(DatasetTestEnvironment.FilesUnder(_env.CacheRoot));
    }

    [Fact]
    public void Cifar10_ServerDown_ThrowsNotAvailableNamingTheOriginAndCache()
    {
        DatasetSources sources = _env.Sources();

        var e = Assert.Throws<DatasetNotAvailableException>(() => Cifar10.LoadData(sources, Cifar10.Sha256));

        Assert.Equal(sources.CifarBase + "cifar-10-python.tar.gz", e.Origin);
        Assert.Contains(Path.Combine(_env.CacheDatasets, Cifar10.CacheName), e.Message);
        Assert.IsAssignableFrom<HttpRequestException>(e.InnerException);
        Assert.Empty(DatasetTestEnvironment.FilesUnder(_env.CacheRoot));
    }

    private static int[] Dimensions(Array a) => Enumerable.Range(0, a.Rank).Select(a.GetLength).ToArray();

    private static string Sha256(byte[,,,] x) =>
        Convert.ToHexStringLower(SHA256.HashData(x.Cast<byte>().ToArray()));
}
