using System.Text.Json.Nodes;
using Keras.Layers;
using Keras.Saving;

namespace Keras.Tests.Core.Layers.Regularization;

/// <summary>SpatialDropout1D/2D/3D, GaussianNoise, GaussianDropout and AlphaDropout: statistical checks of the noise
/// under a fixed seed, identity at inference, masks, shapes, configs and errors.</summary>
[Collection(SerialCollection.Name)]
public sealed class RegularizationLayerTests
{
    private const double SeluAlphaP = -1.6732632423543772848170429916717 * 1.0507009873554804934193349852946;

    private static Layer[] RandomLayers() =>
    [
        new SpatialDropout1D(0.5), new SpatialDropout2D(0.5), new SpatialDropout3D(0.5, dataFormat: "channels_first"),
        new GaussianNoise(0.5), new GaussianDropout(0.5), new AlphaDropout(0.5),
    ];

    private static long[] InputShapeFor(Layer layer) => layer switch
    {
        SpatialDropout1D => [4, 5, 6],
        SpatialDropout2D => [4, 5, 3, 6],
        SpatialDropout3D => [4, 6, 2, 3, 2],
        _ => [4, 5, 6],
    };

    private static float[] Data(Tensor t) => t.detach().contiguous().data<float>().ToArray();

    [Fact]
    public void RandomLayers_AreIdentityAtInference_AndPassMasks()
    {
        foreach (var layer in RandomLayers())
        {
            using var scope = torch.NewDisposeScope();
            var x = torch.randn(InputShapeFor(layer));
            var y = layer.Call(x);
            Assert.True(torch.equal(x, y).all().item<bool>(), $"{layer.ClassName} changed its input at inference.");
            var mask = torch.rand(x.shape[0], x.shape[1]) > 0.5;
            var trained = layer.Call(x, training: true, mask: mask);
            Assert.False(torch.equal(x, trained).all().item<bool>(), $"{layer.ClassName} did nothing in training.");
            Assert.True(torch.equal(mask, KerasMask.Get(trained)!).all().item<bool>(),
                $"{layer.ClassName} lost the mask.");
            Assert.True(layer.SupportsMasking);
        }
    }

    [Fact]
    public void RandomLayers_FollowTheGlobalSeed()
    {
        foreach (var layer in RandomLayers())
        {
            using var scope = torch.NewDisposeScope();
            var x = torch.ones(InputShapeFor(layer));
            Utils.SetRandomSeed(42);
            var first = Data(layer.Call(x, training: true));
            Utils.SetRandomSeed(42);
            var second = Data(layer.Call(x, training: true));
            Assert.Equal(first, second);
        }
    }

    [Theory]
    [InlineData("1d", "channels_last")]
    [InlineData("2d", "channels_last")]
    [InlineData("2d", "channels_first")]
    [InlineData("3d", "channels_last")]
    [InlineData("3d", "channels_first")]
    public void SpatialDropout_DropsWholeChannels_AndKeepsTheExpectedValue(string kind, string dataFormat)
    {
        const double rate = 0.3;
        Utils.SetRandomSeed(7);
        (Layer layer, long[] shape, int channelAxis) = kind switch
        {
            "1d" => ((Layer)new SpatialDropout1D(rate), new long[] { 64, 10, 40 }, 2),
            "2d" => (new SpatialDropout2D(rate, dataFormat), dataFormat == "channels_first"
                ? new long[] { 64, 40, 3, 4 } : [64, 3, 4, 40], dataFormat == "channels_first" ? 1 : 3),
            _ => (new SpatialDropout3D(rate, dataFormat), dataFormat == "channels_first"
                ? new long[] { 64, 40, 2, 3, 2 } : [64, 2, 3, 2, 40], dataFormat == "channels_first" ? 1 : 4),
        };
        using var scope = torch.NewDisposeScope();
        var x = torch.ones(shape);
        var y = layer.Call(x, training: true);
        // One value per (sample, channel) map: the spatial axes are the others but the batch axis.
        var maps = y.movedim([channelAxis], [1]).reshape(shape[0], shape[channelAxis], -1);
        var min = maps.amin(-1);
        var max = maps.amax(-1);
        Assert.True(torch.equal(min, max).all().item<bool>(), "A feature map was partly dropped.");
        var kept = Data(min);
        Assert.All(kept, v => Assert.True(v == 0f || Math.Abs(v - 1 / (1 - rate)) < 1e-5, $"Unexpected value {v}."));
        double droppedFraction = kept.Count(v => v == 0f) / (double)kept.Length;
        Assert.InRange(droppedFraction, rate - 0.05, rate + 0.05);
        Assert.InRange(y.mean().item<float>(), 0.9, 1.1);
    }

