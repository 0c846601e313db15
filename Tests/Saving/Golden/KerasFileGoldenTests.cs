using Keras.Layers;
using Keras.Optimizers;

namespace Keras.Tests.Saving.Golden;

/// <summary>Files in Keras' exact layouts, written by an independent writer (Tests/Golden/Saving/write_keras_files.py:
/// h5py + zipfile, no Keras) with the weights and predictions of an independent Keras implementation (tfjs 4.22),
/// load and predict the tfjs numbers to 1e-5; compile settings come back where the file has them.</summary>
public sealed class KerasFileGoldenTests
{
    [Theory]
    [MemberData(nameof(GoldenModels.Names), MemberType = typeof(GoldenModels))]
    public void TfKerasH5_LoadsAndPredictsTfjsOutputs(string name)
    {
        string path = GoldenModels.Fixture(name + ".h5");
        using var model = Models.LoadModel(path, compile: false);
        GoldenModels.AssertPredicts(model, name, path);
    }

    [Theory]
    [MemberData(nameof(GoldenModels.Names), MemberType = typeof(GoldenModels))]
    public void Keras3Archive_LoadsAndPredictsTfjsOutputs(string name)
    {
        string path = GoldenModels.Fixture(name + ".keras");
        using var model = Models.LoadModel(path, compile: false);
        GoldenModels.AssertPredicts(model, name, path);
    }

    [Fact]
    public void TfKerasH5_WithChunkedLayerNames_Loads()
    {
        string path = GoldenModels.Fixture("deep.h5");
        using var model = Models.LoadModel(path);
        Assert.Equal(41, model.Layers.Count);
        GoldenModels.AssertPredicts(model, "deep", path);
    }

    [Fact]
    public void Keras224H5_FixedLengthStringsAndModelClass_LoadsWithItsSgdCompileSettings()
    {
        string path = GoldenModels.Fixture("two_towers_keras224.h5");
        using var model = Models.LoadModel(path);
        GoldenModels.AssertPredicts(model, "two_towers", path);
        Assert.Equal(["dense_1", "concatenate_1", "add_1", "dense_2", "dense_3"],
            model.Layers.Where(l => l is not InputLayer).Select(l => l.Name).ToArray());
        var sgd = Assert.IsType<SGD>(model.Optimizer);
        Assert.Equal(0.05, sgd.LearningRate, 6);
    }

    [Fact]
    public void TfKeras213Archive_WithLayerCheckpointDependencies_Loads()
    {
        string path = GoldenModels.Fixture("two_towers_tfkeras213.keras");
        using var model = Models.LoadModel(path, compile: false);
        GoldenModels.AssertPredicts(model, "two_towers", path);
    }

    [Fact]
    public void TfKerasH5_CompiledWithAdam_RestoresCompileSettingsAndWarnsAboutTfKerasOptimizerState()
    {
        // tf-keras 2.11+ optimizers store iteration + m/v (no learning_rate variable): Keras 3 cannot map that onto
        // its optimizer variables either, warns and starts a fresh optimizer, and so does Keras.Net.
        string path = GoldenModels.Fixture("mlp.h5");
        var warnings = new List<string>();
        using var model = Models.LoadModel(path, compile: true, warnings.Add);
        GoldenModels.AssertPredicts(model, "mlp", path);
        var adam = Assert.IsType<Adam>(model.Optimizer);
        Assert.Equal(0.01, adam.LearningRate, 6);
        Assert.Contains("categorical_crossentropy", model.Loss!.Name);
        Assert.Equal(0, adam.Iterations);
        Assert.Contains(warnings, w => w.Contains("freshly initialized optimizer", StringComparison.Ordinal));
    }

    [Fact]
    public void Keras3Archive_CompiledWithAdam_RestoresCompileSettingsAndOptimizerState()
    {
        string path = GoldenModels.Fixture("mlp.keras");
        using var model = Models.LoadModel(path);
        GoldenModels.AssertPredicts(model, "mlp", path);
        var adam = Assert.IsType<Adam>(model.Optimizer);
        Assert.Equal(0.01, adam.LearningRate, 6);
        Assert.Equal(3, adam.Iterations);
    }

    [Fact]
    public void LegacyWeightsOnlyH5_LoadsIntoACnnBuiltByCode()
    {
        using var model = Cnn();
        string path = GoldenModels.Fixture("cnn_legacy_weights.h5");
        model.LoadWeights(path);
        GoldenModels.AssertPredicts(model, "cnn", path);
    }

    [Fact]
    public void Keras3WeightsH5_LoadsIntoACnnBuiltByCode()
    {
        using var model = Cnn();
        string path = GoldenModels.Fixture("cnn.weights.h5");
        model.LoadWeights(path);
        GoldenModels.AssertPredicts(model, "cnn", path);
    }

    [Fact]
    public void Keras3WeightsH5_LoadsIntoABidirectionalModelBuiltByCode()
    {
        using var model = new Sequential(
            new Input([4, 3]),
            new Bidirectional(new LSTM(2, recurrentActivation: "sigmoid", returnSequences: true)),
            new Bidirectional(new GRU(2, recurrentActivation: "sigmoid", resetAfter: false), mergeMode: "sum"),
            new Dense(2));
        string path = GoldenModels.Fixture("bidi.weights.h5");
        model.LoadWeights(path);
        GoldenModels.AssertPredicts(model, "bidi", path);
    }

    private static Sequential Cnn() => new(
        new Input([6, 6, 2]),
        new Conv2D(3, 3, padding: "same", activation: "relu"),
        new BatchNormalization(),
        new MaxPooling2D(2),
        new Conv2D(4, 2),
        new Flatten(),
        new Dense(2));
}
