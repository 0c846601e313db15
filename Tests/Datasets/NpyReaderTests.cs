using Keras.Datasets;

namespace Keras.Tests.Datasets;

public sealed class NpyReaderTests : IDisposable
{
    private readonly DatasetTestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ReadUInt8_ReadsEachHeaderVersion(int version)
    {
        byte[] data = DatasetTestFiles.Bytes(24, seed: version);
        byte[] npy = DatasetTestFiles.Npy("|u1", [2, 3, 4], data, version: version);

        (int[] shape, byte[] read) = NpyReader.ReadUInt8(new MemoryStream(npy), "a.npy", npy.Length);

        Assert.Equal([2, 3, 4], shape);
        Assert.Equal(data, read);
    }

    [Fact]
    public void ReadUInt8_ReadsOneDimensionalShape()
    {
        byte[] npy = DatasetTestFiles.Npy("|u1", [5], [1, 2, 3, 4, 5]);

        (int[] shape, byte[] read) = NpyReader.ReadUInt8(new MemoryStream(npy), "y.npy");

        Assert.Equal([5], shape);
        Assert.Equal([1, 2, 3, 4, 5], read);
    }

    [Fact]
    public void ReadUInt8_ObjectArray_IsRejectedWithoutUnpickling()
    {
        byte[] pickle = [0x80, 0x02, (byte)'c', (byte)'o', (byte)'s', 0x2e];
        byte[] npy = DatasetTestFiles.Npy("|O", [1], pickle);

        var e = Assert.Throws<InvalidDataException>(() => NpyReader.ReadUInt8(new MemoryStream(npy), "x_train.npy"));

        Assert.Contains("'|O'", e.Message);
        Assert.Contains("pickle", e.Message);
        Assert.Contains("x_train.npy", e.Message);
    }

    [Theory]
    [InlineData("<i8")]
    [InlineData("<f4")]
    [InlineData("|b1")]
    public void ReadUInt8_OtherDtypes_AreRejected(string descr)
    {
        byte[] npy = DatasetTestFiles.Npy(descr, [1], new byte[8]);

        var e = Assert.Throws<InvalidDataException>(() => NpyReader.ReadUInt8(new MemoryStream(npy), "a.npy"));

        Assert.Contains(descr, e.Message);
    }

    [Fact]
    public void ReadUInt8_FortranOrder_IsRejected()
    {
        byte[] npy = DatasetTestFiles.Npy("|u1", [2, 2], new byte[4], fortranOrder: true);

        var e = Assert.Throws<InvalidDataException>(() => NpyReader.ReadUInt8(new MemoryStream(npy), "a.npy"));

        Assert.Contains("Fortran", e.Message);
    }

    [Theory]
    [InlineData("{'descr': '|u1', 'fortran_order': False, 'shape': __import__('os'), }")]
    [InlineData("{'descr': '|u1', 'fortran_order': False, 'shape': (2,), 'extra': 1}")]
    [InlineData("{'descr': '|u1', 'shape': (2,), }")]
    [InlineData("{'descr': [('a', '|u1')], 'fortran_order': False, 'shape': (2,), }")]
    [InlineData("{'descr': '|u1', 'fortran_order': 0, 'shape': (2,), }")]
    public void ReadUInt8_HeadersNumpyDoesNotWrite_AreRejected(string header)
    {
        byte[] npy = DatasetTestFiles.NpyWithHeader(header, [1, 2]);

        Assert.Throws<InvalidDataException>(() => NpyReader.ReadUInt8(new MemoryStream(npy), "a.npy"));
    }

    [Fact]
    public void ReadUInt8_BadMagic_IsRejected()
    {
        byte[] npy = DatasetTestFiles.Npy("|u1", [2], [1, 2]);
        npy[1] = (byte)'X';

        var e = Assert.Throws<InvalidDataException>(() => NpyReader.ReadUInt8(new MemoryStream(npy), "a.npy"));

        Assert.Contains("magic", e.Message);
    }

    [Fact]
    public void ReadUInt8_TruncatedOrLongerData_IsRejected()
    {
        byte[] npy = DatasetTestFiles.Npy("|u1", [4], [1, 2, 3, 4]);

        Assert.Throws<InvalidDataException>(() => NpyReader.ReadUInt8(new MemoryStream(npy[..^1]), "a.npy"));
        Assert.Throws<InvalidDataException>(() => NpyReader.ReadUInt8(new MemoryStream([.. npy, 5]), "a.npy"));
        Assert.Throws<InvalidDataException>(
            () => NpyReader.ReadUInt8(new MemoryStream(npy), "a.npy", npy.Length + 1));
    }

    [Fact]
    public void Npz_ReadsMembersAndNamesMissingOnes()
    {
        var (npz, xTrain, _, _, yTest) = DatasetTestFiles.MnistNpz(train: 3, test: 2, seed: 7);
        string path = Path.Combine(_env.Root, "m.npz");
        File.WriteAllBytes(path, npz);

        using NpzArchive archive = NpzArchive.Open(path);

        Assert.Equal(xTrain, archive.ReadUInt8("x_train").Data);
        Assert.Equal([2], archive.ReadUInt8("y_test").Shape);
        Assert.Equal(yTest, archive.ReadUInt8("y_test").Data);
        var e = Assert.Throws<InvalidDataException>(() => archive.ReadUInt8("x_valid"));
        Assert.Contains("x_valid", e.Message);
        Assert.Contains("x_train", e.Message);
    }

    [Fact]
    public void Npz_ObjectMember_IsRejectedNamingTheArchive()
    {
        string path = Path.Combine(_env.Root, "imdb.npz");
        File.WriteAllBytes(path, DatasetTestFiles.Npz(("x_train", DatasetTestFiles.Npy("|O", [1], [0x80, 0x02]))));

        using NpzArchive archive = NpzArchive.Open(path);
        var e = Assert.Throws<InvalidDataException>(() => archive.ReadUInt8("x_train"));

        Assert.Contains("'|O'", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Npz_NotAZip_IsRejectedNamingTheFile()
    {
        string path = Path.Combine(_env.Root, "broken.npz");
        File.WriteAllBytes(path, [1, 2, 3, 4]);

        var e = Assert.Throws<InvalidDataException>(() => NpzArchive.Open(path));

        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void MnistLoadData_ReadsACachedNpz()
    {
        var (npz, xTrain, yTrain, xTest, yTest) = DatasetTestFiles.MnistNpz(train: 5, test: 3, seed: 11);
        Directory.CreateDirectory(_env.CacheDatasets);
        File.WriteAllBytes(Path.Combine(_env.CacheDatasets, "mnist.npz"), npz);

        var ((x, y), (xt, yt)) = Mnist.LoadData("mnist.npz", _env.Sources(), DatasetTestFiles.Sha256(npz));

        Assert.Equal([5, 4, 3], new[] { x.GetLength(0), x.GetLength(1), x.GetLength(2) });
        Assert.Equal(xTrain, FashionMnistFixture.Flatten(x));
        Assert.Equal(yTrain, y);
        Assert.Equal(xTest, FashionMnistFixture.Flatten(xt));
        Assert.Equal(yTest, yt);
    }
}