    [Fact]
    public void GaussianNoise_AddsZeroMeanNoiseWithTheGivenDeviation()
    {
        Utils.SetRandomSeed(11);
        using var scope = torch.NewDisposeScope();
        var x = torch.full([400, 500], 3.0f);
        var noise = new GaussianNoise(0.2).Call(x, training: true) - x;
        Assert.InRange(noise.mean().item<float>(), -0.002, 0.002);
        Assert.InRange(noise.std().item<float>(), 0.198, 0.202);
    }

    [Fact]
    public void GaussianDropout_MultipliesByOneCenteredNoise()
    {
        const double rate = 0.2;
        Utils.SetRandomSeed(12);
        using var scope = torch.NewDisposeScope();
        var x = torch.full([400, 500], 2.0f);
        var factor = new GaussianDropout(rate).Call(x, training: true) / x;
        double expectedStd = Math.Sqrt(rate / (1 - rate));
        Assert.InRange(factor.mean().item<float>(), 0.995, 1.005);
        Assert.InRange(factor.std().item<float>(), expectedStd * 0.99, expectedStd * 1.01);
    }

    [Fact]
    public void AlphaDropout_KeepsMeanAndVarianceOfStandardizedInputs()
    {
        const double rate = 0.2;
        Utils.SetRandomSeed(13);
        using var scope = torch.NewDisposeScope();
        var x = torch.randn(400, 500);
        var y = new AlphaDropout(rate).Call(x, training: true);
        Assert.InRange(x.mean().item<float>(), -0.01, 0.01);
        Assert.InRange(y.mean().item<float>(), -0.01, 0.01);
        Assert.InRange(y.var().item<float>(), 0.98, 1.02);
        // Each entry is either a·x + b (kept) or a·α' + b (dropped), with Keras' affine constants.
        double a = Math.Pow((1 - rate) * (1 + rate * SeluAlphaP * SeluAlphaP), -0.5);
        double b = -a * SeluAlphaP * rate;
        var kept = (y - (x * a + b)).abs() < 1e-5;
        var dropped = (y - (a * SeluAlphaP + b)).abs() < 1e-5;
        Assert.True((kept | dropped).all().item<bool>());
        double droppedFraction = dropped.to_type(torch.ScalarType.Float32).mean().item<float>();
        Assert.InRange(droppedFraction, rate - 0.01, rate + 0.01);
    }

    [Fact]
    public void AlphaDropout_NoiseShape_SharesTheMaskAlongOneAxes()
    {
        Utils.SetRandomSeed(14);
        using var scope = torch.NewDisposeScope();
        var x = torch.zeros(8, 6, 5);
        var y = new AlphaDropout(0.5, noiseShape: [null, 1, null]).Call(x, training: true);
        Assert.True(torch.equal(y.amin(1), y.amax(1)).all().item<bool>());
        var error = Assert.Throws<ArgumentException>(
            () => new AlphaDropout(0.5, noiseShape: [4, 1]).Call(x, training: true));
        Assert.Contains("noise_shape", error.Message);
    }

    [Fact]
    public void ComputeOutputShape_MatchesCall() =>
        ShapeProperty.Check(random =>
        {
            var layers = RandomLayers();
            var layer = layers[random.Next(layers.Length)];
            var shape = InputShapeFor(layer).Select(d => (long)random.Next(1, 5)).ToArray();
            return (layer, shape);
        });

    [Fact]
    public void BadArguments_NameTheArgument()
    {
        Assert.Equal("rate", Assert.Throws<ArgumentException>(() => new SpatialDropout1D(1.5)).ParamName);
        Assert.Equal("rate", Assert.Throws<ArgumentException>(() => new SpatialDropout2D(-0.1)).ParamName);
        Assert.Equal("rate", Assert.Throws<ArgumentException>(() => new GaussianDropout(1.0)).ParamName);
        Assert.Equal("rate", Assert.Throws<ArgumentException>(() => new AlphaDropout(double.NaN)).ParamName);
        var stddev = Assert.Throws<ArgumentException>(() => new GaussianNoise(1.5));
        Assert.Equal("stddev", stddev.ParamName);
        Assert.Contains("Expected a float value between 0 and 1", stddev.Message);
        Assert.Equal("dataFormat", Assert.Throws<ArgumentException>(() => new SpatialDropout3D(0.1, "nhwc")).ParamName);
        Assert.Equal("noiseShape", Assert.Throws<ArgumentException>(() => new AlphaDropout(0.1, [0, 1])).ParamName);
        using var x = torch.ones(2, 3, 4);
        var rank = Assert.Throws<ArgumentException>(() => new SpatialDropout2D(0.1).Call(x));
        Assert.Contains("expected ndim=4", rank.Message);
    }

