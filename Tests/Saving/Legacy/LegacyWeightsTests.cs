using Keras.Layers;
using Keras.Saving;
using Keras.Tests.Support;

namespace Keras.Tests.Saving.Legacy;

[Collection(SerialCollection.Name)]
public class LegacyWeightsTests
{
    [Fact]
    public void WeightsOnly_RoundTrip_IntoAFreshModel()
    {
        Utils.SetRandomSeed(1);
        var model = SavingModels.Nested();
        using var dir = new ScratchDirectory();
        string path = dir.File("weights.h5");
        model.SaveWeights(path);

        Utils.SetRandomSeed(2);
        var twin = SavingModels.Nested();
        var (x, _) = TestModels.Classification(16, 6, 3);
        Assert.False(model.Predict(x, verbose: 0).allclose(twin.Predict(x, verbose: 0), rtol: 0, atol: 0));
        twin.LoadWeights(path);
        Assert.True(model.Predict(x, verbose: 0).allclose(twin.Predict(x, verbose: 0), rtol: 0, atol: 0));
    }

    [Fact]
    public void FullModelFile_LoadsAsWeights()
    {
        Utils.SetRandomSeed(1);
        var model = SavingModels.Mlp();
        using var dir = new ScratchDirectory();
        string path = dir.File("model.h5");
        model.Save(path);
        Utils.SetRandomSeed(2);
        var twin = SavingModels.Mlp();
        twin.LoadWeights(path);
        Assert.Equal(model.GetLayer("hidden").Weights[0].ToArray(), twin.GetLayer("hidden").Weights[0].ToArray());
    }

    [Fact]
    public void ByName_LoadsMatchingLayers_IntoAModelWithADifferentTop()
    {
        Utils.SetRandomSeed(3);
        var model = SavingModels.Mlp();
        using var dir = new ScratchDirectory();
        string path = dir.File("base.h5");
        model.SaveWeights(path);

        var other = new Sequential([new Input([6]).Layer, new Dense(8, activation: "relu", name: "hidden"),
            new Dense(5, name: "new_head")], "other");
        var headBefore = other.GetLayer("new_head").Weights[0].ToArray();
        other.LoadWeights(path, byName: true);
        Assert.Equal(model.GetLayer("hidden").Weights[0].ToArray(), other.GetLayer("hidden").Weights[0].ToArray());
        Assert.Equal(model.GetLayer("hidden").Weights[1].ToArray(), other.GetLayer("hidden").Weights[1].ToArray());
        Assert.Equal(headBefore, other.GetLayer("new_head").Weights[0].ToArray());
    }

    [Fact]
    public void ByName_SkipMismatch_WarnsAndSkips_OtherwiseThrowsNamingLayerAndWeight()
    {
        Utils.SetRandomSeed(3);
        var model = SavingModels.Mlp();
        using var dir = new ScratchDirectory();
        string path = dir.File("base.h5");
        model.SaveWeights(path);

        var other = new Sequential([new Input([6]).Layer, new Dense(8, activation: "relu", name: "hidden"),
            new Dense(5, name: "probs")], "other");
        var probsBefore = other.GetLayer("probs").Weights[0].ToArray();
        var warnings = new List<string>();
        other.LoadWeights(path, byName: true, skipMismatch: true, warnings.Add);
        Assert.Equal(2, warnings.Count);
        Assert.Contains("layer \"probs\" weight 0 (\"kernel\") has shape (8, 3) in the file but (8, 5)", warnings[0]);
        Assert.Equal(probsBefore, other.GetLayer("probs").Weights[0].ToArray());
        Assert.Equal(model.GetLayer("hidden").Weights[0].ToArray(), other.GetLayer("hidden").Weights[0].ToArray());

        var error = Assert.Throws<KerasFileException>(() => other.LoadWeights(path, byName: true));
        Assert.Equal(path, error.FilePath);
        Assert.Contains($"Cannot load weights from \"{path}\": layer \"probs\" weight 0 (\"kernel\") has shape (8, 3) " +
                        "in the file but (8, 5) in the model.", error.Message);
    }

    [Fact]
    public void Positional_ShapeMismatch_ThrowsAndLeavesTheModelUnchanged()
    {
        Utils.SetRandomSeed(3);
        var model = SavingModels.Mlp();
        using var dir = new ScratchDirectory();
        string path = dir.File("base.h5");
        model.SaveWeights(path);
        var other = new Sequential([new Input([6]).Layer, new Dense(8, activation: "relu", name: "a"),
            new Dense(4, name: "b")], "other");
        var before = other.Weights.Select(w => w.ToArray()).ToList();
        var error = Assert.Throws<KerasFileException>(() => other.LoadWeights(path));
        Assert.Contains("layer \"b\" weight 0 (\"kernel\") has shape (8, 3) in the file but (8, 4) in the model",
            error.Message);
        // The first layer fitted, but nothing is assigned when any weight does not.
        Assert.Equal(before, other.Weights.Select(w => w.ToArray()).ToList());
    }

    [Fact]
    public void Positional_LayerCountMismatch_Throws()
    {
        var model = SavingModels.Mlp();
        using var dir = new ScratchDirectory();
        string path = dir.File("base.h5");
        model.SaveWeights(path);
        var single = new Sequential([new Input([6]).Layer, new Dense(3, name: "only")], "single");
        var error = Assert.Throws<KerasFileException>(() => single.LoadWeights(path));
        Assert.Contains("Layer count mismatch", error.Message);
        Assert.Contains("expected 1 layers with weights, found 2", error.Message);
    }

