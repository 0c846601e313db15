using System.Text;
using Keras.Datasets;
using Keras.Datasets.Pickling;

namespace Keras.Tests.Datasets;

public class RestrictedUnpicklerTests
{
    [Fact]
    public void Protocol4_ReadsDictListTupleIntsFloatsAndMemo()
    {
        // pickle.loads gives {'a': 256, 'b': [True, (), None], 'c': 'a', 'e': 1.5, 'd': -1}.
        byte[] pickle = Encoding.Latin1.GetBytes(
            "\u0080\u0004\u0095\0\0\0\0\0\0\0\0}\u0094(\u008c\u0001a\u0094\u008a\u0002\u0000\u0001\u008c\u0001b\u0094]\u0094(\u0088)Ne\u008c\u0001c\u0094" +
            "h\u0001\u008c\u0001e\u0094G?\u00f8\0\0\0\0\0\0\u008c\u0001d\u0094\u008a\u0001\u00ffu.");

        var value = Assert.IsType<Dictionary<string, object?>>(RestrictedUnpickler.Load(pickle, 0, "t.pkl"));

        Assert.Equal(256L, value["a"]);
        var list = Assert.IsType<List<object?>>(value["b"]);
        Assert.Equal(true, list[0]);
        Assert.Empty(Assert.IsType<object?[]>(list[1]));
        Assert.Null(list[2]);
        Assert.Equal("a", value["c"]);
        Assert.Equal(1.5, value["e"]);
        Assert.Equal(-1L, value["d"]);
    }

    [Theory]
    [InlineData("\u0080\u0002cos\nsystem\nU\u0002lsR.", "os.system")]
    [InlineData("\u0080\u0004\u008c\u0008builtins\u008c\u0004eval\u0093.", "builtins.eval")]
    [InlineData("\u0080\u0002csubprocess\nPopen\n.", "subprocess.Popen")]
    [InlineData("\u0080\u0002c_codecs\nencode\n.", "_codecs.encode")]
    public void GlobalsOutsideNumpyArrayReconstruction_AreRefusedByName(string pickle, string global)
    {
        var e = Assert.Throws<InvalidDataException>(
            () => RestrictedUnpickler.Load(Encoding.Latin1.GetBytes(pickle), 0, "evil.pkl"));

        Assert.Contains($"Refusing to deserialize `{global}`", e.Message);
        Assert.Contains("evil.pkl", e.Message);
    }

    [Fact]
    public void AllowedGlobalCalledWithOtherArguments_IsRefused()
    {
        byte[] pickle = Encoding.Latin1.GetBytes("\u0080\u0002cnumpy\ndtype\nU\u0002lsK\u0001\u0086R.");

        var e = Assert.Throws<InvalidDataException>(() => RestrictedUnpickler.Load(pickle, 0, "p.pkl"));

        Assert.Contains("arguments numpy never writes", e.Message);
    }

    [Fact]
    public void ListHoldingItself_IsRefusedWithoutRecursingForever()
    {
        byte[] pickle = Encoding.Latin1.GetBytes("\u0080\u0002]q\u0000h\u0000a.");

        var e = Assert.Throws<InvalidDataException>(() => RestrictedUnpickler.Load(pickle, 0, "loop.pkl"));

        Assert.Contains("nests", e.Message);
    }

    [Theory]
    [InlineData("\u0080\u0002(i__main__\nX\n.", "0x69")]
    [InlineData("\u0080\u0002]q\u0000", "truncated")]
    [InlineData("\u0080\u0002K\u0001K\u0002.", "unbalanced")]
    [InlineData("\u0080\u0002h\u0005.", "memo")]
    public void MalformedOrUnusedOpcodes_AreRejected(string pickle, string why)
    {
        var e = Assert.Throws<InvalidDataException>(
            () => RestrictedUnpickler.Load(Encoding.Latin1.GetBytes(pickle), 0, "bad.pkl"));

        Assert.Contains(why, e.Message);
    }

    [Fact]
    public void CifarFixtureBatch_IsAPython2Protocol2PickleOfANumpyArray()
    {
        string archive = Path.Combine(DatasetFixtures.Folder, "cifar-100-python.tar.gz");

        var batches = CifarArchive.Read(archive, ["cifar-100-python/test"], "coarse_labels");

        Assert.Equal(2 * 3072, batches[0].Images.Length);
        Assert.Equal(DatasetFixtures.Ints(DatasetFixtures.Expected["cifar100_coarse"]!["y_test"]),
            batches[0].Labels.Select(v => (int)v));
    }

    [Fact]
    public void NpyObjectArray_IsReadThroughTheRestrictedUnpickler()
    {
        using NpzArchive npz = NpzArchive.Open(Path.Combine(DatasetFixtures.Folder, "reuters.npz"));

        NpyArray x = npz.Read("x");
        NpyArray y = npz.Read("y");

        Assert.Equal("|O", x.Descr);
        Assert.Equal([57], x.Shape);
        Assert.All(x.IntSequences("x"), s => Assert.NotEmpty(s));
        Assert.Equal("<i8", y.Descr);
        Assert.Equal(57, y.Int64s("y").Length);
        Assert.Throws<InvalidDataException>(() => npz.Read("x", allowObjects: false));
    }
}
