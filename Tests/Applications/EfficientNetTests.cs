using Keras.Applications;
using Keras.Layers;
using Keras.Tests.Datasets;
using Keras.Tests.Saving.Legacy;

namespace Keras.Tests.Applications;

/// <summary>EfficientNet B0..B7 and EfficientNetV2 against Keras' published parameter counts and the layer names and
/// order of Keras' source, the preprocessing stem, pooling, Keras' weight file names, and topological loading of a
/// Keras 2 weights file written by an independent h5py script.</summary>
public sealed class EfficientNetTests : IDisposable
{
    private const string GoldenFileName = "efficientnetb0_notop.h5";
    private readonly DatasetTestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    // keras.io/api/applications table (with the Normalization layer's mean, variance and count: 7 weights).
    [Theory]
    [InlineData("B0", 5_330_571)]
    public void EfficientNet_WithTop_HasKerasParameterCount(string variant, long total) =>
        Assert.Equal(total, CountParams(BuildV1(variant)));

    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("B1", 7_856_239)]
    [InlineData("B2", 9_177_569)]
    [InlineData("B3", 12_320_535)]
    [InlineData("B4", 19_466_823)]
    [InlineData("B5", 30_562_527)]
    [InlineData("B6", 43_265_143)]
    [InlineData("B7", 66_658_687)]
    public void EfficientNet_LargeWithTop_HasKerasParameterCount(string variant, long total) =>
        Assert.Equal(total, CountParams(BuildV1(variant)));

    // keras.io rounds these to 7.2M .. 119.0M; the exact counts are those of Google's reference implementation
    // (google/automl efficientnetv2/effnetv2_model_test.py), which Keras' efficientnet_v2.py reproduces. The B
    // variants' Normalization has constant statistics: no weights.
    [Theory]
    [InlineData("B0", 7_200_312)]
    public void EfficientNetV2_WithTop_HasKerasParameterCount(string variant, long total) =>
        Assert.Equal(total, CountParams(BuildV2(variant)));

    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("B1", 8_212_124)]
    [InlineData("B2", 10_178_374)]
    [InlineData("B3", 14_467_622)]
    [InlineData("S", 21_612_360)]
    [InlineData("M", 54_431_388)]
    [InlineData("L", 119_027_848)]
    public void EfficientNetV2_LargeWithTop_HasKerasParameterCount(string variant, long total) =>
        Assert.Equal(total, CountParams(BuildV2(variant)));

    [Fact]
    public void EfficientNetB0_LayersAreInKerasOrder()
    {
        using Functional model = EfficientNetB0.Build(weights: null);

        string[] names = model.Layers.Select(l => l.Name).ToArray();

        Assert.Equal("efficientnetb0", model.Name);
        Assert.Equal(240, names.Length);
        Assert.IsType<InputLayer>(model.Layers[0]);
        Assert.IsType<Rescaling>(model.Layers[1]);
        Assert.IsType<Normalization>(model.Layers[2]);
        Assert.Equal(
            [
                "stem_conv_pad", "stem_conv", "stem_bn", "stem_activation", "block1a_dwconv", "block1a_bn",
                "block1a_activation", "block1a_se_squeeze", "block1a_se_reshape", "block1a_se_reduce",
                "block1a_se_expand", "block1a_se_excite", "block1a_project_conv", "block1a_project_bn",
                "block2a_expand_conv", "block2a_expand_bn", "block2a_expand_activation", "block2a_dwconv_pad",
                "block2a_dwconv",
            ],
            names[3..22]);
        Assert.Equal(["block7a_project_conv", "block7a_project_bn", "top_conv", "top_bn", "top_activation", "avg_pool",
            "top_dropout", "predictions"], names[^8..]);
        // Drop-connect: no Dropout on the first block (rate 0), one draw per sample elsewhere.
        Assert.DoesNotContain("block1a_drop", names);
        Assert.DoesNotContain("block2a_add", names);
        var drop = Assert.IsType<Dropout>(model.GetLayer("block2b_drop"));
        Assert.Equal(0.2 * 2 / 16, drop.Rate, 12);
        Assert.Equal("block6d_add", names.Last(n => n.EndsWith("_add", StringComparison.Ordinal)));
    }

    [Fact]
    public void EfficientNetV2B0_LayersAreInKerasOrder()
    {
        using Functional model = EfficientNetV2B0.Build(weights: null);

        string[] names = model.Layers.Select(l => l.Name).ToArray();

        Assert.Equal("efficientnetv2-b0", model.Name);
        Assert.IsType<Rescaling>(model.Layers[1]);
        Assert.IsType<Normalization>(model.Layers[2]);
        Assert.Equal(
            [
                "stem_conv", "stem_bn", "stem_activation", "block1a_project_conv", "block1a_project_bn",
                "block1a_project_activation", "block2a_expand_conv", "block2a_expand_bn", "block2a_expand_activation",
                "block2a_project_conv", "block2a_project_bn", "block2b_expand_conv",
            ],
            names[3..15]);
        Assert.Contains("block2b_drop", names);
        Assert.Contains("block4a_dwconv2", names);
        Assert.Contains("block4a_se_excite", names);
        Assert.DoesNotContain("block3a_se_excite", names);
        Assert.Equal(["top_conv", "top_bn", "top_activation", "avg_pool", "top_dropout", "predictions"], names[^6..]);
    }

    [Fact]
    public void EfficientNetV2S_WithoutPreprocessing_StartsAtTheStem()
    {
        using Functional model = EfficientNetV2S.Build(includeTop: false, weights: null, includePreprocessing: false);

        Assert.Equal("stem_conv", model.Layers[1].Name);
        Assert.Equal("efficientnetv2-s", model.Name);
    }

    [Fact]
    public void EfficientNetV2S_Preprocessing_IsTheMinusOneToOneRescaling()
    {
        using Functional model = EfficientNetV2S.Build(includeTop: false, weights: null, inputShape: [32, 32, 3]);

        var rescaling = Assert.IsType<Rescaling>(model.Layers[1]);
        using var x = torch.full([1, 2, 2, 3], 255f);

        using var y = rescaling.Call(x);

        Assert.Equal(255f / 128f - 1f, y.flatten()[0].item<float>(), 6);
        Assert.Equal("stem_conv", model.Layers[2].Name);
    }

    [Theory]
    [InlineData(null, new[] { 2, 2, 1280 }, "top_activation")]
    [InlineData("avg", new[] { 1280 }, "avg_pool")]
    [InlineData("max", new[] { 1280 }, "max_pool")]
    public void EfficientNetB0_Headless_PoolsLikeKeras(string? pooling, int[] featureShape, string lastLayer)
    {
        using Functional model = EfficientNetB0.Build(includeTop: false, weights: null, inputShape: [64, 64, 3],
            pooling: pooling);

        Assert.Equal(new Shape([null, .. featureShape.Select(d => (int?)d)]), model.Outputs[0].Shape);
        Assert.Equal(lastLayer, model.Layers[^1].Name);
    }

    [Fact]
    public void EfficientNetV2B0_Headless_DefaultsToAnyImageSize()
    {
        using Functional model = EfficientNetV2B0.Build(includeTop: false, weights: null, pooling: "avg");

        Assert.Equal(new Shape(null, null, null, 3), model.Inputs[0].Shape);
        Assert.Equal(new Shape(null, 1280), model.Outputs[0].Shape);
    }

    [Fact]
    public void PreprocessInput_IsTheIdentity_AsKeras()
    {
        using var x = torch.rand(1, 4, 4, 3) * 255;
        float[,,,] array = new float[1, 2, 2, 3];

        Assert.Same(x, EfficientNetB3.PreprocessInput(x));
        Assert.Same(x, EfficientNetV2S.PreprocessInput(x));
        Assert.Same(array, EfficientNetB0.PreprocessInput(array));
        Assert.Same(array, EfficientNetV2B0.PreprocessInput(array));
    }

    [Fact]
    public void Imagenet_UsesKerasFileNamesAndOrigins()
    {
        using var scope = WeightsSources.Use(Sources());

        var v1 = Assert.Throws<WeightsNotAvailableException>(() => EfficientNetB0.Build(includeTop: false));
        var v2 = Assert.Throws<WeightsNotAvailableException>(() => EfficientNetV2B0.Build());

        Assert.Equal(Path.Combine(_env.CacheRoot, "models", "efficientnetb0_notop.h5"), v1.CachePath);
        Assert.Contains("Download https://storage.googleapis.com/keras-applications/efficientnetb0_notop.h5 ",
            v1.Message);
        Assert.Equal(Path.Combine(_env.CacheRoot, "models", "efficientnetv2-b0.h5"), v2.CachePath);
        Assert.Contains("Download https://storage.googleapis.com/tensorflow/keras-applications/efficientnet_v2/" +
            "efficientnetv2-b0.h5 ", v2.Message);
    }

    [Fact]
    public void Imagenet_CachedFileWithWrongHash_IsRejected()
    {
        // Keras' md5 for efficientnetb0_notop.h5 is 50bc09e7...; the golden file is not Keras' file.
        Directory.CreateDirectory(Path.Combine(_env.CacheRoot, "models"));
        File.Copy(GoldenFile(), Path.Combine(_env.CacheRoot, "models", GoldenFileName));
        using var scope = WeightsSources.Use(Sources());

        var e = Assert.Throws<WeightsNotAvailableException>(() => EfficientNetB0.Build(includeTop: false));

        Assert.Contains("does not match the expected 50bc09e76180e00e4465e1a485ddc09d", e.Message);
    }

    // Keras' Normalization stores `count` as int64 (as Keras' efficientnetb*.h5 files do); it loads into Keras.Net's
    // float32 `count` as Keras' assign would cast it.
    [Fact]
    public void EfficientNetB0_KerasWeightsFile_LoadsEveryWeightByTopology()
    {
        using Functional model = EfficientNetB0.Build(includeTop: false, weights: GoldenFile());

        CheckGoldenValues(model);
        // The loaded Normalization counts as adapted: the model runs (the synthetic statistics are not meaningful).
        using var images = torch.rand(2, 32, 32, 3) * 255;
        using var features = model.Predict(images, verbose: 0);
        Assert.Equal([2L, 1, 1, 1280], features.shape);
    }

    // Recomputes write_efficientnetb0_weights.py's value(): each value depends on the layer name, the weight's index in
    // the layer (Keras' legacy order) and the element index, so a weight loaded into the wrong layer cannot match.
    private static void CheckGoldenValues(Functional model)
    {
        int weightedLayers = 0;
        foreach (var layer in model.Layers.Where(l => l.Weights.Count > 0))
        {
            weightedLayers++;
            // The file's layer is "normalization"; topology loading matches it to this model's auto-named layer.
            string fileLayer = layer is Normalization ? "normalization" : layer.Name;
            long fileSeed = fileLayer.Select((c, k) => (long)(k + 1) * c).Sum() % 10007;
            var weights = layer.TrainableWeights.Concat(layer.NonTrainableWeights).ToList();
            for (int w = 0; w < weights.Count; w++)
            {
                float[] actual = weights[w].ToArray();
                float[] expected = weights[w].Name == "count"
                    ? [fileSeed]
                    : Enumerable.Range(0, actual.Length)
                        .Select(i => (float)((fileSeed * 31 + w * 7919L + i) % 251 / 251.0 - 0.5))
                        .ToArray();
                Assert.True(expected.SequenceEqual(actual), $"{weights[w].Path} differs from the file");
            }
        }
        Assert.Equal(131, weightedLayers);
        Assert.Equal(4_049_571, model.CountParams());
    }

    private static long CountParams(Functional model)
    {
        using (model)
        {
            return model.CountParams();
        }
    }

    private static Functional BuildV1(string variant) => variant switch
    {
        "B0" => EfficientNetB0.Build(weights: null),
        "B1" => EfficientNetB1.Build(weights: null),
        "B2" => EfficientNetB2.Build(weights: null),
        "B3" => EfficientNetB3.Build(weights: null),
        "B4" => EfficientNetB4.Build(weights: null),
        "B5" => EfficientNetB5.Build(weights: null),
        "B6" => EfficientNetB6.Build(weights: null),
        "B7" => EfficientNetB7.Build(weights: null),
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, null),
    };

    private static Functional BuildV2(string variant) => variant switch
    {
        "B0" => EfficientNetV2B0.Build(weights: null),
        "B1" => EfficientNetV2B1.Build(weights: null),
        "B2" => EfficientNetV2B2.Build(weights: null),
        "B3" => EfficientNetV2B3.Build(weights: null),
        "S" => EfficientNetV2S.Build(weights: null),
        "M" => EfficientNetV2M.Build(weights: null),
        "L" => EfficientNetV2L.Build(weights: null),
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, null),
    };

    private WeightsSources Sources() => new()
    {
        CacheRoot = _env.CacheRoot,
        FallbackCacheRoot = _env.FallbackRoot,
        OriginOverride = DatasetTestEnvironment.UnreachableOrigin,
        ProgressWriter = _env.Progress,
        ProgressInteractive = false,
    };

    private static string GoldenFile([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "../Golden/Applications/Fixtures", GoldenFileName));
}
