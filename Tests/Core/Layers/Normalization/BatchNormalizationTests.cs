using System.Text.Json.Nodes;
using Keras.Layers;
using Keras.Saving;

namespace Keras.Tests.Core.Layers.Normalization;

/// <summary>BatchNormalization beyond the golden numerics: defaults, weights, the training flag and frozen layers,
/// masks, shapes, configs and errors.</summary>
public sealed class BatchNormalizationTests
{
    private static float[] Values(Variable v) => v.ToArray();

    private static Tensor Batch(params long[] shape) => torch.rand(shape) * 4 - 1;

    [Fact]
    public void Ctor_Defaults_AreKeras()
    {
        var layer = new BatchNormalization();
        Assert.Equal(-1, layer.Axis);
        Assert.Equal(0.99, layer.Momentum);
        Assert.Equal(1e-3, layer.Epsilon);
        Assert.True(layer.Center);
        Assert.True(layer.Scale);
        Assert.IsType<Keras.Initializers.Zeros>(layer.BetaInitializer);
        Assert.IsType<Keras.Initializers.Ones>(layer.GammaInitializer);
        Assert.IsType<Keras.Initializers.Zeros>(layer.MovingMeanInitializer);
        Assert.IsType<Keras.Initializers.Ones>(layer.MovingVarianceInitializer);
        Assert.Null(layer.BetaRegularizer);
        Assert.Null(layer.GammaRegularizer);
        Assert.Null(layer.BetaConstraint);
        Assert.Null(layer.GammaConstraint);
        Assert.Null(layer.ActivityRegularizer);
        Assert.True(layer.SupportsMasking);
        Assert.True(layer.Trainable);
    }

    [Fact]
    public void Build_CreatesKerasWeights_InKerasOrder()
    {
        var layer = new BatchNormalization(axis: 1);
        layer.Build([null, 3, 5, 5]);
        Assert.Equal(["gamma", "beta", "moving_mean", "moving_variance"], layer.Weights.Select(w => w.Name));
        Assert.All(layer.Weights, w => Assert.Equal(new Shape(3), w.Shape));
        Assert.Equal(["gamma", "beta"], layer.TrainableWeights.Select(w => w.Name));
        Assert.Equal(["moving_mean", "moving_variance"], layer.NonTrainableWeights.Select(w => w.Name));
        Assert.Equal([1f, 1f, 1f], Values(layer.Gamma!));
        Assert.Equal([0f, 0f, 0f], Values(layer.Beta!));
        Assert.Equal([0f, 0f, 0f], Values(layer.MovingMean!));
        Assert.Equal([1f, 1f, 1f], Values(layer.MovingVariance!));
        Assert.Equal(12, layer.CountParams());

        var bare = new BatchNormalization(center: false, scale: false);
        bare.Build([null, 4]);
        Assert.Equal(["moving_mean", "moving_variance"], bare.Weights.Select(w => w.Name));
        Assert.Null(bare.Gamma);
        Assert.Null(bare.Beta);
    }

    [Fact]
    public void Training_UsesBatchStatistics_AndUpdatesMovingOnes_WithoutGradientTracking()
    {
        var layer = new BatchNormalization(momentum: 0.5);
        using var scope = torch.NewDisposeScope();
        var x = Batch(64, 3);
        var y = layer.Call(x, training: true);
        // Normalized with the batch's own statistics: mean 0 and biased variance var / (var + eps).
        var (variance, mean) = torch.var_mean(x, [0], unbiased: false);
        Assert.True(y.mean([0]).abs().max().item<float>() < 1e-5);
        var expectedVar = variance / (variance + 1e-3);
        Assert.True(torch.allclose(y.var([0], unbiased: false), expectedVar, rtol: 1e-4, atol: 1e-5));
        Assert.True(torch.allclose(layer.MovingMean!.Value, mean * 0.5, rtol: 1e-5, atol: 1e-6));
        Assert.True(torch.allclose(layer.MovingVariance!.Value, variance * 0.5 + 0.5, rtol: 1e-5, atol: 1e-6));
        Assert.False(layer.MovingMean.Value.requires_grad);
        Assert.False(layer.MovingVariance.Value.requires_grad);
    }