    [Fact]
    public void Configs_HaveKeras3Keys_AndRoundTrip()
    {
        AssertRoundTrip(new SpatialDropout1D(0.2, name: "sd1"), ["rate", "seed", "name", "dtype"]);
        AssertRoundTrip(new SpatialDropout2D(0.2, "channels_first", name: "sd2"),
            ["rate", "seed", "name", "dtype", "data_format"]);
        AssertRoundTrip(new SpatialDropout3D(0.2, name: "sd3"), ["rate", "seed", "name", "dtype", "data_format"]);
        AssertRoundTrip(new GaussianNoise(0.1, name: "gn"), ["name", "trainable", "dtype", "stddev", "seed"]);
        AssertRoundTrip(new GaussianDropout(0.1, name: "gd"), ["name", "trainable", "dtype", "rate", "seed"]);
        string alpha = AssertRoundTrip(new AlphaDropout(0.1, [null, 1, 4], name: "ad"),
            ["name", "trainable", "dtype", "rate", "seed", "noise_shape"]);
        Assert.Contains("\"noise_shape\":[null,1,4]", alpha);
    }

    [Fact]
    public void ReadsKerasConfigs()
    {
        var spatial = (SpatialDropout2D)Load("""
            {"module": "keras.layers", "class_name": "SpatialDropout2D", "config": {"rate": 0.25, "seed": null,
             "name": "spatial_dropout2d", "dtype": "float32", "data_format": "channels_first"},
             "registered_name": null}
            """);
        Assert.Equal(0.25, spatial.Rate);
        Assert.Equal("channels_first", spatial.DataFormat);
        var keras2Spatial = (SpatialDropout1D)Load("""
            {"class_name": "SpatialDropout1D", "config": {"name": "sd", "trainable": true, "dtype": "float32",
             "rate": 0.1, "noise_shape": null, "seed": null}}
            """);
        Assert.Equal(0.1, keras2Spatial.Rate);
        var noise = (GaussianNoise)Load("""
            {"module": "keras.layers", "class_name": "GaussianNoise", "config": {"name": "gaussian_noise",
             "trainable": true, "dtype": {"module": "keras", "class_name": "DTypePolicy",
             "config": {"name": "float32"}, "registered_name": null}, "stddev": 0.1, "seed": 1337},
             "registered_name": null}
            """);
        Assert.Equal(0.1, noise.Stddev);
        var dropout = (GaussianDropout)Load("""
            {"class_name": "GaussianDropout", "config": {"name": "gd", "trainable": false, "dtype": "float32",
             "rate": 0.4}}
            """);
        Assert.Equal(0.4, dropout.Rate);
        Assert.False(dropout.Trainable);
        var alpha = (AlphaDropout)Load("""
            {"module": "keras.layers", "class_name": "AlphaDropout", "config": {"name": "alpha_dropout",
             "trainable": true, "dtype": "float32", "rate": 0.1, "seed": null, "noise_shape": [null, 1, 8]},
             "registered_name": null}
            """);
        Assert.Equal([null, 1, 8], alpha.NoiseShape!);
    }

    private static Layer Load(string json) => KerasSerialization.DeserializeLayer(JsonNode.Parse(json)!);

    private static string AssertRoundTrip(Layer layer, string[] keys)
    {
        var json = KerasSerialization.SerializeLayer(layer);
        Assert.Equal(keys, json["config"]!.AsObject().Select(p => p.Key));
        var back = KerasSerialization.DeserializeLayer(JsonNode.Parse(json.ToJsonString())!);
        Assert.Equal(layer.GetType(), back.GetType());
        Assert.Equal(json.ToJsonString(), KerasSerialization.SerializeLayer(back).ToJsonString());
        return json.ToJsonString();
    }
}