    [Fact]
    public void HostileDimensions_AreRejectedBeforeAllocating()
    {
        var model = SavingModels.Mlp();
        using var dir = new ScratchDirectory();
        string path = dir.File("hostile.h5");
        model.SaveWeights(path);
        // 2^20 × 2^20 float32 = 4 TiB claimed, written lazily by h5py (nothing allocated in the file).
        PythonTool.Run("/usr/bin/python3", "-c",
            "import h5py,sys; f=h5py.File(sys.argv[1],'a'); g=f['hidden']; del g['hidden/kernel:0']; " +
            "g.create_dataset('hidden/kernel:0', shape=(2**20, 2**20), dtype='float32'); f.close()", path);
        var error = Assert.Throws<KerasFileException>(() => model.LoadWeights(path));
        Assert.Contains("has shape (1048576, 1048576) in the file but (6, 8) in the model", error.Message);
    }

    [Fact]
    public void WrongDatasetType_IsRejected()
    {
        var model = SavingModels.Mlp();
        using var dir = new ScratchDirectory();
        string path = dir.File("bytes.h5");
        model.SaveWeights(path);
        PythonTool.Run("/usr/bin/python3", "-c",
            "import h5py,sys,numpy as np; f=h5py.File(sys.argv[1],'a'); g=f['probs']; del g['probs/bias:0']; " +
            "g['probs/bias:0'] = np.zeros(3, dtype='int8'); f.close()", path);
        var error = Assert.Throws<KerasFileException>(() => model.LoadWeights(path));
        Assert.Contains("layer \"probs\" weight 1 (\"bias\")", error.Message);
        Assert.Contains("int8 but the variable is float32", error.Message);
    }

    [Fact]
    public void IntegerDataset_LoadsIntoAFloatVariable_AsKerasAssignCasts()
    {
        var model = SavingModels.Mlp();
        using var dir = new ScratchDirectory();
        string path = dir.File("ints.h5");
        model.SaveWeights(path);
        PythonTool.Run("/usr/bin/python3", "-c",
            "import h5py,sys,numpy as np; f=h5py.File(sys.argv[1],'a'); g=f['probs']; del g['probs/bias:0']; " +
            "g['probs/bias:0'] = np.array([3, -2, 7], dtype='int64'); f.close()", path);
        model.LoadWeights(path);
        Assert.Equal([3f, -2f, 7f], model.GetLayer("probs").Weights[1].ToArray());
    }

    [Fact]
    public void CorruptOrMissingFiles_FailClearly()
    {
        var model = SavingModels.Mlp();
        using var dir = new ScratchDirectory();
        Assert.Throws<FileNotFoundException>(() => model.LoadWeights(dir.File("absent.h5")));
        string garbage = dir.File("garbage.h5");
        File.WriteAllBytes(garbage, [1, 2, 3, 4, 5, 6, 7, 8]);
        var error = Assert.Throws<KerasFileException>(() => model.LoadWeights(garbage));
        Assert.Equal(garbage, error.FilePath);
        Assert.NotNull(error.InnerException);

        string truncated = dir.File("truncated.h5");
        model.Save(truncated);
        var bytes = File.ReadAllBytes(truncated);
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        Assert.Throws<KerasFileException>(() => Models.LoadModel(truncated));
        Assert.Throws<ArgumentException>(() => model.LoadWeights(dir.File("w.txt")));
    }

    [Fact]
    public void Save_IsAtomic_AFailureLeavesTheOldFileIntact()
    {
        var model = SavingModels.Mlp();
        using var dir = new ScratchDirectory();
        string path = dir.File("model.h5");
        File.WriteAllText(path, "previous content");
        Keras.Saving.AtomicFile.BeforeReplace = temp =>
        {
            if (temp.StartsWith(dir.Path, StringComparison.Ordinal))
            {
                throw new IOException("disk full (injected)");
            }
        };
        try
        {
            Assert.Throws<IOException>(() => model.Save(path));
        }
        finally
        {
            Keras.Saving.AtomicFile.BeforeReplace = null;
        }
        Assert.Equal("previous content", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(dir.Path));

        Assert.Throws<IOException>(() => model.Save(path, overwrite: false));
        model.Save(path);
        Assert.NotEqual("previous content", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void ChannelsFirstConvKernel_IsTransposedAsTfKerasDoes()
    {
        Utils.SetRandomSeed(6);
        var model = new Sequential([new Input([5, 5, 1]).Layer, new Conv2D(4, [3, 2], name: "conv")], "convs");
        using var dir = new ScratchDirectory();
        string path = dir.File("theano.h5");
        model.SaveWeights(path);
        // Store the (3, 2, 1, 4) kernel as (1, 4, 2, 3): tf-keras' (3, 2, 0, 1) transpose turns it back.
        PythonTool.Run("/usr/bin/python3", "-c",
            "import h5py,sys,numpy as np; f=h5py.File(sys.argv[1],'a'); g=f['conv']; k=g['conv/kernel:0'][()]; " +
            "del g['conv/kernel:0']; g['conv/kernel:0'] = np.ascontiguousarray(k.transpose(2, 3, 1, 0)); f.close()",
            path);
        Utils.SetRandomSeed(7);
        var twin = new Sequential([new Input([5, 5, 1]).Layer, new Conv2D(4, [3, 2], name: "conv")], "convs");
        twin.LoadWeights(path);
        Assert.Equal(model.Weights[0].ToArray(), twin.Weights[0].ToArray());
    }

    [Fact]
    public void UnsupportedSuffixes_AreRejectedWithTheSupportedOnes()
    {
        var model = SavingModels.Mlp();
        var error = Assert.Throws<ArgumentException>(() => model.Save("model.onnx"));
        Assert.Contains(".h5", error.Message);
        // .weights.h5 is Keras 3's weights format (KerasV3 tests); a .keras path is a model, not a weights file.
        Assert.Throws<ArgumentException>(() => model.SaveWeights("model.keras"));
    }
}