    [Fact]
    public void Inference_UsesMovingStatistics_AndLeavesThemAlone()
    {
        var layer = new BatchNormalization(epsilon: 0);
        layer.Build([null, 2]);
        layer.MovingMean!.Assign([1f, -2f]);
        layer.MovingVariance!.Assign([4f, 0.25f]);
        using var x = torch.tensor(new float[] { 3, 0, 1, -2 }).reshape(2, 2);
        using var y = layer.Call(x);
        Assert.Equal([1f, 4f, 0f, 0f], y.data<float>().ToArray());
        Assert.Equal([1f, -2f], Values(layer.MovingMean));
        Assert.Equal([4f, 0.25f], Values(layer.MovingVariance));
    }

    [Fact]
    public void FrozenLayer_RunsInInferenceMode_EvenWithTrainingTrue()
    {
        var layer = new BatchNormalization(trainable: false);
        using var scope = torch.NewDisposeScope();
        var x = Batch(16, 4);
        layer.Build([null, 4]);
        layer.MovingMean!.Assign([0.5f, -0.5f, 1f, 0f]);
        var inference = layer.Call(x, training: false);
        var training = layer.Call(x, training: true);
        Assert.True(torch.equal(inference, training).all().item<bool>());
        Assert.Equal([0.5f, -0.5f, 1f, 0f], Values(layer.MovingMean));
        Assert.Empty(layer.TrainableWeights);

        layer.Trainable = true;
        var unfrozen = layer.Call(x, training: true);
        Assert.False(torch.allclose(unfrozen, inference));
        Assert.NotEqual([0.5f, -0.5f, 1f, 0f], Values(layer.MovingMean));
    }

    [Fact]
    public void Predict_LeavesMovingStatistics_AndFitUpdatesThem()
    {
        var bn = new BatchNormalization(name: "bn_predict");
        var model = new Keras.Sequential(new Input([3]), bn, new Dense(1));
        model.Compile(optimizer: "sgd", loss: "mse");
        var x = new float[32, 3];
        var y = new float[32, 1];
        for (int i = 0; i < 32; i++)
        {
            x[i, 0] = i;
            x[i, 1] = -2 * i;
            x[i, 2] = 5;
            y[i, 0] = i % 2;
        }
        var mean = Values(bn.MovingMean!);
        var variance = Values(bn.MovingVariance!);
        model.Predict(x, verbose: 0).Dispose();
        model.Evaluate(x, y, verbose: 0);
        Assert.Equal(mean, Values(bn.MovingMean!));
        Assert.Equal(variance, Values(bn.MovingVariance!));

        model.Fit(x, y, batchSize: 32, epochs: 1, verbose: 0);
        // One step on the whole batch: moving = 0.99 · initial + 0.01 · batch statistics.
        Assert.Equal(0.01 * 15.5, Values(bn.MovingMean!)[0], 4);
        Assert.Equal(0.01 * -31.0, Values(bn.MovingMean!)[1], 4);
        Assert.Equal(0.99 + 0.01 * (32 * 32 - 1) / 12.0, Values(bn.MovingVariance!)[0], 3);
    }

    [Fact]
    public void FrozenLayer_InFit_KeepsMovingStatisticsAndWeights()
    {
        var bn = new BatchNormalization(name: "bn_frozen_fit");
        var model = new Keras.Sequential(new Input([4]), new Dense(4), bn, new Dense(2, activation: "softmax"));
        bn.Trainable = false;
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy");
        var (x, y) = Keras.Tests.Support.TestModels.Classification(64, 4, 2);
        var before = bn.Weights.Select(Values).ToList();
        var dense = model.Layers[0].Weights[0].ToArray();
        model.Fit(x, y, batchSize: 16, epochs: 2, verbose: 0);
        Assert.Equal(before, bn.Weights.Select(Values).ToList());
        Assert.NotEqual(dense, model.Layers[0].Weights[0].ToArray());
    }

