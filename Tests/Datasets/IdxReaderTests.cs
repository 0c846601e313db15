using Keras.Datasets;

namespace Keras.Tests.Datasets;

public sealed class IdxReaderTests : IDisposable
{
    private readonly DatasetTestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    [Fact]
    public void ReadImages_ReturnsRowMajorImagesAndContentHash()
    {
        byte[] pixels = DatasetTestFiles.Bytes(5 * 4 * 3, seed: 1);
        byte[] raw = DatasetTestFiles.Idx(2051, [5, 4, 3], pixels);
        string path = Write("images.gz", DatasetTestFiles.Gzip(raw));

        (byte[,,] images, string sha256) = IdxReader.ReadImages(path);

        Assert.Equal([5, 4, 3], new[] { images.GetLength(0), images.GetLength(1), images.GetLength(2) });
        Assert.Equal(pixels[(2 * 4 + 1) * 3 + 2], images[2, 1, 2]);
        Assert.Equal(pixels, FashionMnistFixture.Flatten(images));
        Assert.Equal(DatasetTestFiles.Sha256(raw), sha256);
    }

    [Fact]
    public void ReadLabels_ReturnsLabelsAndContentHash()
    {
        byte[] labels = DatasetTestFiles.Bytes(7, seed: 2, modulo: 10);
        byte[] raw = DatasetTestFiles.Idx(2049, [7], labels);
        string path = Write("labels.gz", DatasetTestFiles.Gzip(raw));

        (byte[] read, string sha256) = IdxReader.ReadLabels(path);

        Assert.Equal(labels, read);
        Assert.Equal(DatasetTestFiles.Sha256(raw), sha256);
    }

    [Fact]
    public void ReadImages_CorruptMagic_NamesTheFileAndTheExpectedMagic()
    {
        string path = Write("bad-images.gz", DatasetTestFiles.Gzip(DatasetTestFiles.Idx(1234, [1, 1, 1], [7])));

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));

        Assert.Contains("bad-images.gz", e.Message);
        Assert.Contains("1234", e.Message);
        Assert.Contains("2051", e.Message);
    }

    [Fact]
    public void ReadImages_OfALabelsFile_IsRejected()
    {
        string path = Write("labels.gz", DatasetTestFiles.Gzip(DatasetTestFiles.Idx(2049, [2], [1, 2])));

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));

        Assert.Contains("2049", e.Message);
    }

    [Fact]
    public void ReadImages_TruncatedData_IsRejected()
    {
        string path = Write("short.gz", DatasetTestFiles.Gzip(DatasetTestFiles.Idx(2051, [3, 2, 2], new byte[11])));

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));

        Assert.Contains("short.gz", e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void ReadLabels_TrailingData_IsRejected()
    {
        string path = Write("long.gz", DatasetTestFiles.Gzip(DatasetTestFiles.Idx(2049, [2], [1, 2, 3])));

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(path));

        Assert.Contains("long.gz", e.Message);
    }

    [Fact]
    public void ReadLabels_NegativeCount_IsRejected()
    {
        string path = Write("negative.gz", DatasetTestFiles.Gzip(DatasetTestFiles.Idx(2049, [-1], [])));

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(path));

        Assert.Contains("negative", e.Message);
    }

    [Fact]
    public void ReadLabels_NotGzip_NamesTheFile()
    {
        string path = Write("plain.gz", DatasetTestFiles.Idx(2049, [2], [1, 2]));

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(path));

        Assert.Contains("plain.gz", e.Message);
    }

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_env.Root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
