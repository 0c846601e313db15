using Keras.Layers;
using Keras.Tests.Support;

namespace Keras.Tests.FunctionalApi;

public class TransferLearningTests
{
    private static float[] Values(Layer layer) => layer.Weights.SelectMany(w => w.ToArray()).ToArray();

    [Fact]
    public void UnfreezingTakesEffectOnlyAfterRecompile_AsInKeras()
    {
        var baseInputs = new Input([6]);
        var baseModel = new Functional(baseInputs, new Dense(8, activation: "relu", name: "tl_base_dense").Call(baseInputs),
            name: "tl_base");
        baseModel.Trainable = false;
        var model = new Keras.Sequential(new Input([6]), baseModel, new Dense(3, activation: "softmax", name: "tl_head"));
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy");
        var (x, y) = TestModels.Classification(64, 6, 3);
        model.Fit(x, y, epochs: 1, verbose: 0);

        // Unfrozen but not recompiled: Fit keeps training only what was trainable when it was compiled.
        baseModel.Trainable = true;
        var frozenValues = Values(baseModel);
        model.Fit(x, y, epochs: 1, verbose: 0);
        Assert.Equal(frozenValues, Values(baseModel));

        // Recompiled (low learning rate for fine-tuning): the base now trains too.
        model.Compile(optimizer: new Keras.Optimizers.Adam(learningRate: 1e-4), loss: "sparse_categorical_crossentropy");
        model.Fit(x, y, epochs: 1, verbose: 0);
        Assert.NotEqual(frozenValues, Values(baseModel));
    }

    [Fact]
    public void FreezingAfterCompile_StopsUpdatesImmediately_AsKeras3()
    {
        var model = new Keras.Sequential(new Input([6]), new Dense(8, name: "tl_a"), new Dense(3, name: "tl_b"));
        model.Compile(optimizer: "sgd", loss: "sparse_categorical_crossentropy");
        var (x, y) = TestModels.Classification(32, 6, 3);
        model.GetLayer("tl_a").Trainable = false;
        var before = Values(model.GetLayer("tl_a"));
        model.Fit(x, y, epochs: 1, verbose: 0);
        Assert.Equal(before, Values(model.GetLayer("tl_a")));
    }
}