    [Fact]
    public void Mask_PassesThrough_AndMustHaveOneDimensionLess()
    {
        var layer = new BatchNormalization();
        using var scope = torch.NewDisposeScope();
        var x = Batch(2, 3, 4);
        var mask = torch.tensor(new[] { true, true, false, true, false, false }).reshape(2, 3);
        var y = layer.Call(x, training: true, mask: mask);
        Assert.True(torch.equal(mask, KerasMask.Get(y)!).all().item<bool>());
        var bad = torch.ones(2, 3, 4, dtype: torch.ScalarType.Bool);
        var error = Assert.Throws<ArgumentException>(() => layer.Call(x, training: true, mask: bad));
        Assert.Contains("one dimension less than the inputs", error.Message);
        Assert.Throws<ArgumentException>(() => layer.Call(x, mask: bad));
    }

    [Fact]
    public void Masked_TrainingStatistics_IgnoreMaskedSteps()
    {
        var layer = new BatchNormalization(momentum: 0.0);
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new float[] { 1, 3, 100, -50 }).reshape(1, 4, 1);
        var mask = torch.tensor(new[] { true, true, false, false }).reshape(1, 4);
        layer.Call(x, training: true, mask: mask);
        Assert.Equal(2.0, Values(layer.MovingMean!)[0], 5);
        Assert.Equal(1.0, Values(layer.MovingVariance!)[0], 5);
    }

    [Fact]
    public void ComputeOutputShape_MatchesCall_ForRandomRanksAndAxes() =>
        ShapeProperty.Check(random =>
        {
            int rank = random.Next(2, 6);
            var shape = Enumerable.Range(0, rank).Select(_ => (long)random.Next(1, 5)).ToArray();
            int axis = random.Next(1, rank) - (random.Next(2) == 0 ? rank : 0);
            return (new BatchNormalization(axis: axis, center: random.Next(2) == 0), shape);
        });

    [Fact]
    public void Call_ChecksTheChannelDimension_LikeKeras()
    {
        var layer = new BatchNormalization();
        layer.Build([null, 5, 3]);
        using var x = torch.ones(2, 5, 4);
        var error = Assert.Throws<ArgumentException>(() => layer.Call(x));
        Assert.Contains("expected axis -1 of input shape to have value 3", error.Message);
        using var rank2 = torch.ones(2, 3);
        Assert.Contains("expected ndim=3", Assert.Throws<ArgumentException>(() => layer.Call(rank2)).Message);
    }

    [Fact]
    public void BadArguments_NameTheArgument()
    {
        var sync = Assert.Throws<ArgumentException>(() => new BatchNormalization(synchronized: true));
        Assert.Equal("synchronized", sync.ParamName);
        var axis = Assert.Throws<ArgumentException>(() => new BatchNormalization(axis: 3).Build([null, 4]));
        Assert.Contains("`axis`", axis.Message);
        Assert.Contains("out of bounds", axis.Message);
        var undefined = Assert.Throws<ArgumentException>(() => new BatchNormalization().Build([null, null]));
        Assert.Contains("must have a defined dimension", undefined.Message);
    }

    [Fact]
    public void Config_HasKeras3Keys_AndRoundTrips()
    {
        var layer = new BatchNormalization(axis: 1, momentum: 0.9, epsilon: 1e-5, center: false,
            gammaInitializer: "random_normal", name: "bn_rt");
        layer.Build([null, 3, 4]);
        var json = KerasSerialization.SerializeLayer(layer);
        var config = json["config"]!.AsObject();
        Assert.Equal(
            ["name", "trainable", "dtype", "axis", "momentum", "epsilon", "center", "scale", "beta_initializer",
             "gamma_initializer", "moving_mean_initializer", "moving_variance_initializer", "beta_regularizer",
             "gamma_regularizer", "beta_constraint", "gamma_constraint", "synchronized"],
            config.Select(p => p.Key));
        Assert.Equal(1L, config["axis"]!.GetValue<long>());
        Assert.Equal("RandomNormal", (string)config["gamma_initializer"]!["class_name"]!);
        var back = (BatchNormalization)KerasSerialization.DeserializeLayer(JsonNode.Parse(json.ToJsonString())!);
        Assert.True(back.Built);
        Assert.Equal(json.ToJsonString(), KerasSerialization.SerializeLayer(back).ToJsonString());
    }

    [Fact]
    public void ReadsKeras3Config()
    {
        const string json = """
            {"module": "keras.layers", "class_name": "BatchNormalization", "config": {"name": "batch_normalization",
             "trainable": false, "dtype": {"module": "keras", "class_name": "DTypePolicy",
             "config": {"name": "float32"}, "registered_name": null}, "axis": -1, "momentum": 0.99, "epsilon": 0.001, "center": true, "scale": true,
             "beta_initializer": {"module": "keras.initializers", "class_name": "Zeros", "config": {},
             "registered_name": null}, "gamma_initializer": {"module": "keras.initializers", "class_name": "Ones",
             "config": {}, "registered_name": null}, "moving_mean_initializer": {"module": "keras.initializers",
             "class_name": "Zeros", "config": {}, "registered_name": null}, "moving_variance_initializer":
             {"module": "keras.initializers", "class_name": "Ones", "config": {}, "registered_name": null},
             "beta_regularizer": null, "gamma_regularizer": null, "beta_constraint": null, "gamma_constraint": null,
             "synchronized": false}, "registered_name": null, "build_config": {"input_shape": [null, 8, 8, 16]}}
            """;
        var layer = (BatchNormalization)KerasSerialization.DeserializeLayer(JsonNode.Parse(json)!);
        Assert.Equal("batch_normalization", layer.Name);
        Assert.False(layer.Trainable);
        Assert.Equal(new Shape(16), layer.MovingVariance!.Shape);
    }

    [Fact]
    public void ReadsKeras2Config_WithListAxis_AndRejectsRenorm()
    {
        const string keras2 = """
            {"class_name": "BatchNormalization", "config": {"name": "bn0", "trainable": true, "dtype": "float32",
             "axis": [3], "momentum": 0.99, "epsilon": 1.001e-05, "center": true, "scale": true,
             "beta_initializer": {"class_name": "Zeros", "config": {}}, "gamma_initializer": {"class_name": "Ones",
             "config": {}}, "moving_mean_initializer": {"class_name": "Zeros", "config": {}},
             "moving_variance_initializer": {"class_name": "Ones", "config": {}}, "beta_regularizer": null,
             "gamma_regularizer": null, "beta_constraint": null, "gamma_constraint": null, "renorm": false,
             "renorm_clipping": null, "renorm_momentum": 0.99, "fused": null, "virtual_batch_size": null,
             "adjustment": null}}
            """;
        var layer = (BatchNormalization)KerasSerialization.DeserializeLayer(JsonNode.Parse(keras2)!);
        Assert.Equal(3, layer.Axis);
        Assert.Equal(1.001e-5, layer.Epsilon);

        var renorm = JsonNode.Parse(keras2)!;
        renorm["config"]!["renorm"] = true;
        var error = Assert.Throws<NotSupportedException>(() => KerasSerialization.DeserializeLayer(renorm));
        Assert.Contains("\"renorm\"", error.Message);
        var twoAxes = JsonNode.Parse(keras2)!;
        twoAxes["config"]!["axis"] = new JsonArray(1, 2);
        Assert.Throws<NotSupportedException>(() => KerasSerialization.DeserializeLayer(twoAxes));
    }
}
