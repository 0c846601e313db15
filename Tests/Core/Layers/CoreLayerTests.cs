using Keras.Layers;

namespace Keras.Tests.Core.Layers;

public class CoreLayerTests
{
    [Fact]
    public void Dense_ComputesKernelLayoutAffineTransform()
    {
        var dense = new Dense(2, activation: "relu");
        dense.Build([null, 3]);
        Assert.Equal(new Shape(3, 2), dense.Kernel!.Shape);
        Assert.Equal(new Shape(2), dense.Bias!.Shape);
        dense.Kernel.Assign([1f, -1f, 2f, 0.5f, -3f, 1f]);
        dense.Bias.Assign([0.5f, -10f]);
        using var x = torch.tensor(new float[] { 1, 2, 3, -1, 0, 1 }).reshape(2, 3);
        using var y = dense.Call(x);
        // Row 0: [1*1 + 2*2 + 3*-3 + .5, 1*-1 + 2*.5 + 3*1 - 10] = [-3.5, -7] → relu → [0, 0]
        // Row 1: [-1 + 0 - 3 + .5, 1 + 0 + 1 - 10] = [-3.5, -8] → [0, 0]; use linear to see values.
        Assert.Equal(new float[] { 0, 0, 0, 0 }, y.data<float>().ToArray());
        var linear = new Dense(2);
        linear.Build([null, 3]);
        linear.Kernel!.Assign([1f, -1f, 2f, 0.5f, -3f, 1f]);
        using var z = linear.Call(x);
        Assert.Equal(new float[] { -4, 3, -4, 2 }, z.data<float>().ToArray());
    }

    [Fact]
    public void Dense_OnRank3Input_TransformsLastAxis()
    {
        var dense = new Dense(4);
        using var x = torch.ones(2, 5, 3);
        using var y = dense.Call(x);
        Assert.Equal([2L, 5L, 4L], y.shape);
        Assert.Equal(new Shape(null, 5, 4), dense.ComputeOutputShape([null, 5, 3]));
    }

    [Fact]
    public void Dense_GlorotUniformKernel_StaysWithinKerasLimit()
    {
        var dense = new Dense(128);
        dense.Build([null, 784]);
        double limit = Math.Sqrt(6.0 / (784 + 128));
        var values = dense.Kernel!.ToArray();
        Assert.All(values, v => Assert.InRange(v, -limit, limit));
        Assert.InRange(values.Max(), limit * 0.95, limit);
        Assert.All(dense.Bias!.ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Dropout_IsIdentityInInference_AndScalesKeptUnitsInTraining()
    {
        var dropout = new Dropout(0.25);
        using var x = torch.ones(1000, 10);
        using var inference = dropout.Call(x);
        Assert.Equal(10000f, inference.sum().item<float>());
        using var training = dropout.Call(x, training: true);
        var values = training.data<float>().ToArray();
        Assert.All(values, v => Assert.True(v == 0f || Math.Abs(v - 1f / 0.75f) < 1e-6));
        double keptFraction = values.Count(v => v != 0) / (double)values.Length;
        Assert.InRange(keptFraction, 0.72, 0.78);
    }

    [Fact]
    public void TrainingFlag_PropagatesToNestedLayers()
    {
        var model = new Keras.Sequential(new Input([10]), new Dropout(0.5));
        using var x = torch.ones(4, 10);
        using var inference = model.Call(x);
        Assert.Equal(40f, inference.sum().item<float>());
        using var training = model.Call(x, training: true);
        Assert.Contains(0f, training.data<float>().ToArray());
    }

    [Fact]
    public void Flatten_And_Reshape_ComputeShapesLikeKeras()
    {
        Assert.Equal(new Shape(null, 784), new Flatten().ComputeOutputShape([null, 28, 28]));
        Assert.Equal(new Shape(null, 7, 4), new Reshape([7, -1]).ComputeOutputShape([null, 28]));
        Assert.Equal(new Shape(null, 2, 14), new Reshape([2, 14]).ComputeOutputShape([null, 28]));
        using var x = torch.arange(24, dtype: torch.float32).reshape(2, 3, 4);
        using var flat = new Flatten().Call(x);
        Assert.Equal([2L, 12L], flat.shape);
        using var reshaped = new Reshape([4, 3]).Call(x);
        Assert.Equal([2L, 4L, 3L], reshaped.shape);
        Assert.Equal(x.data<float>().ToArray(), reshaped.data<float>().ToArray());
    }

    [Fact]
    public void Trainable_False_FreezesWeights_AndMovesThemToNonTrainable()
    {
        var dense = new Dense(3);
        dense.Build([null, 2]);
        Assert.Equal(2, dense.TrainableWeights.Count);
        dense.Trainable = false;
        Assert.Empty(dense.TrainableWeights);
        Assert.Equal(2, dense.NonTrainableWeights.Count);
        Assert.False(dense.Kernel!.Value.requires_grad);
        dense.Trainable = true;
        Assert.True(dense.Kernel.Value.requires_grad);
    }

    [Fact]
    public void FrozenLayer_KeepsWeightsBitIdenticalThroughFit_WhileOthersChange()
    {
        var model = new Keras.Sequential(new Input([6]), new Dense(8, activation: "relu", name: "base"), new Dense(3, name: "head"));
        model.GetLayer("base").Trainable = false;
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy");
        var baseBefore = model.GetLayer("base").Weights.SelectMany(w => w.ToArray()).ToArray();
        var headBefore = model.GetLayer("head").Weights.SelectMany(w => w.ToArray()).ToArray();
        var (x, y) = Support.TestModels.Classification(32, 6, 3);
        model.Fit(x, y, epochs: 2, verbose: 0);
        Assert.Equal(baseBefore, model.GetLayer("base").Weights.SelectMany(w => w.ToArray()).ToArray());
        Assert.NotEqual(headBefore, model.GetLayer("head").Weights.SelectMany(w => w.ToArray()).ToArray());
    }

    [Fact]
    public void InputLayer_And_Input_DeclareBatchShape()
    {
        var input = new Input([28, 28]);
        Assert.Equal(new Shape(null, 28, 28), input.Shape);
        Assert.Equal("float32", input.DType);
        var fixedBatch = new InputLayer([3], batchSize: 8);
        Assert.Equal(new Shape(8, 3), fixedBatch.BatchShape);
    }

    [Fact]
    public void Sequential_AddPopBuild_TrackLayersAndWeights()
    {
        var model = new Keras.Sequential();
        model.Add(new Dense(4));
        model.Add(new Dense(2));
        model.Build([null, 3]);
        Assert.Equal(4, model.Weights.Count);
        Assert.Equal(3 * 4 + 4 + 4 * 2 + 2, model.CountParams());
        var popped = model.Pop();
        Assert.IsType<Dense>(popped);
        Assert.Single(model.Layers);
        Assert.Equal(new Shape(null, 4), model.ComputeOutputShape([null, 3]));
    }

    [Fact]
    public void ConfigsUseKerasKeys()
    {
        var dense = new Dense(5, activation: "relu", name: "d");
        var config = dense.GetConfig();
        Assert.Equal(5, config["units"]);
        Assert.Equal("relu", config["activation"]);
        Assert.Equal(true, config["use_bias"]);
        Assert.Equal("d", config["name"]);
        Assert.Equal(0.2, new Dropout(0.2).GetConfig()["rate"]);
        Assert.Equal(new int?[] { null, 3 }, (int?[])new InputLayer([3]).GetConfig()["batch_shape"]!);
    }
}
