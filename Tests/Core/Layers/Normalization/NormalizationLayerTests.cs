using System.Text.Json.Nodes;
using Keras.Layers;
using Keras.Saving;

namespace Keras.Tests.Core.Layers.Normalization;

/// <summary>LayerNormalization, GroupNormalization and UnitNormalization: defaults, weights, shapes, configs,
/// masks and errors (numerics are in <see cref="NormalizationGoldenTests"/>).</summary>
public sealed class NormalizationLayerTests
{
    private static string RoundTrip(Layer layer)
    {
        string json = KerasSerialization.SerializeLayer(layer).ToJsonString();
        var back = KerasSerialization.DeserializeLayer(JsonNode.Parse(json)!);
        Assert.Equal(layer.GetType(), back.GetType());
        Assert.Equal(json, KerasSerialization.SerializeLayer(back).ToJsonString());
        return json;
    }

    [Fact]
    public void LayerNormalization_Defaults_AreKeras()
    {
        var layer = new LayerNormalization();
        Assert.Equal([-1], layer.Axis);
        Assert.Equal(1e-3, layer.Epsilon);
        Assert.True(layer.Center);
        Assert.True(layer.Scale);
        Assert.False(layer.RmsScaling);
        Assert.IsType<Keras.Initializers.Zeros>(layer.BetaInitializer);
        Assert.IsType<Keras.Initializers.Ones>(layer.GammaInitializer);
        Assert.Null(layer.BetaRegularizer);
        Assert.Null(layer.GammaRegularizer);
        Assert.Null(layer.BetaConstraint);
        Assert.Null(layer.GammaConstraint);
        Assert.True(layer.SupportsMasking);
    }

    [Fact]
    public void LayerNormalization_Weights_SpanTheNormalizedAxes()
    {
        var layer = new LayerNormalization(axis: [1, 2]);
        layer.Build([null, 5, 4, 3]);
        Assert.Equal(["gamma", "beta"], layer.Weights.Select(w => w.Name));
        Assert.Equal(new Shape(5, 4), layer.Gamma!.Shape);
        Assert.Equal(new Shape(5, 4), layer.Beta!.Shape);

        var rms = new LayerNormalization(rmsScaling: true);
        rms.Build([null, 6]);
        Assert.Equal(["gamma"], rms.Weights.Select(w => w.Name));
    }

    [Fact]
    public void LayerNormalization_IsTheSameInTrainingAndInference_AndPassesMasks()
    {
        var layer = new LayerNormalization();
        using var scope = torch.NewDisposeScope();
        var x = torch.randn(3, 4, 5);
        var mask = torch.tensor(new[] { true, false, true, true, true, false, false, true, true, true, true, false })
            .reshape(3, 4);
        var inference = layer.Call(x, mask: mask);
        var training = layer.Call(x, training: true, mask: mask);
        Assert.True(torch.equal(inference, training).all().item<bool>());
        Assert.True(torch.equal(mask, KerasMask.Get(training)!).all().item<bool>());
        Assert.True(inference.mean([-1]).abs().max().item<float>() < 1e-5);
    }

    [Fact]
    public void LayerNormalization_ConfigAxis_BecomesAListOnceBuilt_AsKeras()
    {
        var layer = new LayerNormalization(epsilon: 1e-6, name: "ln_rt");
        string unbuilt = RoundTrip(layer);
        Assert.Contains("\"axis\":-1", unbuilt);
        layer.Build([null, 7]);
        string built = RoundTrip(layer);
        Assert.Contains("\"axis\":[-1]", built);
        var config = JsonNode.Parse(built)!["config"]!.AsObject();
        Assert.Equal(
            ["name", "trainable", "dtype", "axis", "epsilon", "center", "scale", "rms_scaling", "beta_initializer",
             "gamma_initializer", "beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint"],
            config.Select(p => p.Key));
        Assert.Contains("\"axis\":[1,2]", RoundTrip(new LayerNormalization(axis: [1, 2])));
    }

    [Fact]
    public void LayerNormalization_ReadsKeras3AndKeras2Configs()
    {
        const string keras3 = """
            {"module": "keras.layers", "class_name": "LayerNormalization", "config": {"name": "layer_norm",
             "trainable": true, "dtype": "float32", "axis": [-1], "epsilon": 1e-06, "center": true, "scale": true,
             "rms_scaling": false, "beta_initializer": {"module": "keras.initializers", "class_name": "Zeros",
             "config": {}, "registered_name": null}, "gamma_initializer": {"module": "keras.initializers",
             "class_name": "Ones", "config": {}, "registered_name": null}, "beta_regularizer": null,
             "gamma_regularizer": null, "beta_constraint": null, "gamma_constraint": null}, "registered_name": null,
             "build_config": {"input_shape": [null, 10, 32]}}
            """;
        var layer = (LayerNormalization)KerasSerialization.DeserializeLayer(JsonNode.Parse(keras3)!);
        Assert.Equal([-1], layer.Axis);
        Assert.Equal(1e-6, layer.Epsilon);
        Assert.Equal(new Shape(32), layer.Gamma!.Shape);

        const string keras2 = """
            {"class_name": "LayerNormalization", "config": {"name": "ln2", "trainable": true, "dtype": "float32",
             "axis": 2, "epsilon": 0.001, "center": false, "scale": true, "beta_initializer": {"class_name": "Zeros",
             "config": {}}, "gamma_initializer": {"class_name": "Ones", "config": {}}, "beta_regularizer": null,
             "gamma_regularizer": null, "beta_constraint": null, "gamma_constraint": null}}
            """;
        var legacy = (LayerNormalization)KerasSerialization.DeserializeLayer(JsonNode.Parse(keras2)!);
        Assert.Equal([2], legacy.Axis);
        Assert.False(legacy.Center);
    }

