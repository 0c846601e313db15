using Keras.Layers;

namespace Keras.Tests.Inference;

public sealed class StateVersionTests
{
    [Fact]
    public void Predict_LeavesVersionUnchanged()
    {
        using var model = new Sequential(new Input([3]), new Dense(2), new BatchNormalization());
        long version = model.StateVersion;
        using var y = model.Predict(new float[4, 3], verbose: 0);
        Assert.Equal(version, model.StateVersion);
    }

    [Fact]
    public void SetWeights_OnASublayer_RaisesTheModelVersion()
    {
        using var model = new Sequential(new Input([3]), new Dense(2));
        long version = model.StateVersion;
        var dense = model.Layers[0];
        dense.SetWeights(dense.GetWeights());
        Assert.True(model.StateVersion > version);
    }

    [Fact]
    public void Fit_RaisesTheVersion()
    {
        using var model = new Sequential(new Input([3]), new Dense(2));
        model.Compile(optimizer: "sgd", loss: "mse");
        long version = model.StateVersion;
        model.Fit(new float[4, 3], new float[4, 2], epochs: 1, verbose: 0);
        Assert.True(model.StateVersion > version);
    }

    [Fact]
    public void BatchNormalizationTraining_RaisesTheVersionThroughMovingStatistics()
    {
        using var norm = new BatchNormalization();
        using var model = new Sequential(new Input([3]), norm);
        long version = model.StateVersion;
        using var x = torch.rand(4, 3);
        using var y = model.Call(x, training: true);
        Assert.True(model.StateVersion > version);
    }

    [Fact]
    public void AddAndPop_RaiseTheVersion()
    {
        using var model = new Sequential(new Input([3]), new Dense(2));
        long version = model.StateVersion;
        model.Add(new Dropout(0.5));
        long added = model.StateVersion;
        Assert.True(added > version);
        model.Pop();
        Assert.True(model.StateVersion > added);
    }
}
