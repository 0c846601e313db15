using System.Text.Json.Nodes;
using Keras.Constraints;
using Keras.Initializers;
using Keras.Layers;
using Keras.Regularizers;
using Keras.Saving;

namespace Keras.Tests.Core.Layers.ActivationLayers;

/// <summary>Defaults, argument errors, configs (Keras 3 and Keras 2), shapes, masks and training of the activation
/// layers.</summary>
public sealed class ActivationLayerTests
{
    private static float[] Values(Tensor t) => t.to_type(torch.ScalarType.Float32).data<float>().ToArray();

    [Fact]
    public void Ctor_Defaults_AreKeras()
    {
        var relu = new ReLU();
        Assert.Equal((null, 0.0, 0.0), (relu.MaxValue, relu.NegativeSlope, relu.Threshold));
        Assert.Equal(0.3, new LeakyReLU().NegativeSlope);
        Assert.Equal(1.0, new ELU().Alpha);
        Assert.Equal(-1, new Softmax().Axis.Single());
        var prelu = new PReLU();
        Assert.IsType<Zeros>(prelu.AlphaInitializer);
        Assert.Null(prelu.AlphaRegularizer);
        Assert.Null(prelu.AlphaConstraint);
        Assert.Null(prelu.SharedAxes);
        Layer[] layers = [relu, new LeakyReLU(), prelu, new ELU(), new Softmax()];
        Assert.All(layers, l => Assert.True(l.SupportsMasking, l.ClassName));
    }