    [Fact]
    public void LayerNormalization_BadAxes_AreRejected()
    {
        Assert.Equal("axis", Assert.Throws<ArgumentException>(() => new LayerNormalization(axis: Array.Empty<int>()))
            .ParamName);
        var outOfBounds = Assert.Throws<ArgumentException>(() => new LayerNormalization(axis: 3).Build([null, 4]));
        Assert.Contains("out of bounds", outOfBounds.Message);
        Assert.Throws<ArgumentException>(() => new LayerNormalization(axis: [1, -1]).ComputeOutputShape([null, 4]));
        Assert.Contains("defined dimension",
            Assert.Throws<ArgumentException>(() => new LayerNormalization().Build([null, null])).Message);
    }

    [Fact]
    public void GroupNormalization_Defaults_AreKeras()
    {
        var layer = new GroupNormalization();
        Assert.Equal(32, layer.Groups);
        Assert.Equal(-1, layer.Axis);
        Assert.Equal(1e-3, layer.Epsilon);
        Assert.True(layer.Center);
        Assert.True(layer.Scale);
        Assert.IsType<Keras.Initializers.Zeros>(layer.BetaInitializer);
        Assert.IsType<Keras.Initializers.Ones>(layer.GammaInitializer);
        Assert.Null(layer.GammaRegularizer);
        Assert.True(layer.SupportsMasking);
    }

    [Fact]
    public void GroupNormalization_GroupsMustDivideTheChannels()
    {
        var notDividing = Assert.Throws<ArgumentException>(() => new GroupNormalization(groups: 3).Build([null, 4, 8]));
        Assert.Contains("Number of groups (3)", notDividing.Message);
        Assert.Contains("number of channels (8)", notDividing.Message);
        var tooMany = Assert.Throws<ArgumentException>(() => new GroupNormalization().Build([null, 4, 8]));
        Assert.Contains("cannot be more than the number of channels (8)", tooMany.Message);
        Assert.Equal("groups", Assert.Throws<ArgumentException>(() => new GroupNormalization(groups: 0)).ParamName);
        Assert.Contains("batch axis",
            Assert.Throws<ArgumentException>(() => new GroupNormalization(groups: 1, axis: 0).Build([null, 4]))
                .Message);
        Assert.Contains("defined dimension",
            Assert.Throws<ArgumentException>(() => new GroupNormalization(groups: 1).Build([null, null])).Message);
    }

    [Fact]
    public void GroupNormalization_MinusOne_IsOneGroupPerChannel_InTheConfigToo()
    {
        var layer = new GroupNormalization(groups: -1, axis: 1, name: "gn_rt");
        Assert.Contains("\"groups\":-1", RoundTrip(layer));
        layer.Build([null, 6, 5]);
        Assert.Equal(6, layer.Groups);
        Assert.Equal(["gamma", "beta"], layer.Weights.Select(w => w.Name));
        Assert.Equal(new Shape(6), layer.Gamma!.Shape);
        string json = RoundTrip(layer);
        Assert.Contains("\"groups\":6", json);
        var config = JsonNode.Parse(json)!["config"]!.AsObject();
        Assert.Equal(
            ["name", "trainable", "dtype", "groups", "axis", "epsilon", "center", "scale", "beta_initializer",
             "gamma_initializer", "beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint"],
            config.Select(p => p.Key));
    }

    [Fact]
    public void GroupNormalization_OneGroupPerChannel_IsInstanceNormalization()
    {
        var layer = new GroupNormalization(groups: -1, epsilon: 0);
        using var scope = torch.NewDisposeScope();
        var x = torch.randn(2, 7, 3);
        var y = layer.Call(x);
        Assert.True(y.mean([1]).abs().max().item<float>() < 1e-5);
        Assert.True((y.var([1], unbiased: false) - 1).abs().max().item<float>() < 1e-4);
    }

