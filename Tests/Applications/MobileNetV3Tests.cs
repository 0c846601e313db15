using Keras.Applications;
using Keras.Layers;
using Keras.Tests.Datasets;

namespace Keras.Tests.Applications;

/// <summary>MobileNetV3Small/Large against Keras' parameter counts, the layer names and order of Keras'
/// <c>mobilenet_v3.py</c>, the preprocessing stem, pooling, prediction and Keras' weight file names.</summary>
public sealed class MobileNetV3Tests : IDisposable
{
    private readonly DatasetTestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    // Keras' model.summary() totals with the top at alpha 1.0 (keras.io's applications table lists the same).
    [Theory]
    // Keras' len(model.weights): 210 and 266.
    [InlineData("Small", 1.0, false, 2_554_968, 210)]
    [InlineData("Large", 1.0, false, 5_507_432, 266)]
    public void MobileNetV3_WithTop_HasKerasParameterCount(string variant, double alpha, bool minimalistic,
        long total, int weightCount)
    {
        using Functional model = Build(variant, alpha: alpha, minimalistic: minimalistic);

        Assert.Equal(total, model.CountParams());
        Assert.Equal(weightCount, model.Weights.Count);
    }

    [Fact]
    public void MobileNetV3Small_LayersAreInKerasOrder()
    {
        using Functional model = MobileNetV3Small.Build(weights: null);

        string[] names = model.Layers.Select(l => l.Name).ToArray();

        Assert.Equal("MobileNetV3Small", model.Name);
        Assert.Equal(new Shape(null, null, null, 3), model.Inputs[0].Shape);
        Assert.IsType<Rescaling>(model.Layers[1]);
        Assert.Equal(["conv", "conv_bn"], names[2..4]);
        Assert.IsType<Activation>(model.Layers[4]);
        Assert.Equal(
            [
                "expanded_conv_depthwise_pad", "expanded_conv_depthwise", "expanded_conv_depthwise_bn",
            ],
            names[5..8]);
        Assert.IsType<ReLU>(model.Layers[8]);
        Assert.Equal(["expanded_conv_squeeze_excite_avg_pool", "expanded_conv_squeeze_excite_conv",
            "expanded_conv_squeeze_excite_relu", "expanded_conv_squeeze_excite_conv_1"], names[9..13]);
        Assert.Equal("expanded_conv_squeeze_excite_mul", names[14]);
        Assert.Equal(["expanded_conv_project", "expanded_conv_project_bn", "expanded_conv_1_expand"], names[15..18]);
        Assert.Contains("expanded_conv_2_add", names);
        Assert.DoesNotContain("expanded_conv_1_add", names);
        Assert.DoesNotContain("expanded_conv_1_squeeze_excite_mul", names);
        Assert.Equal("expanded_conv_10_add", names.Last(n => n.EndsWith("_add", StringComparison.Ordinal)));
        Assert.Equal(["conv_1", "conv_1_bn"], names[^10..^8]);
        Assert.Equal(["conv_2"], names[^6..^5]);
        Assert.Equal(["logits", "predictions"], [names[^3], names[^1]]);
        Assert.IsType<Flatten>(model.Layers[^2]);
        var expand = Assert.IsType<Conv2D>(model.GetLayer("expanded_conv_1_expand"));
        Assert.Equal(72, expand.Filters);
        Assert.Equal(new Shape(5, 5, 96, 1), model.GetLayer("expanded_conv_3_depthwise").Weights[0].Shape);
    }

    [Fact]
    public void MobileNetV3Large_Minimalistic_HasNoSqueezeExcitationNorHardSwish()
    {
        using Functional model = MobileNetV3Large.Build(weights: null, minimalistic: true);

        Assert.Equal("MobileNetV3Large", model.Name);
        Assert.DoesNotContain(model.Layers, l => l.Name.Contains("squeeze_excite", StringComparison.Ordinal));
        Assert.DoesNotContain(model.Layers, l => l is Activation a && a.Name != "predictions");
        Assert.Equal(new Shape(3, 3, 960, 1), model.GetLayer("expanded_conv_14_depthwise").Weights[0].Shape);
    }

