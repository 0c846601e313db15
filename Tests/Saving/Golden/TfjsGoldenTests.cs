using System.Text.Json.Nodes;
using Keras.Saving;
using Keras.Saving.Tfjs;

namespace Keras.Tests.Saving.Golden;

/// <summary>tfjs-layers <c>model.json</c> files saved by tfjs 4.22 itself load and predict what tfjs predicted.</summary>
public sealed class TfjsGoldenTests
{
    [Theory]
    [MemberData(nameof(GoldenModels.Names), MemberType = typeof(GoldenModels))]
    public void TfjsModel_LoadsAndPredictsTfjsOutputs(string name)
    {
        string path = GoldenModels.Fixture($"tfjs/{name}/model.json");
        using var model = Models.LoadModel(path);
        GoldenModels.AssertPredicts(model, name, path);
    }

    [Fact]
    public void TfjsModel_WithManyLayers_Loads()
    {
        string path = GoldenModels.Fixture("tfjs/deep/model.json");
        using var model = TfjsModelReader.Load(path);
        Assert.Equal(41, model.Layers.Count);
        GoldenModels.AssertPredicts(model, "deep", path);
    }

    [Fact]
    public void TfjsModel_WeightNamesWithCellsAndSuffixes_MatchLikeTfjs()
    {
        // Files converted from Keras name RNN weights with their cell and ":0" (lstm/lstm_cell/kernel:0).
        using var dir = new TempModel("text");
        dir.EditManifest(m =>
        {
            foreach (var w in m["weightsManifest"]![0]!["weights"]!.AsArray())
            {
                string n = (string)w!["name"]!;
                w["name"] = (n.StartsWith("lstm/", StringComparison.Ordinal) ? n.Replace("lstm/", "lstm/lstm_cell/") : n) + ":0";
            }
        });
        using var model = TfjsModelReader.Load(dir.ModelJson);
        GoldenModels.AssertPredicts(model, "text", dir.ModelJson);
    }

    [Fact]
    public void TfjsModel_WrappedTopology_Loads()
    {
        using var dir = new TempModel("mlp");
        dir.EditManifest(m => m["modelTopology"] = new JsonObject
        {
            ["keras_version"] = "2.15.0",
            ["backend"] = "tensorflow",
            ["model_config"] = m["modelTopology"]!.DeepClone(),
        });
        using var model = TfjsModelReader.Load(dir.ModelJson);
        GoldenModels.AssertPredicts(model, "mlp", dir.ModelJson);
    }

    [Fact]
    public void TfjsModel_ShardSmallerThanDeclared_IsRejectedBeforeReading()
    {
        using var dir = new TempModel("mlp");
        var shard = Path.Combine(dir.Folder, "group1-shard1of1.bin");
        File.WriteAllBytes(shard, File.ReadAllBytes(shard)[..^4]);
        var e = Assert.Throws<KerasFileException>(() => TfjsModelReader.Load(dir.ModelJson));
        Assert.Contains("declares 332 bytes", e.Message);
        Assert.Contains("hold 328 bytes", e.Message);
    }

    [Theory]
    [InlineData("../group1-shard1of1.bin")]
    [InlineData("/etc/passwd")]
    [InlineData("sub/../../x.bin")]
    [InlineData("http://example.com/x.bin")]
    public void TfjsModel_ShardPathOutsideTheFolder_IsRejected(string shardPath)
    {
        using var dir = new TempModel("mlp");
        dir.EditManifest(m => m["weightsManifest"]![0]!["paths"] = new JsonArray(shardPath));
        var e = Assert.Throws<KerasFileException>(() => TfjsModelReader.Load(dir.ModelJson));
        Assert.Contains(shardPath, e.Message);
    }

    [Fact]
    public void TfjsModel_MissingShard_NamesIt()
    {
        using var dir = new TempModel("mlp");
        File.Delete(Path.Combine(dir.Folder, "group1-shard1of1.bin"));
        var e = Assert.Throws<KerasFileException>(() => TfjsModelReader.Load(dir.ModelJson));
        Assert.Contains("group1-shard1of1.bin", e.Message);
    }

    [Fact]
    public void TfjsModel_QuantizedWeights_AreNotSupported()
    {
        using var dir = new TempModel("mlp");
        dir.EditManifest(m => m["weightsManifest"]![0]!["weights"]![0]!["quantization"] =
            new JsonObject { ["dtype"] = "uint8", ["scale"] = 0.1, ["min"] = -1.0 });
        var e = Assert.Throws<NotSupportedException>(() => TfjsModelReader.Load(dir.ModelJson));
        Assert.Contains("dense/kernel", e.Message);
    }

    [Fact]
    public void TfjsModel_UnknownWeightName_NamesTheWeightAndTheVariables()
    {
        using var dir = new TempModel("mlp");
        dir.EditManifest(m => m["weightsManifest"]![0]!["weights"]![0]!["name"] = "nowhere/kernel");
        var e = Assert.Throws<KerasFileException>(() => TfjsModelReader.Load(dir.ModelJson));
        Assert.Contains("\"nowhere/kernel\" has no target variable", e.Message);
    }

    [Fact]
    public void TfjsModel_WrongWeightShape_NamesExpectedAndReceived()
    {
        using var dir = new TempModel("mlp");
        dir.EditManifest(m => m["weightsManifest"]![0]!["weights"]![0]!["shape"] = new JsonArray(8, 6));
        var e = Assert.Throws<KerasFileException>(() => TfjsModelReader.Load(dir.ModelJson));
        Assert.Contains("\"dense/kernel\" has shape (8, 6)", e.Message);
        Assert.Contains("(6, 8)", e.Message);
    }

    [Fact]
    public void TfjsModel_GraphModel_IsRejected()
    {
        using var dir = new TempModel("mlp");
        dir.EditManifest(m => m["format"] = "graph-model");
        var e = Assert.Throws<KerasFileException>(() => TfjsModelReader.Load(dir.ModelJson));
        Assert.Contains("graph-model", e.Message);
    }

    [Fact]
    public void TfjsModel_NotJson_IsAKerasFileException()
    {
        using var dir = new TempModel("mlp");
        File.WriteAllText(dir.ModelJson, "{\"format\": \"layers-model\", ");
        Assert.Throws<KerasFileException>(() => TfjsModelReader.Load(dir.ModelJson));
    }

    /// <summary>A golden tfjs model copied to a fresh temp folder, for tests that edit it.</summary>
    private sealed class TempModel : IDisposable
    {
        public TempModel(string name)
        {
            Folder = Path.Combine(Path.GetTempPath(), "keras-tfjs-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Folder);
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(GoldenModels.Fixture($"tfjs/{name}/model.json"))!))
            {
                File.Copy(file, Path.Combine(Folder, Path.GetFileName(file)));
            }
        }

        public string Folder { get; }

        public string ModelJson => Path.Combine(Folder, "model.json");

        public void EditManifest(Action<JsonObject> edit)
        {
            var root = JsonNode.Parse(File.ReadAllText(ModelJson))!.AsObject();
            edit(root);
            File.WriteAllText(ModelJson, root.ToJsonString());
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
