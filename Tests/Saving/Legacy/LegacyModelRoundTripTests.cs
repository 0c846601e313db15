using Keras.Optimizers;
using Keras.Tests.Support;

namespace Keras.Tests.Saving.Legacy;

[Collection(SerialCollection.Name)]
public class LegacyModelRoundTripTests
{
    public static TheoryData<string> ModelKinds => ["sequential", "functional", "nested", "batchnorm", "frozen", "rnn"];

    [Theory]
    [MemberData(nameof(ModelKinds))]
    public void SaveThenLoad_PredictsBitIdentically(string kind)
    {
        Utils.SetRandomSeed(21);
        var (model, x) = Build(kind);
        if (kind == "batchnorm")
        {
            // Moving statistics away from their initial values, so loading them matters.
            model.Compile(optimizer: "sgd", loss: "sparse_categorical_crossentropy");
            var (features, labels) = TestModels.Classification(32, 6, 3);
            model.Fit(features, labels, epochs: 1, batchSize: 8, verbose: 0);
        }
        using var dir = new ScratchDirectory();
        string path = dir.File("model.h5");
        model.Save(path);

        var warnings = new List<string>();
        var loaded = Models.LoadModel(path, compile: true, warnings.Add);

        Assert.Equal(model.GetType(), loaded.GetType());
        Assert.Equal(model.Layers.Select(l => l.Name), loaded.Layers.Select(l => l.Name));
        Assert.Equal(model.TrainableWeights.Select(w => w.Path), loaded.TrainableWeights.Select(w => w.Path));
        Assert.Equal(model.NonTrainableWeights.Select(w => w.Path), loaded.NonTrainableWeights.Select(w => w.Path));
        var expected = model.PredictMany(x, verbose: 0);
        var actual = loaded.PredictMany(x, verbose: 0);
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].allclose(actual[i], rtol: 0, atol: 0), $"{kind}: output {i} differs after loading");
        }
        if (kind != "batchnorm")
        {
            Assert.Contains(warnings, w => w.Contains("No training configuration found"));
        }
    }

    [Fact]
    public void FrozenLayer_StaysFrozen_AndItsWeightsAreSavedAfterTheTrainableOnes()
    {
        Utils.SetRandomSeed(4);
        var (model, _) = Build("frozen");
        using var dir = new ScratchDirectory();
        string path = dir.File("frozen.h5");
        model.Save(path);
        var loaded = Models.LoadModel(path, compile: false);
        Assert.False(loaded.GetLayer("hidden").Trainable);
        Assert.Equal(["probs/kernel", "probs/bias"], loaded.TrainableWeights.Select(w => w.Path));
    }

    [Theory]
    [InlineData("sequential")]
    [InlineData("functional")]
    [InlineData("rnn")]
    public void CompiledWithAdam_FitAfterLoading_ContinuesLikeAnUninterruptedRun(string kind)
    {
        Utils.SetRandomSeed(8);
        var (model, x) = Build(kind);
        var y = Targets(kind, x);
        Compile(model, kind);
        model.Fit(x, y, epochs: 2, batchSize: 8, shuffle: false, verbose: 0);
        using var dir = new ScratchDirectory();
        string path = dir.File("training.h5");
        model.Save(path);

        var uninterrupted = model.Fit(x, y, epochs: 2, batchSize: 8, shuffle: false, verbose: 0);
        var loaded = Models.LoadModel(path);
        Assert.True(loaded.Compiled);
        Assert.Equal(model.Optimizer!.Iterations - 2 * 4, loaded.Optimizer!.Iterations);
        var resumed = loaded.Fit(x, y, epochs: 2, batchSize: 8, shuffle: false, verbose: 0);

        Assert.Equal(uninterrupted.Keys.Order(), resumed.Keys.Order());
        foreach (var key in uninterrupted.Keys)
        {
            for (int epoch = 0; epoch < 2; epoch++)
            {
                double a = uninterrupted[key][epoch];
                double b = resumed[key][epoch];
                Assert.True(Math.Abs(a - b) <= 1e-6 * Math.Max(1, Math.Abs(a)), $"{kind} {key}[{epoch}]: {a} vs {b}");
            }
        }
        Assert.Equal(model.Optimizer.Iterations, loaded.Optimizer.Iterations);
        var expected = model.PredictMany(x, verbose: 0);
        var actual = loaded.PredictMany(x, verbose: 0);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].allclose(actual[i], rtol: 1e-6, atol: 1e-7));
        }
    }

    [Fact]
    public void MultiOutputCompileSettings_AreRestored()
    {
        Utils.SetRandomSeed(9);
        var (model, x) = Build("functional");
        Compile(model, "functional");
        using var dir = new ScratchDirectory();
        string path = dir.File("multi.h5");
        model.Save(path);
        var loaded = Models.LoadModel(path);
        var y = Targets("functional", x);
        var before = model.Evaluate(x, y, verbose: 0);
        var after = loaded.Evaluate(x, y, verbose: 0);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var key in before.Keys)
        {
            Assert.Equal(before[key], after[key], 6);
        }
        Assert.IsType<Adam>(loaded.Optimizer);
        Assert.Equal(0.01, loaded.Optimizer!.LearningRate);
    }

    [Fact]
    public void IncludeOptimizerFalse_WritesNoTrainingConfig()
    {
        var (model, _) = Build("sequential");
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy");
        using var dir = new ScratchDirectory();
        string path = dir.File("plain.h5");
        model.Save(path, includeOptimizer: false);
        var warnings = new List<string>();
        var loaded = Models.LoadModel(path, compile: true, warnings.Add);
        Assert.False(loaded.Compiled);
        Assert.Single(warnings);
    }

    internal static (Model Model, ArrayLike X) Build(string kind)
    {
        switch (kind)
        {
            case "sequential":
                return (SavingModels.Mlp(), TestModels.Classification(32, 6, 3).X);
            case "functional":
                var (title, _) = TestModels.Classification(32, 6, 3, seed: 5);
                var (tags, _) = TestModels.Classification(32, 4, 2, seed: 6);
                return (SavingModels.TwoInTwoOut(), ArrayLike.Create([title, tags]));
            case "nested":
                return (SavingModels.Nested(), TestModels.Classification(32, 6, 3).X);
            case "batchnorm":
                return (SavingModels.BatchNorm(), TestModels.Classification(32, 6, 3).X);
            case "frozen":
                var frozen = SavingModels.Mlp();
                frozen.GetLayer("hidden").Trainable = false;
                return (frozen, TestModels.Classification(32, 6, 3).X);
            default:
                return (SavingModels.Recurrent(), SavingModels.Sequences(32));
        }
    }

    private static ArrayLike Targets(string kind, ArrayLike x)
    {
        var (_, labels) = TestModels.Classification(32, 6, 3);
        if (kind != "functional")
        {
            return labels;
        }
        var priority = new float[32, 1];
        for (int i = 0; i < 32; i++)
        {
            priority[i, 0] = labels[i] == 0 ? 1 : 0;
        }
        return ArrayLike.Create([priority, labels]);
    }

    private static void Compile(Model model, string kind)
    {
        if (kind == "functional")
        {
            model.Compile(new Adam(learningRate: 0.01), ["binary_crossentropy", "sparse_categorical_crossentropy"],
                lossWeights: [1.0, 0.5], metrics: [["accuracy"], ["accuracy", "sparse_categorical_accuracy"]]);
            return;
        }
        model.Compile(new Adam(learningRate: 0.01), "sparse_categorical_crossentropy", ["accuracy"]);
    }
}
