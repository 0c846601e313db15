using Keras.Applications;
using Keras.Layers;
using Keras.Saving;
using Keras.Tests.Datasets;

namespace Keras.Tests.Applications;

/// <summary>ConvNeXt Tiny/Small/Base against the published parameter counts, the layer names and order of Keras'
/// <c>convnext.py</c> (nested stem and downsampling Sequentials), pooling, prediction, Keras' weight file names, and
/// the LayerScale/StochasticDepth layers.</summary>
public sealed class ConvNeXtTests : IDisposable
{
    private readonly DatasetTestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    // keras.io's applications table rounds to 28.6M / 50.2M / 88.5M; the exact figures are those of the reference
    // implementation (facebookresearch/ConvNeXt, torchvision's convnext_*), whose layers Keras reproduces one to
    // one; the preprocessing Normalization has constant statistics (no weights).
    [Fact]
    public void ConvNeXtTiny_WithTop_HasKerasParameterCount()
    {
        using Functional model = ConvNeXtTiny.Build(weights: null);

        Assert.Equal(28_589_128, model.CountParams());
    }

    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("Small", 50_223_688)]
    [InlineData("Base", 88_591_464)]
    public void ConvNeXt_LargerWithTop_HasKerasParameterCount(string variant, long total)
    {
        using Functional model = variant == "Small" ? ConvNeXtSmall.Build(weights: null) : ConvNeXtBase.Build(weights: null);

        Assert.Equal(total, model.CountParams());
    }

    [Fact]
    public void ConvNeXtTiny_LayersAreInKerasOrder()
    {
        using Functional model = ConvNeXtTiny.Build(weights: null);

        string[] names = model.Layers.Select(l => l.Name).ToArray();

        Assert.Equal("convnext_tiny", model.Name);
        Assert.Equal(new Shape(null, 224, 224, 3), model.Inputs[0].Shape);
        Assert.Equal(
            [
                "convnext_tiny_prestem_normalization", "convnext_tiny_stem",
                "convnext_tiny_stage_0_block_0_depthwise_conv", "convnext_tiny_stage_0_block_0_layernorm",
                "convnext_tiny_stage_0_block_0_pointwise_conv_1", "convnext_tiny_stage_0_block_0_gelu",
                "convnext_tiny_stage_0_block_0_pointwise_conv_2", "convnext_tiny_stage_0_block_0_layer_scale",
                "convnext_tiny_stage_0_block_0_identity",
            ],
            names[1..10]);
        Assert.IsType<Add>(model.Layers[10]);
        Assert.Equal(["convnext_tiny_stage_3_block_2_identity"], names[^5..^4]);
        Assert.Equal(["convnext_tiny_head_gap", "convnext_tiny_head_layernorm", "convnext_tiny_head_dense"],
            names[^3..]);
        var stem = Assert.IsType<Sequential>(model.GetLayer("convnext_tiny_stem"));
        Assert.Equal(["convnext_tiny_stem_conv", "convnext_tiny_stem_layernorm"], stem.Layers.Select(l => l.Name));
        var down = Assert.IsType<Sequential>(model.GetLayer("convnext_tiny_downsampling_block_2"));
        Assert.Equal(["convnext_tiny_downsampling_layernorm_2", "convnext_tiny_downsampling_conv_2"],
            down.Layers.Select(l => l.Name));
        Assert.Equal(new Shape(7, 7, 1, 384),
            model.GetLayer("convnext_tiny_stage_2_block_8_depthwise_conv").Weights[0].Shape);
        Assert.Equal(1e-6, Assert.IsType<LayerNormalization>(model.GetLayer("convnext_tiny_head_layernorm")).Epsilon);
        var scale = model.GetLayer("convnext_tiny_stage_1_block_0_layer_scale").Weights;
        Assert.Equal(new Shape(192), Assert.Single(scale).Shape);
        Assert.Empty(model.GetLayer("convnext_tiny_prestem_normalization").Weights);
    }

    [Theory]
    [InlineData(null, new[] { 2, 2, 768 })]
    [InlineData("avg", new[] { 768 })]
    [InlineData("max", new[] { 768 })]
    public void ConvNeXtTiny_Headless_PoolsThenNormalizesLikeKeras(string? pooling, int[] featureShape)
    {
        using Functional model = ConvNeXtTiny.Build(includeTop: false, weights: null, inputShape: [64, 64, 3],
            pooling: pooling);

        Assert.Equal(new Shape([null, .. featureShape.Select(d => (int?)d)]), model.Outputs[0].Shape);
        Assert.IsType<LayerNormalization>(model.Layers[^1]);
        Assert.Equal(pooling is null ? "convnext_tiny_stage_3_block_2_identity" : null,
            pooling is null ? model.Layers[^3].Name : null);
    }

    [Fact]
    public void ConvNeXtTiny_Predict_GivesClassProbabilities()
    {
        using Functional model = ConvNeXtTiny.Build(weights: null, classes: 5);
        using var images = torch.rand(1, 224, 224, 3) * 255;

        using Tensor y = model.Predict(images);

        Assert.Equal(new long[] { 1, 5 }, y.shape);
        Assert.Equal(1f, y.sum().item<float>(), 4);
    }

    [Fact]
    public void ConvNeXtTiny_WithoutPreprocessing_StartsAtTheStem()
    {
        using Functional model = ConvNeXtTiny.Build(includeTop: false, includePreprocessing: false, weights: null);

        Assert.Equal("convnext_tiny_stem", model.Layers[1].Name);
        Assert.Equal(new Shape(null, null, null, 3), model.Inputs[0].Shape);
    }

    [Fact]
    public void Imagenet_UsesKerasFileNamesOriginsAndHashes()
    {
        using var scope = WeightsSources.Use(new WeightsSources
        {
            CacheRoot = _env.CacheRoot,
            FallbackCacheRoot = _env.FallbackRoot,
            OriginOverride = DatasetTestEnvironment.UnreachableOrigin,
            ProgressWriter = _env.Progress,
            ProgressInteractive = false,
        });
        Directory.CreateDirectory(Path.Combine(_env.CacheRoot, "models"));
        File.WriteAllText(Path.Combine(_env.CacheRoot, "models", "convnext_tiny_notop.h5"), "not Keras' file");

        var top = Assert.Throws<WeightsNotAvailableException>(() => ConvNeXtTiny.Build());
        var noTop = Assert.Throws<WeightsNotAvailableException>(() => ConvNeXtTiny.Build(includeTop: false));

        Assert.Equal(Path.Combine(_env.CacheRoot, "models", "convnext_tiny.h5"), top.CachePath);
        Assert.Contains("Download https://storage.googleapis.com/tensorflow/keras-applications/convnext/" +
            "convnext_tiny.h5 ", top.Message);
        Assert.Contains("does not match the expected " +
            "d547c096cabd03329d7be5562c5e14798aa39ed24b474157cef5e85ab9e49ef1", noTop.Message);
    }

    [Fact]
    public void LayerScale_ScalesChannels_AndRoundTripsUnderKerasName()
    {
        var layer = new LayerScale(0.5, projectionDim: 3, name: "scale");
        using var x = torch.ones(2, 3);

        using var y = layer.Call(x);

        Assert.Equal([0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f], y.data<float>().ToArray());
        Assert.Equal("scale/variable", layer.Weights[0].Path);
        var config = KerasSerialization.SerializeLayer(layer);
        Assert.Equal("LayerScale", (string?)config["class_name"]);
        var back = Assert.IsType<LayerScale>(KerasSerialization.Deserialize<Layer>(config));
        Assert.Equal((0.5, 3, "scale"), (back.InitValues, back.ProjectionDim, back.Name));
    }

    [Fact]
    public void StochasticDepth_DropsWholeSamplesWhileTraining_AndRoundTrips()
    {
        var layer = new StochasticDepth(0.5, name: "drop");
        using var x = torch.ones(64, 2, 3);

        using var inference = layer.Call(x);
        using var trained = layer.Call(x, training: true);

        Assert.True(inference.allclose(x));
        using var perSample = trained.reshape(64, 6);
        for (int i = 0; i < 64; i++)
        {
            float[] row = perSample[i].data<float>().ToArray();
            Assert.True(row.All(v => v == 0f) || row.All(v => v == 2f), $"sample {i}: {string.Join(", ", row)}");
        }
        Assert.InRange(perSample[.., 0].sum().item<float>(), 2f * 10, 2f * 54);
        var back = Assert.IsType<StochasticDepth>(
            KerasSerialization.Deserialize<Layer>(KerasSerialization.SerializeLayer(layer)));
        Assert.Equal(0.5, back.DropPathRate);
    }
}
