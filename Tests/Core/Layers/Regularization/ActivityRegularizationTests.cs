using System.Text.Json.Nodes;
using Keras.Layers;
using Keras.Saving;

namespace Keras.Tests.Core.Layers.Regularization;

/// <summary>ActivityRegularization: the penalty in <see cref="Layer.Losses"/> and in the training loss, config and
/// errors.</summary>
public sealed class ActivityRegularizationTests
{
    [Fact]
    public void Call_PassesInputThrough_AndRecordsThePenalty()
    {
        var layer = new ActivityRegularization(l1: 0.1, l2: 0.01);
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new float[] { 1, -2, 3, -4, 0, 0.5f }).reshape(2, 3);
        var mask = torch.tensor(new[] { true, false });
        var y = layer.Call(x, mask: mask);
        Assert.True(torch.equal(x, y).all().item<bool>());
        Assert.True(torch.equal(mask, KerasMask.Get(y)!).all().item<bool>());
        var loss = Assert.Single(layer.Losses);
        // 0.1 · (1 + 2 + 3 + 4 + 0 + 0.5) + 0.01 · (1 + 4 + 9 + 16 + 0 + 0.25)
        Assert.Equal(0.1 * 10.5 + 0.01 * 30.25, loss.item<float>(), 5);

        layer.Call(x * 2);
        Assert.Equal(0.1 * 21 + 0.01 * 121, Assert.Single(layer.Losses).item<float>(), 4);
    }

    [Fact]
    public void Fit_AddsThePenaltyToTheLoss()
    {
        var x = new float[,] { { 1, 2 }, { -1, 0.5f }, { 0, -3 }, { 2, 2 } };
        var y = new float[,] { { 1 }, { 0 }, { -1 }, { 2 } };
        double plain = FirstLoss(regularize: false, x, y);
        double regularized = FirstLoss(regularize: true, x, y);
        // Dense kernel [1, -1], bias 0: outputs -1, -1.5, 3, 0.
        double penalty = 0.05 * (1 + 1.5 + 3 + 0) + 0.2 * (1 + 2.25 + 9 + 0);
        Assert.Equal(penalty, regularized - plain, 4);
    }

    private static double FirstLoss(bool regularize, float[,] x, float[,] y)
    {
        var dense = new Dense(1, kernelInitializer: "ones", biasInitializer: "zeros");
        Layer[] layers = regularize ? [dense, new ActivityRegularization(l1: 0.05, l2: 0.2)] : [dense];
        var model = new Keras.Sequential(new Input([2]), layers);
        dense.Kernel!.Assign([1f, -1f]);
        model.Compile(optimizer: new Keras.Optimizers.SGD(learningRate: 0.0), loss: "mse");
        var history = model.Fit(x, y, batchSize: 4, epochs: 1, verbose: 0, shuffle: false);
        return history["loss"][0];
    }

    [Fact]
    public void Config_IsKeras3_AndRoundTrips()
    {
        var layer = new ActivityRegularization(l1: 0.01, name: "act_reg");
        var json = KerasSerialization.SerializeLayer(layer);
        Assert.Equal(["name", "trainable", "dtype", "l1", "l2"], json["config"]!.AsObject().Select(p => p.Key));
        var back = (ActivityRegularization)KerasSerialization.DeserializeLayer(JsonNode.Parse(json.ToJsonString())!);
        Assert.Equal(0.01, back.L1);
        Assert.Equal(0.0, back.L2);
        Assert.Equal(json.ToJsonString(), KerasSerialization.SerializeLayer(back).ToJsonString());
        var keras3 = (ActivityRegularization)KerasSerialization.DeserializeLayer(JsonNode.Parse("""
            {"module": "keras.layers", "class_name": "ActivityRegularization", "config": {"name": "ar",
             "trainable": true, "dtype": "float32", "l1": 0.0, "l2": 0.001}, "registered_name": null}
            """)!);
        Assert.Equal(0.001, keras3.L2);
    }

    [Fact]
    public void Defaults_AndBadFactors()
    {
        var layer = new ActivityRegularization();
        Assert.Equal(0.0, layer.L1);
        Assert.Equal(0.0, layer.L2);
        Assert.True(layer.SupportsMasking);
        Assert.Equal(new Shape(null, 3, 4), layer.ComputeOutputShape([null, 3, 4]));
        Assert.Equal("l1", Assert.Throws<ArgumentException>(() => new ActivityRegularization(l1: -1)).ParamName);
        Assert.Equal("l2",
            Assert.Throws<ArgumentException>(() => new ActivityRegularization(l2: double.PositiveInfinity)).ParamName);
    }
}
