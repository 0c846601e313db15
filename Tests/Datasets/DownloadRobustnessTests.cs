using Keras.Datasets;

namespace Keras.Tests.Datasets;

public sealed class DownloadRobustnessTests : IDisposable
{
    private const string File_ = "imdb.npz";
    private readonly DatasetTestEnvironment _env = new();
    private readonly byte[] _bytes = DatasetFixtures.Bytes(File_);

    public void Dispose() => _env.Dispose();

    private string Cached => Path.Combine(_env.CacheDatasets, File_);

    private string Part => Cached + ".part";

    [Fact]
    public void TruncatedTransfer_ThrowsNamingTheCut_AndLeavesNoCachedFile()
    {
        using TestFileServer server = DatasetFixtures.Serve(File_);
        server.TruncateNext(1);

        var e = Assert.Throws<DatasetNotAvailableException>(() => Load(server));

        Assert.Contains($"broke off after {_bytes.Length / 2} of {_bytes.Length} bytes", e.Message);
        Assert.Contains(Part, e.Message);
        Assert.False(File.Exists(Cached));
        Assert.Equal(_bytes[..(_bytes.Length / 2)], File.ReadAllBytes(Part));
    }

    [Fact]
    public void PartialDownload_IsResumedWithARangeRequest()
    {
        using TestFileServer server = DatasetFixtures.Serve(File_);
        server.TruncateNext(1);
        Assert.Throws<DatasetNotAvailableException>(() => Load(server));

        var ((x, _), _) = Load(server);

        Assert.Equal([null, $"bytes={_bytes.Length / 2}-"], server.Ranges);
        Assert.Contains($"Resuming after the {_bytes.Length / 2} bytes", _env.Progress.ToString());
        Assert.Equal(40, x.Length);
        Assert.Equal(_bytes, File.ReadAllBytes(Cached));
        Assert.False(File.Exists(Part));
    }

    [Fact]
    public void PartialDownload_WhenTheServerIgnoresRanges_StartsOver()
    {
        using TestFileServer server = DatasetFixtures.Serve(File_);
        server.SupportsRange = false;
        server.TruncateNext(1);
        Assert.Throws<DatasetNotAvailableException>(() => Load(server));

        Load(server);

        Assert.Equal(2, server.Requests);
        Assert.DoesNotContain("Resuming", _env.Progress.ToString());
        Assert.Equal(_bytes, File.ReadAllBytes(Cached));
    }

    [Fact]
    public void StalePartialWithWrongBytes_FailsTheHashAndIsDownloadedAgainFromTheStart()
    {
        Directory.CreateDirectory(_env.CacheDatasets);
        File.WriteAllBytes(Part, new byte[100]);
        using TestFileServer server = DatasetFixtures.Serve(File_);

        Load(server);

        Assert.Equal(["bytes=100-", null], server.Ranges);
        Assert.Contains("wrong hash; downloading it again from the start", _env.Progress.ToString());
        Assert.Equal(_bytes, File.ReadAllBytes(Cached));
    }

    [Fact]
    public void PartialLongerThanTheFile_GetsRangeNotSatisfiable_AndStartsOver()
    {
        Directory.CreateDirectory(_env.CacheDatasets);
        File.WriteAllBytes(Part, new byte[_bytes.Length + 10]);
        using TestFileServer server = DatasetFixtures.Serve(File_);

        Load(server);

        Assert.Equal([$"bytes={_bytes.Length + 10}-", null], server.Ranges);
        Assert.Equal(_bytes, File.ReadAllBytes(Cached));
    }

    [Fact]
    public void CorruptedCachedFile_IsDetectedByItsHashAndFetchedAgain()
    {
        Directory.CreateDirectory(_env.CacheDatasets);
        byte[] corrupted = (byte[])_bytes.Clone();
        corrupted[^20] ^= 0xff;
        File.WriteAllBytes(Cached, corrupted);
        using TestFileServer server = DatasetFixtures.Serve(File_);

        Load(server);

        Assert.Equal(1, server.Requests);
        Assert.Equal(_bytes, File.ReadAllBytes(Cached));
    }

    [Fact]
    public void WrongSha256_ThrowsWithFileAndBothHashes_AndDeletesTheDownload()
    {
        using TestFileServer server = DatasetFixtures.Serve(File_);

        var e = Assert.Throws<InvalidDataException>(() => Imdb.LoadData(
            new SequenceOptions(null, 0, null, 113, 1, 2, 3), File_, _env.Sources(server.BaseUrl), Imdb.Sha256));

        Assert.Contains(File_, e.Message);
        Assert.Contains(Imdb.Sha256, e.Message);
        Assert.Contains(DatasetFixtures.Sha256(File_), e.Message);
        Assert.Empty(DatasetTestEnvironment.FilesUnder(_env.CacheRoot));
    }

    [Fact]
    public void ServerDown_ThrowsNotAvailable_AndLeavesNothing()
    {
        DatasetSources sources = _env.Sources();

        var e = Assert.Throws<DatasetNotAvailableException>(() => Reuters.LoadData(
            new SequenceOptions(null, 0, null, 113, 1, 2, 3), 0.2, "reuters.npz", sources, Reuters.Sha256));

        Assert.Equal(sources.OriginBase + "reuters.npz", e.Origin);
        Assert.Contains(Path.Combine(_env.CacheDatasets, "reuters.npz"), e.Message);
        Assert.Empty(DatasetTestEnvironment.FilesUnder(_env.CacheRoot));
    }

    private ((int[][] X, int[] Y) Train, (int[][] X, int[] Y) Test) Load(TestFileServer server) => Imdb.LoadData(
        new SequenceOptions(null, 0, null, 113, 1, 2, 3), File_, _env.Sources(server.BaseUrl),
        DatasetFixtures.Sha256(File_));
}
