namespace Keras.Tests.Datasets;

/// <summary>A generated, tiny Fashion-MNIST: the four gzip'd IDX files plus their decompressed hashes.</summary>
internal sealed class FashionMnistFixture
{
    internal const string TrainImages = "train-images-idx3-ubyte.gz";
    internal const string TrainLabels = "train-labels-idx1-ubyte.gz";
    internal const string TestImages = "t10k-images-idx3-ubyte.gz";
    internal const string TestLabels = "t10k-labels-idx1-ubyte.gz";

    internal FashionMnistFixture(int train, int test, int seed)
    {
        XTrain = DatasetTestFiles.Bytes(train * 6, seed);
        YTrain = DatasetTestFiles.Bytes(train, seed + 1, 10);
        XTest = DatasetTestFiles.Bytes(test * 6, seed + 2);
        YTest = DatasetTestFiles.Bytes(test, seed + 3, 10);
        Add(TrainImages, DatasetTestFiles.Idx(2051, [train, 2, 3], XTrain));
        Add(TrainLabels, DatasetTestFiles.Idx(2049, [train], YTrain));
        Add(TestImages, DatasetTestFiles.Idx(2051, [test, 2, 3], XTest));
        Add(TestLabels, DatasetTestFiles.Idx(2049, [test], YTest));
    }

    internal byte[] XTrain { get; }

    internal byte[] YTrain { get; }

    internal byte[] XTest { get; }

    internal byte[] YTest { get; }

    /// <summary>The gzip'd files by name.</summary>
    internal Dictionary<string, byte[]> Files { get; } = [];

    /// <summary>The SHA-256 of each file's decompressed contents by name.</summary>
    internal Dictionary<string, string> ContentSha256 { get; } = [];

    internal void WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach ((string name, byte[] bytes) in Files)
        {
            File.WriteAllBytes(Path.Combine(directory, name), bytes);
        }
    }

    internal static byte[] Flatten(byte[,,] images)
    {
        var flat = new byte[images.Length];
        Buffer.BlockCopy(images, 0, flat, 0, flat.Length);
        return flat;
    }

    private void Add(string name, byte[] raw)
    {
        Files[name] = DatasetTestFiles.Gzip(raw);
        ContentSha256[name] = DatasetTestFiles.Sha256(raw);
    }
}
