using Keras.Layers;

namespace Keras.Tests.Saving.KerasV3;

/// <summary>How <c>Save</c>, <c>SaveWeights</c>, <c>LoadWeights</c> and <c>Models.LoadModel</c> treat the Keras 3
/// suffixes.</summary>
public sealed class KerasV3ApiTests
{
    [Fact]
    public void KerasArchive_RejectsIncludeOptimizerFalse_AsKeras()
    {
        using var files = new KerasV3Files();
        using var model = new Sequential(new Input([3]), new Dense(2));
        var error = Assert.Throws<ArgumentException>(() => model.Save(files.PathOf("m.keras"), includeOptimizer: false));
        Assert.Contains("includeOptimizer", error.Message);
        Assert.Empty(files.Files());
    }

    [Fact]
    public void KerasWeights_RejectByName()
    {
        using var files = new KerasV3Files();
        using var model = new Sequential(new Input([3]), new Dense(2));
        string path = files.PathOf("w.weights.h5");
        model.SaveWeights(path);
        var error = Assert.Throws<ArgumentException>(() => model.LoadWeights(path, byName: true));
        Assert.Contains("object paths", error.Message);
    }

    [Fact]
    public void Save_WithOverwriteFalse_KeepsTheExistingArchive()
    {
        using var files = new KerasV3Files();
        using var model = new Sequential(new Input([3]), new Dense(2));
        string path = files.PathOf("m.keras");
        model.Save(path);
        byte[] before = File.ReadAllBytes(path);
        Assert.Throws<IOException>(() => model.Save(path, overwrite: false));
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void MissingFiles_AreFileNotFound()
    {
        using var files = new KerasV3Files();
        using var model = new Sequential(new Input([3]), new Dense(2));
        Assert.Throws<FileNotFoundException>(() => Models.LoadModel(files.PathOf("none.keras")));
        Assert.Throws<FileNotFoundException>(() => model.LoadWeights(files.PathOf("none.weights.h5")));
        Assert.Throws<FileNotFoundException>(() => model.LoadWeights(files.PathOf("none.keras")));
    }
}
