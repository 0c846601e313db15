namespace Keras.Tests.FunctionalApi.Plotting;

public sealed class PlotModelFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("keras-plot-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [InlineData("model.png")]
    [InlineData("model.pdf")]
    [InlineData("model")]
    public void UnsupportedFormat_Throws_ListingSupportedOnes(string name)
    {
        using var model = PlotTestModels.Stack();
        string path = Path.Combine(_folder.FullName, name);

        var error = Assert.Throws<NotSupportedException>(() => Utils.PlotModel(model, path));

        Assert.Contains(".svg", error.Message);
        Assert.Contains(".dot", error.Message);
        Assert.Contains(path, error.Message);
        Assert.Empty(_folder.GetFileSystemInfos());
    }

    [Fact]
    public void Write_IsAtomic_NoTemporaryFileLeft_ExistingFileReplaced()
    {
        using var model = PlotTestModels.Stack();
        string path = Path.Combine(_folder.FullName, "model.svg");
        File.WriteAllText(path, "old");

        Utils.PlotModel(model, path);

        Assert.Equal(["model.svg"], _folder.GetFileSystemInfos().Select(f => f.Name));
        Assert.StartsWith("<?xml", File.ReadAllText(path));
    }

    [Fact]
    public void MissingFolder_Throws_AndWritesNothing()
    {
        using var model = PlotTestModels.Stack();
        string path = Path.Combine(_folder.FullName, "absent", "model.svg");

        Assert.Throws<DirectoryNotFoundException>(() => Utils.PlotModel(model, path));

        Assert.Empty(_folder.GetFileSystemInfos());
    }

    [Theory]
    [InlineData("model.dot")]
    [InlineData("model.gv")]
    [InlineData("MODEL.DOT")]
    public void DotExtensions_WriteModelToDot(string name)
    {
        using var model = PlotTestModels.TwoInTwoOut();
        string path = Path.Combine(_folder.FullName, name);

        Utils.PlotModel(model, path, showShapes: true, rankdir: "LR");

        Assert.Equal(Utils.ModelToDot(model, showShapes: true, showLayerNames: false, rankdir: "LR"),
            File.ReadAllText(path));
        Assert.Equal([name], _folder.GetFileSystemInfos().Select(f => f.Name));
    }
}