    [Fact]
    public void UnitNormalization_GivesUnitNorms_AndRoundTrips()
    {
        var layer = new UnitNormalization(axis: [1, 2]);
        using var scope = torch.NewDisposeScope();
        var x = torch.randn(3, 4, 2, 5);
        var y = layer.Call(x);
        var norms = y.square().sum([1, 2]).sqrt();
        Assert.True((norms - 1).abs().max().item<float>() < 1e-5);
        Assert.Empty(layer.Weights);
        Assert.True(layer.SupportsMasking);
        Assert.Equal([-1], new UnitNormalization().Axis);
        Assert.Contains("\"axis\":[1,2]", RoundTrip(layer));
        Assert.Contains("\"axis\":-1", RoundTrip(new UnitNormalization(name: "unit_rt")));
        const string keras3 = """
            {"module": "keras.layers", "class_name": "UnitNormalization", "config": {"name": "unit_normalization",
             "trainable": true, "dtype": {"module": "keras", "class_name": "DTypePolicy",
             "config": {"name": "float32"}, "registered_name": null}, "axis": -1}, "registered_name": null}
            """;
        Assert.IsType<UnitNormalization>(KerasSerialization.DeserializeLayer(JsonNode.Parse(keras3)!));
        Assert.Equal("axis",
            Assert.Throws<ArgumentException>(() => new UnitNormalization(Array.Empty<int>())).ParamName);
    }

    [Fact]
    public void ComputeOutputShape_MatchesCall_ForRandomLayers()
    {
        ShapeProperty.Check(random =>
        {
            int rank = random.Next(2, 5);
            var shape = Enumerable.Range(0, rank).Select(_ => (long)random.Next(1, 5)).ToArray();
            var axes = Enumerable.Range(1, rank - 1).Where(_ => random.Next(2) == 0).ToArray();
            if (axes.Length == 0)
            {
                return (new LayerNormalization(rmsScaling: random.Next(2) == 0), shape);
            }
            return (new LayerNormalization(axis: axes, center: random.Next(2) == 0), shape);
        });
        ShapeProperty.Check(random =>
        {
            int rank = random.Next(2, 5);
            int axis = random.Next(1, rank);
            int groups = random.Next(1, 4);
            var shape = Enumerable.Range(0, rank).Select(_ => (long)random.Next(1, 4)).ToArray();
            shape[axis] = groups * random.Next(1, 3);
            return (new GroupNormalization(groups: groups, axis: axis - (random.Next(2) == 0 ? rank : 0)), shape);
        });
        ShapeProperty.Check(random =>
        {
            int rank = random.Next(2, 5);
            var shape = Enumerable.Range(0, rank).Select(_ => (long)random.Next(1, 5)).ToArray();
            return (new UnitNormalization(axis: random.Next(1, rank)), shape);
        });
    }

    private sealed class SumRegularizer(double factor) : Keras.Regularizers.Regularizer
    {
        public override Tensor Call(Tensor x) => x.sum() * factor;

        public override Dictionary<string, object?> GetConfig() => new() { ["factor"] = factor };
    }

    private sealed class ClampConstraint(float max) : Keras.Constraints.Constraint
    {
        public override Tensor Call(Tensor w) => w.clamp_max(max);

        public override Dictionary<string, object?> GetConfig() => new() { ["max"] = max };
    }

    [Fact]
    public void GammaAndBetaOptions_ReachTheWeights()
    {
        var bn = new BatchNormalization(gammaRegularizer: new SumRegularizer(0.5),
            betaConstraint: new ClampConstraint(-1));
        var ln = new LayerNormalization(betaRegularizer: new SumRegularizer(2),
            gammaConstraint: new ClampConstraint(0.25f));
        var gn = new GroupNormalization(groups: 2, gammaRegularizer: new SumRegularizer(1));
        var model = new Keras.Sequential(new Input([4]), bn, ln, gn);
        using (var scope = torch.NewDisposeScope())
        {
            model.Call(torch.ones(2, 4));
            // gamma of ones (4 · 0.5), beta of zeros (0 · 2), gamma of ones (4 · 1).
            Assert.Equal([2f, 0f, 4f], model.Losses.Select(l => l.item<float>()).ToArray());
        }
        model.Compile(optimizer: new Keras.Optimizers.SGD(learningRate: 0.01), loss: "mse");
        model.Fit(new float[8, 4], new float[8, 4], verbose: 0);
        Assert.All(bn.Beta!.ToArray(), v => Assert.Equal(-1f, v));
        Assert.All(ln.Gamma!.ToArray(), v => Assert.True(v <= 0.25f));
        Assert.Same(bn.GammaRegularizer, bn.Gamma!.Regularizer);
    }

    [Fact]
    public void NormalizationLayers_WorkInAFunctionalModel()
    {
        var inputs = new Input([4, 4, 6]);
        var x = new GroupNormalization(groups: 3).Call(inputs);
        x = new BatchNormalization().Call(x);
        x = new LayerNormalization(axis: [1, 2, 3]).Call(x);
        var outputs = new UnitNormalization().Call(x);
        var model = new Functional(inputs, outputs);
        Assert.Equal(new Shape(null, 4, 4, 6), outputs.Shape);
        using var y = model.Predict(new float[2, 4, 4, 6], verbose: 0);
        Assert.Equal([2L, 4, 4, 6], y.shape);
    }
}