    [Fact]
    public void ReLU_KerasDocstringExample()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new float[] { -10, -5, 0, 5, 10 });
        Assert.Equal([-5f, -2.5f, 0f, 5f, 10f], Values(new ReLU(maxValue: 10, negativeSlope: 0.5).Call(x)));
        // Threshold 2 with slope 0.5: negativeSlope · (x − threshold) at or below the threshold.
        Assert.Equal([-6f, -3.5f, -1f, 5f, 10f], Values(new ReLU(negativeSlope: 0.5, threshold: 2).Call(x)));
        Assert.Equal([-5f, -2.5f, 0f, 5f, 10f], Values(new LeakyReLU(0.5).Call(x)));
    }

    [Fact]
    public void Errors_NameTheArgument()
    {
        Assert.Equal("maxValue", Assert.Throws<ArgumentException>(() => new ReLU(maxValue: -1)).ParamName);
        Assert.Equal("negativeSlope", Assert.Throws<ArgumentException>(() => new ReLU(negativeSlope: -0.1)).ParamName);
        Assert.Contains("Received: threshold=-2", Assert.Throws<ArgumentException>(() => new ReLU(threshold: -2)).Message);
        Assert.Contains("Received: negative_slope=-0.3",
            Assert.Throws<ArgumentException>(() => new LeakyReLU(-0.3)).Message);
        Assert.Equal("sharedAxes", Assert.Throws<ArgumentException>(() => new PReLU(sharedAxes: [0])).ParamName);
        Assert.Equal("axis", Assert.Throws<ArgumentException>(() => new Softmax(Array.Empty<int>())).ParamName);
    }

    [Fact]
    public void PReLU_AlphaShape_SharesAxesAndChecksInputs()
    {
        using var scope = torch.NewDisposeScope();
        using var prelu = new PReLU(alphaInitializer: new Constant(0.25), sharedAxes: [1, 2]);
        var y = prelu.Call(torch.full(2, 4, 5, 3, -2f));
        Assert.Equal("alpha", prelu.Alpha!.Name);
        Assert.Equal(new Shape(1, 1, 3), prelu.Alpha.Shape);
        Assert.All(Values(y), v => Assert.Equal(-0.5f, v));
        // Shared axes accept any size; the others must keep the built size.
        Assert.Equal([2L, 7, 1, 3], prelu.Call(torch.ones(2, 7, 1, 3)).shape);
        var error = Assert.Throws<ArgumentException>(() => prelu.Call(torch.ones(2, 4, 5, 2)));
        Assert.Contains("expected axis 3 of input shape to have value 3", error.Message);
        using var unknown = new PReLU();
        Assert.Contains("axis 1 of its input is unknown",
            Assert.Throws<ArgumentException>(() => unknown.Build([null, null, 3])).Message);
    }

    [Fact]
    public void PReLU_RegularizerAndConstraint_ReachTheWeight()
    {
        using var scope = torch.NewDisposeScope();
        using var prelu = new PReLU(alphaInitializer: new Constant(-0.5), alphaRegularizer: new L1(0.1),
            alphaConstraint: new NonNeg());
        prelu.Build([null, 4]);
        Assert.IsType<NonNeg>(prelu.Alpha!.Constraint);
        prelu.Call(torch.ones(1, 4));
        Assert.Equal(0.1 * 0.5 * 4, prelu.Losses.Single().item<float>(), 5);
    }

    [Fact]
    public void Softmax_Mask_ZeroesMaskedPositionsAndPassesTheMaskOn()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new float[] { 1, 2, 3, 4, 0, 0, 0, 0 }).reshape(2, 4);
        var mask = torch.tensor(new[] { true, false, true, false, true, true, true, true }).reshape(2, 4);
        var softmax = new Softmax();
        var y = softmax.Call(x, mask: mask);
        var got = Values(y);
        double e1 = Math.Exp(1), e3 = Math.Exp(3);
        Assert.Equal(e1 / (e1 + e3), got[0], 6);
        Assert.Equal(0f, got[1]);
        Assert.Equal(e3 / (e1 + e3), got[2], 6);
        Assert.Equal(0f, got[3]);
        Assert.All(got[4..], v => Assert.Equal(0.25f, v, 6));
        Assert.True(KerasMask.Get(y)!.eq(mask).all().item<bool>());
        // A mask attached by the previous layer is used the same way.
        var attached = x.clone();
        KerasMask.Set(attached, mask);
        Assert.True(softmax.Call(attached).allclose(y));
        var bad = Assert.Throws<ArgumentException>(() => softmax.Call(x, mask: torch.ones(3, 4).to_type(torch.ScalarType.Bool)));
        Assert.Contains("does not broadcast", bad.Message);
    }

    [Fact]
    public void ElementwiseLayers_PassMasksThrough()
    {
        using var scope = torch.NewDisposeScope();
        var mask = torch.tensor(new[] { true, false, true }).reshape(1, 3);
        Layer[] layers = [new ReLU(), new LeakyReLU(), new ELU(), new PReLU()];
        foreach (var layer in layers)
        {
            var y = layer.Call(torch.ones(1, 3, 2), mask: mask);
            var outputMask = KerasMask.Get(y);
            Assert.True(outputMask is not null && outputMask.eq(mask).all().item<bool>(), layer.ClassName);
        }
    }

    [Fact]
    public void ComputeOutputShape_IsTheProducedShape() =>
        ShapeProperty.Check(random =>
        {
            var shape = Enumerable.Range(0, random.Next(2, 5)).Select(_ => (long)random.Next(1, 5)).ToArray();
            int rank = shape.Length;
            Layer layer = random.Next(6) switch
            {
                0 => new ReLU(maxValue: random.NextDouble() * 2, negativeSlope: random.NextDouble(),
                    threshold: random.NextDouble()),
                1 => new LeakyReLU(random.NextDouble()),
                2 => new ELU(random.NextDouble() + 0.5),
                3 => new PReLU(sharedAxes: random.Next(2) == 0 ? null : [random.Next(1, rank)]),
                4 => new Softmax(random.Next(-rank, rank)),
                _ => new Softmax([random.Next(1, rank), 0]),
            };
            return (layer, shape);
        });

    [Fact]
    public void Names_AreKerasSnakeCase()
    {
        Assert.StartsWith("re_lu", new ReLU().Name);
        Assert.StartsWith("leaky_re_lu", new LeakyReLU().Name);
        Assert.StartsWith("p_re_lu", new PReLU().Name);
        Assert.StartsWith("elu", new ELU().Name);
        Assert.StartsWith("softmax", new Softmax().Name);
    }

    public static TheoryData<string, string> Keras3Configs => new()
    {
        { "ReLU", """{"name": "r", "trainable": true, "dtype": "float32", "max_value": 6, "negative_slope": 0.25, "threshold": 0.5}""" },
        { "ReLU", """{"name": "r", "trainable": true, "dtype": "float32", "max_value": null, "negative_slope": 0, "threshold": 0}""" },
        { "LeakyReLU", """{"name": "l", "trainable": true, "dtype": "float32", "negative_slope": 0.125}""" },
        { "ELU", """{"name": "e", "trainable": false, "dtype": "float32", "alpha": 0.5}""" },
        { "Softmax", """{"name": "s", "trainable": true, "dtype": "float32", "axis": 1}""" },
        { "Softmax", """{"name": "s", "trainable": true, "dtype": "float32", "axis": [1, 2]}""" },
        { "PReLU", """
            {"name": "p", "trainable": true, "dtype": "float32",
             "alpha_initializer": {"module": "keras.initializers", "class_name": "Constant", "config": {"value": 0.25}, "registered_name": null},
             "alpha_regularizer": {"module": "keras.regularizers", "class_name": "L2", "config": {"l2": 0.01}, "registered_name": null},
             "alpha_constraint": {"module": "keras.constraints", "class_name": "NonNeg", "config": {}, "registered_name": null},
             "shared_axes": [1, 2]}
            """ },
        { "PReLU", """
            {"name": "p", "trainable": true, "dtype": "float32",
             "alpha_initializer": {"module": "keras.initializers", "class_name": "Zeros", "config": {}, "registered_name": null},
             "alpha_regularizer": null, "alpha_constraint": null, "shared_axes": null}
            """ },
    };

    [Theory]
    [MemberData(nameof(Keras3Configs))]
    public void Keras3Config_RoundTrips(string className, string config)
    {
        var envelope = new JsonObject
        {
            ["module"] = "keras.layers",
            ["class_name"] = className,
            ["config"] = JsonNode.Parse(config),
            ["registered_name"] = null,
        };
        var layer = KerasSerialization.DeserializeLayer(envelope);
        Assert.Equal(className, layer.ClassName);
        var written = KerasSerialization.SerializeLayer(layer)["config"]!.AsObject();
        written["dtype"] = "float32";
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(config), written), written.ToJsonString());
        var again = KerasSerialization.SerializeLayer(KerasSerialization.DeserializeLayer(KerasSerialization.SerializeLayer(layer)));
        Assert.Equal(KerasSerialization.SerializeLayer(layer).ToJsonString(), again.ToJsonString());
    }

    [Fact]
    public void Keras2Configs_AreRead()
    {
        Layer Read(string json) => KerasSerialization.DeserializeLayer(JsonNode.Parse(json)!);
        var leaky = Assert.IsType<LeakyReLU>(Read("""{"class_name": "LeakyReLU", "config": {"name": "k2", "trainable": true, "dtype": "float32", "alpha": 0.2}}"""));
        Assert.Equal(0.2, leaky.NegativeSlope, 7);
        var prelu = Assert.IsType<PReLU>(Read(
            """{"class_name": "PReLU", "config": {"name": "p2", "alpha_initializer": {"class_name": "Zeros", "config": {}}, "alpha_regularizer": null, "alpha_constraint": null, "shared_axes": 1}}"""));
        Assert.Equal([1], prelu.SharedAxes);
        var relu = Assert.IsType<ReLU>(Read("""{"class_name": "ReLU", "config": {"name": "r2", "max_value": 6.0, "negative_slope": 0.0, "threshold": 0.0}}"""));
        Assert.Equal(6.0, relu.MaxValue);
        var softmax = Assert.IsType<Softmax>(Read("""{"class_name": "Softmax", "config": {"name": "s2", "axis": -1}}"""));
        Assert.Equal(-1, softmax.Axis.Single());
        // Every layer takes Keras' base-layer activity_regularizer, and writes it back when set.
        var elu = Assert.IsType<ELU>(Read(
            """{"class_name": "ELU", "config": {"name": "e2", "alpha": 1.0, "activity_regularizer": {"class_name": "L1", "config": {"l1": 0.1}}}}"""));
        Assert.Equal(0.1, Assert.IsType<Keras.Regularizers.L1>(elu.ActivityRegularizer).Factor, 7);
        Assert.Contains("\"activity_regularizer\":{\"module\":\"keras.regularizers\",\"class_name\":\"L1\"",
            Keras.Saving.KerasSerialization.SerializeLayer(elu).ToJsonString());
    }

    [Fact]
    public void PReLU_TrainsItsSlope()
    {
        var x = new float[32, 3];
        var y = new float[32, 3];
        var random = new Random(5);
        for (int i = 0; i < 32; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                x[i, j] = (float)(random.NextDouble() * 4 - 2);
                y[i, j] = x[i, j] >= 0 ? x[i, j] : 0.5f * x[i, j];
            }
        }
        var prelu = new PReLU();
        var model = new Sequential(new Input([3]), prelu);
        model.Compile(optimizer: new Keras.Optimizers.SGD(learningRate: 0.5), loss: "mse");
        model.Fit(x, y, batchSize: 32, epochs: 60, verbose: 0);
        Assert.All(Values(prelu.Alpha!.Value), a => Assert.Equal(0.5f, a, 2));
    }
}
