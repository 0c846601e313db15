using System.IO.Compression;
using System.Text;
using Keras.Layers;
using Keras.Saving;
using Keras.Saving.KerasV3;

namespace Keras.Tests.Saving.KerasV3;

/// <summary>Hostile or broken <c>.keras</c> files end in <see cref="KerasFileException"/> with a clear message, and
/// loading never writes anything to disk.</summary>
public sealed class HostileArchiveTests
{
    private const string MinimalConfig =
        """{"module": "keras", "class_name": "Sequential", "config": {"name": "s", "layers": []}, "registered_name": null}""";

    [Theory]
    [InlineData("../evil.txt", "climbs out")]
    [InlineData("assets/../../evil.txt", "climbs out")]
    [InlineData("/tmp/evil.txt", "absolute path")]
    [InlineData("C:/evil.txt", "absolute path")]
    [InlineData("\\evil.txt", "absolute path")]
    public void UnsafeEntryNames_AreRejected_AndNothingIsWritten(string entryName, string reason)
    {
        using var files = new KerasV3Files();
        string sandbox = Path.Combine(files.Directory, "sandbox");
        Directory.CreateDirectory(sandbox);
        string path = Path.Combine(sandbox, "m.keras");
        WriteZip(path, (entryName, Encoding.UTF8.GetBytes("pwned"), CompressionLevel.NoCompression),
            ("config.json", Encoding.UTF8.GetBytes(MinimalConfig), CompressionLevel.NoCompression));

        var error = Assert.Throws<KerasFileException>(() => Models.LoadModel(path, compile: true));
        Assert.Contains(reason, error.Message);
        Assert.Contains(entryName, error.Message);
        Assert.Equal(["sandbox/m.keras"], files.Files().Select(f => f.Replace('\\', '/')));
        Assert.False(File.Exists("/tmp/evil.txt") && File.ReadAllText("/tmp/evil.txt") == "pwned");
    }

    [Fact]
    public void DuplicateMembers_AreRejected()
    {
        using var files = new KerasV3Files();
        string path = files.PathOf("dup.keras");
        var config = Encoding.UTF8.GetBytes(MinimalConfig);
        WriteZip(path, ("config.json", config, CompressionLevel.NoCompression),
            ("config.json", config, CompressionLevel.NoCompression));
        var error = Assert.Throws<KerasFileException>(() => Models.LoadModel(path, compile: true));
        Assert.Contains("more than once", error.Message);
    }

    [Fact]
    public void HugeDeclaredSize_IsRejectedAsZipBomb_BeforeReading()
    {
        using var files = new KerasV3Files();
        string path = files.PathOf("bomb.keras");
        WriteZip(path, ("config.json", Encoding.UTF8.GetBytes(MinimalConfig), CompressionLevel.NoCompression),
            ("model.weights.h5", new byte[100], CompressionLevel.NoCompression));
        PatchUncompressedSize(path, "model.weights.h5", 0xFFFF_FFF0u);
        var error = Assert.Throws<KerasFileException>(() => Models.LoadModel(path, compile: true));
        Assert.Contains("zip bomb", error.Message);
        Assert.Contains("model.weights.h5", error.Message);
    }

    [Fact]
    public void FiftyMegabytesOfZeros_CompressedToKilobytes_IsRejectedAsZipBomb()
    {
        using var files = new KerasV3Files();
        string path = files.PathOf("zeros.keras");
        WriteZip(path, ("config.json", Encoding.UTF8.GetBytes(MinimalConfig), CompressionLevel.NoCompression),
            ("model.weights.h5", new byte[50 << 20], CompressionLevel.SmallestSize));
        Assert.True(new FileInfo(path).Length < 1 << 20, "the test archive should be small");
        var error = Assert.Throws<KerasFileException>(() => Models.LoadModel(path, compile: true));
        Assert.Contains("zip bomb", error.Message);
        Assert.Equal(["zeros.keras"], files.Files());
    }

    [Fact]
    public void MemberLargerThanItsCap_IsRejectedWhileCopying()
    {
        using var files = new KerasV3Files();
        string path = files.PathOf("big.keras");
        WriteZip(path, ("config.json", new byte[3 << 20], CompressionLevel.NoCompression));
        using var archive = ArchiveReader.Open(path);
        var error = Assert.Throws<KerasFileException>(() => archive.Read("config.json", maxBytes: 1 << 20));
        Assert.Contains("larger than the 1,048,576 bytes", error.Message);
    }

