using System.Text.Json.Nodes;
using Keras.Saving.Hdf5;
using Keras.Tests.Saving.Legacy;
using PureHDF;

namespace Keras.Tests.Saving;

public class Hdf5AttributesTests
{
    [Theory]
    [InlineData(10, 20, new string[] { "names" })]
    [InlineData(1000, 100, new[] { "names0", "names1" })]          // Keras' rule: 1000 × 100 bytes needs 2 pieces
    [InlineData(5000, 10, new[] { "names0", "names1" })]           // fits Keras' rule, but a vlen piece holds ≤ 4032
    [InlineData(0, 0, new string[] { "names" })]
    public void NameLists_AreChunkedAsKerasDoes_AndReadBackByH5pyAndPureHdf(int count, int length, string[] keys)
    {
        var names = Enumerable.Range(0, count).Select(i => i.ToString("D" + Math.Max(1, length))).ToList();
        var file = new H5File();
        Hdf5Attributes.WriteStringList(file.Attributes, "names", names);
        Assert.Equal(keys, file.Attributes.Keys.Order());

        using var dir = new ScratchDirectory();
        string path = dir.File("names.h5");
        using (var stream = File.Create(path))
        {
            Hdf5Files.Write(file, stream);
        }
        using (var read = Hdf5Files.OpenRead(path))
        {
            Assert.Equal(names, Hdf5Attributes.ReadStringList(read, "names", path));
            Assert.Null(Hdf5Attributes.ReadStringList(read, "absent", path));
        }
        string replay = PythonTool.Run("/usr/bin/python3", "-c",
            "import h5py,sys,json; sys.path.insert(0, sys.argv[2]); from legacy_h5_reader import load_attributes; " +
            "f=h5py.File(sys.argv[1],'r'); print(json.dumps(load_attributes(f,'names')))",
            path, Path.GetDirectoryName(PythonTool.Script("legacy_h5_reader.py"))!);
        Assert.Equal(names, JsonNode.Parse(replay)!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public void PieceSizes_FollowNumpyArraySplit()
    {
        Assert.Equal([4, 3, 3], Enumerable.Range(0, 3).Select(i => Hdf5Attributes.PieceSize(10, 3, i)));
    }

    [Fact]
    public void FixedLengthScalarAndArrayStrings_AreReadLeniently()
    {
        using var dir = new ScratchDirectory();
        string path = dir.File("fixed.h5");
        PythonTool.Run("/usr/bin/python3", "-c",
            "import h5py,sys,numpy as np; f=h5py.File(sys.argv[1],'w'); f.attrs['version']=np.bytes_(b'2.2.4'); " +
            "f.attrs['list']=np.asarray([b'a', b'bcd']); f.attrs['one']=np.asarray([b'only']); " +
            "f.attrs['empty']=np.zeros((0,)); f.attrs['number']=np.float64(3); f.close()", path);
        using var file = Hdf5Files.OpenRead(path);
        Assert.Equal("2.2.4", Hdf5Attributes.ReadString(file, "version", path));
        Assert.Equal("only", Hdf5Attributes.ReadString(file, "one", path));
        Assert.Equal(["a", "bcd"], Hdf5Attributes.ReadStringList(file, "list", path));
        Assert.Empty(Hdf5Attributes.ReadStringList(file, "empty", path)!);
        Assert.Null(Hdf5Attributes.ReadString(file, "missing", path));
        var error = Assert.Throws<Keras.Saving.KerasFileException>(() => Hdf5Attributes.ReadString(file, "number", path));
        Assert.Contains("holds numbers; expected strings", error.Message);
    }
}
