using System.IO.Compression;
using System.Text.Json.Nodes;
using Keras.Layers;
using Keras.Losses;
using Keras.Optimizers;
using Keras.Saving.KerasV3;
using Keras.Tests.Support;

namespace Keras.Tests.Saving.KerasV3;

/// <summary>A compiled model saved to <c>.keras</c> resumes training exactly: compile settings and optimizer state
/// come back; and the archive's members are what Keras writes.</summary>
public sealed class KerasArchiveTrainingTests
{
    [Fact]
    public void CompiledWithAdam_SaveLoad_FitContinuesExactlyAsUninterrupted()
    {
        using var files = new KerasV3Files();
        var (x, y) = TestModels.Classification(32, 6, 3);
        using var model = new Sequential(new Input([6]), new Dense(8, activation: "relu"), new BatchNormalization(),
            new Dense(3, activation: "softmax"));
        model.Compile(optimizer: new Adam(learningRate: 0.01), loss: new SparseCategoricalCrossentropy(),
            metrics: ["accuracy"]);
        model.Fit(x, y, batchSize: 8, epochs: 2, verbose: 0, shuffle: false);
        string path = files.PathOf("training.keras");
        model.Save(path);

        var uninterrupted = model.Fit(x, y, batchSize: 8, epochs: 2, verbose: 0, shuffle: false);
        using var loaded = Models.LoadModel(path, compile: true);
        Assert.True(loaded.Compiled);
        Assert.Equal(8, loaded.Optimizer!.Iterations);
        Assert.Equal(0.01, loaded.Optimizer.LearningRate);
        var resumed = loaded.Fit(x, y, batchSize: 8, epochs: 2, verbose: 0, shuffle: false);

        Assert.Equal(uninterrupted["loss"], resumed["loss"]);
        Assert.Equal(uninterrupted["accuracy"], resumed["accuracy"]);
        Assert.Equal(model.Weights.Select(v => v.ToArray()), loaded.Weights.Select(v => v.ToArray()));
        Assert.Equal(model.Optimizer!.Variables.Select(v => v.ToArray()),
            loaded.Optimizer.Variables.Select(v => v.ToArray()));
    }

    [Fact]
    public void LoadWithoutCompile_IgnoresCompileConfigAndOptimizerState()
    {
        using var files = new KerasV3Files();
        using var model = new Sequential(new Input([3]), new Dense(2));
        model.Compile(optimizer: new Adam(), loss: new MeanSquaredError());
        model.Fit(new float[4, 3], new float[4, 2], batchSize: 2, epochs: 1, verbose: 0);
        string path = files.PathOf("m.keras");
        model.Save(path);
        using var loaded = Models.LoadModel(path, compile: false);
        Assert.False(loaded.Compiled);
        Assert.Equal(model.Weights.Select(v => v.ToArray()), loaded.Weights.Select(v => v.ToArray()));
    }

    [Fact]
    public void Archive_HasKerasMembers_StoredUncompressed_WithKerasJsonKeys()
    {
        using var files = new KerasV3Files();
        using var model = new Sequential(new Input([3]), new Dense(2));
        model.Compile(optimizer: new Adam(), loss: new MeanSquaredError());
        string path = files.PathOf("m.keras");
        model.Save(path);

        var lines = KerasV3Files.PythonLayout(path);
        Assert.Equal(
        [
            "member metadata.json 0",
            "member config.json 0",
            "member model.weights.h5 0",
            "json metadata.json keras_version,date_saved",
            "json config.json module,class_name,config,registered_name,build_config,compile_config",
        ], lines.Where(l => l.StartsWith("member ", StringComparison.Ordinal) ||
                            l.StartsWith("json ", StringComparison.Ordinal)));

        using var zip = ZipFile.OpenRead(path);
        var metadata = JsonNode.Parse(zip.GetEntry("metadata.json")!.Open())!;
        Assert.Equal(KerasArchive.KerasVersion, (string?)metadata["keras_version"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\d@\d\d:\d\d:\d\d$", (string?)metadata["date_saved"]);
        var config = JsonNode.Parse(zip.GetEntry("config.json")!.Open())!;
        Assert.Equal("Sequential", (string?)config["class_name"]);
        Assert.Equal("Adam", (string?)config["compile_config"]!["optimizer"]!["class_name"]);
    }

    [Fact]
    public void UncompiledModel_WritesEmptyCompileConfig()
    {
        using var files = new KerasV3Files();
        using var model = new Sequential(new Input([3]), new Dense(2));
        string path = files.PathOf("m.keras");
        model.Save(path);
        using var zip = ZipFile.OpenRead(path);
        var config = JsonNode.Parse(zip.GetEntry("config.json")!.Open())!;
        Assert.Equal("{}", config["compile_config"]!.ToJsonString());
        using var loaded = Models.LoadModel(path, compile: true);
        Assert.False(loaded.Compiled);
    }
}