    [Fact]
    public void TruncatedArchive_IsRejected()
    {
        using var files = new KerasV3Files();
        using var model = new Sequential(new Input([4]), new Dense(3));
        string path = files.PathOf("m.keras");
        model.Save(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var error = Assert.Throws<KerasFileException>(() => Models.LoadModel(path, compile: true));
        Assert.Contains("m.keras", error.Message);
    }

    [Fact]
    public void NotAZip_IsRejected()
    {
        using var files = new KerasV3Files();
        string path = files.PathOf("text.keras");
        File.WriteAllText(path, "this is not a zip file");
        var error = Assert.Throws<KerasFileException>(() => Models.LoadModel(path, compile: true));
        Assert.Contains("not a valid .keras archive", error.Message);
        Assert.Equal(path, error.FilePath);
    }

    [Fact]
    public void MissingMember_IsNamed()
    {
        using var files = new KerasV3Files();
        string path = files.PathOf("partial.keras");
        WriteZip(path, ("metadata.json", Encoding.UTF8.GetBytes("""{"keras_version": "3.16.0"}"""),
            CompressionLevel.NoCompression));
        var error = Assert.Throws<KerasFileException>(() => Models.LoadModel(path, compile: true));
        Assert.Contains("member \"config.json\" is missing", error.Message);
    }

    [Fact]
    public void UnknownClass_NamesTheClassAndHowToRegister()
    {
        var error = LoadConfig(
            """{"class_name": "Sequential", "config": {"name": "s", "layers": [{"class_name": "FancyLayer", "config": {"name": "f"}}]}}""");
        Assert.Contains("FancyLayer", error.Message);
        Assert.Contains("SerializationRegistry.Register<", error.Message);
    }

    [Fact]
    public void LambdaLayer_IsRefused_CodeIsNeverRun()
    {
        var error = LoadConfig(
            """{"class_name": "Sequential", "config": {"name": "s", "layers": [{"class_name": "Lambda", "config": {"name": "lam", "function": {"class_name": "__lambda__", "config": {"code": "ZGVm"}}}}]}}""");
        Assert.Contains("Lambda layer \"lam\"", error.Message);
        Assert.Contains("never runs", error.Message);
        Assert.Contains("SerializationRegistry.Register<", error.Message);
    }

    [Fact]
    public void DeeplyNestedJson_IsRejected()
    {
        var error = LoadConfig(new string('[', 10_000) + new string(']', 10_000));
        Assert.Contains("config.json", error.Message);
        Assert.Contains("deeper than", error.Message);
    }

    [Theory]
    [InlineData("not json at all", "not valid JSON")]
    [InlineData("[1, 2]", "must hold a JSON object")]
    [InlineData("""{"class_name": 5, "config": {}}""", "Cannot rebuild the model")]
    [InlineData("""{"class_name": "Dense", "config": {"units": 2}}""", "Cannot rebuild the model")]
    [InlineData("""{"class_name": "Sequential", "config": {"name": "s", "layers": "dense"}}""", "Cannot rebuild the model")]
    public void WrongJsonOrValueTypes_AreRejected(string config, string expected)
    {
        var error = LoadConfig(config);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void WrongMetadataType_IsRejected()
    {
        using var files = new KerasV3Files();
        string path = files.PathOf("meta.keras");
        WriteZip(path, ("metadata.json", Encoding.UTF8.GetBytes("""{"keras_version": 3}"""), CompressionLevel.NoCompression),
            ("config.json", Encoding.UTF8.GetBytes(MinimalConfig), CompressionLevel.NoCompression));
        var error = Assert.Throws<KerasFileException>(() => Models.LoadModel(path, compile: true));
        Assert.Contains("\"keras_version\" must be a string", error.Message);
    }

    [Fact]
    public void NpzWeights_AreRefusedWithAReason()
    {
        using var files = new KerasV3Files();
        string path = files.PathOf("npz.keras");
        WriteZip(path, ("config.json", Encoding.UTF8.GetBytes(MinimalConfig), CompressionLevel.NoCompression),
            ("model.weights.npz", new byte[10], CompressionLevel.NoCompression));
        var error = Assert.Throws<KerasFileException>(() => Models.LoadModel(path, compile: true));
        Assert.Contains("pickled", error.Message);
    }

    private static KerasFileException LoadConfig(string config)
    {
        using var files = new KerasV3Files();
        string path = files.PathOf("config.keras");
        WriteZip(path, ("metadata.json", Encoding.UTF8.GetBytes("""{"keras_version": "3.16.0"}"""), CompressionLevel.NoCompression),
            ("config.json", Encoding.UTF8.GetBytes(config), CompressionLevel.NoCompression),
            ("model.weights.h5", new byte[10], CompressionLevel.NoCompression));
        var error = Assert.Throws<KerasFileException>(() => Models.LoadModel(path, compile: true));
        Assert.Equal(["config.keras"], files.Files());
        return error;
    }

    private static void WriteZip(string path, params (string Name, byte[] Content, CompressionLevel Level)[] entries)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, content, level) in entries)
        {
            using var stream = zip.CreateEntry(name, level).Open();
            stream.Write(content);
        }
    }

    /// <summary>Rewrites the uncompressed size that the central directory declares for <paramref name="member"/>.</summary>
    private static void PatchUncompressedSize(string path, string member, uint size)
    {
        var bytes = File.ReadAllBytes(path);
        var name = Encoding.UTF8.GetBytes(member);
        for (int i = 0; i + 46 < bytes.Length; i++)
        {
            // Central directory file header: signature PK\1\2, uncompressed size at +24, name length at +28, name at +46.
            if (BitConverter.ToUInt32(bytes, i) == 0x02014b50 && BitConverter.ToUInt16(bytes, i + 28) == name.Length &&
                bytes.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                BitConverter.GetBytes(size).CopyTo(bytes, i + 24);
                File.WriteAllBytes(path, bytes);
                return;
            }
        }
        throw new InvalidOperationException($"No central directory entry for {member}.");
    }
}