    [Fact]
    public void MobileNetV3Large_Preprocessing_IsTheMinusOneToOneRescaling()
    {
        using Functional model = MobileNetV3Large.Build(includeTop: false, weights: null, inputShape: [32, 32, 3]);
        var rescaling = Assert.IsType<Rescaling>(model.Layers[1]);
        using var x = torch.full([1, 2, 2, 3], 255f);

        using var y = rescaling.Call(x);

        Assert.Equal(1f, y.flatten()[0].item<float>(), 6);
        using Functional bare = MobileNetV3Large.Build(includeTop: false, weights: null, includePreprocessing: false);
        Assert.Equal("conv", bare.Layers[1].Name);
    }

    [Theory]
    [InlineData(null, new[] { 2, 2, 576 }, "conv_1_bn")]
    [InlineData("avg", new[] { 576 }, "avg_pool")]
    [InlineData("max", new[] { 576 }, "max_pool")]
    public void MobileNetV3Small_Headless_PoolsLikeKeras(string? pooling, int[] featureShape, string lastWeighted)
    {
        using Functional model = MobileNetV3Small.Build(includeTop: false, weights: null, inputShape: [64, 64, 3],
            pooling: pooling);

        Assert.Equal(new Shape([null, .. featureShape.Select(d => (int?)d)]), model.Outputs[0].Shape);
        Assert.Equal(lastWeighted, pooling is null ? model.Layers[^2].Name : model.Layers[^1].Name);
    }

    [Fact]
    public void MobileNetV3Small_Predict_GivesClassProbabilities()
    {
        using Functional model = MobileNetV3Small.Build(weights: null, inputShape: [64, 48, 3], classes: 7);
        using var images = torch.rand(2, 64, 48, 3) * 255;

        using Tensor y = model.Predict(images);

        Assert.Equal(new long[] { 2, 7 }, y.shape);
        using var sums = y.sum(1);
        Assert.All(sums.data<float>().ToArray(), s => Assert.Equal(1f, s, 4));
    }

    [Fact]
    public void Imagenet_UsesKerasFileNamesOriginsAndAlphaRules()
    {
        using var scope = WeightsSources.Use(new WeightsSources
        {
            CacheRoot = _env.CacheRoot,
            FallbackCacheRoot = _env.FallbackRoot,
            OriginOverride = DatasetTestEnvironment.UnreachableOrigin,
            ProgressWriter = _env.Progress,
            ProgressInteractive = false,
        });

        var top = Assert.Throws<WeightsNotAvailableException>(() => MobileNetV3Small.Build());
        var noTop = Assert.Throws<WeightsNotAvailableException>(() =>
            MobileNetV3Large.Build(alpha: 0.75, includeTop: false));

        Assert.Equal(Path.Combine(_env.CacheRoot, "models", "weights_mobilenet_v3_small_224_1.0_float.h5"),
            top.CachePath);
        Assert.Contains("Download https://storage.googleapis.com/tensorflow/keras-applications/mobilenet_v3/" +
            "weights_mobilenet_v3_small_224_1.0_float.h5 ", top.Message);
        Assert.Equal(Path.Combine(_env.CacheRoot, "models", "weights_mobilenet_v3_large_224_0.75_float_no_top_v2.h5"),
            noTop.CachePath);
        Assert.Throws<ArgumentException>(() => MobileNetV3Small.Build(alpha: 0.5));
        Assert.Throws<ArgumentException>(() => MobileNetV3Large.Build(alpha: 0.75, minimalistic: true));
        Assert.Throws<ArgumentException>(() => MobileNetV3Small.Build(weights: null, inputShape: [16, 64, 3]));
    }

    [Fact]
    public void PreprocessInput_IsTheIdentity_AsKeras()
    {
        using var x = torch.rand(1, 4, 4, 3) * 255;

        Assert.Same(x, MobileNetV3Small.PreprocessInput(x));
        Assert.Same(x, MobileNetV3Large.PreprocessInput(x));
    }

    private static Functional Build(string variant, double alpha, bool minimalistic) => variant switch
    {
        "Small" => MobileNetV3Small.Build(weights: null, alpha: alpha, minimalistic: minimalistic),
        _ => MobileNetV3Large.Build(weights: null, alpha: alpha, minimalistic: minimalistic),
    };
}
