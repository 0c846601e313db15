using Keras.Applications;

namespace Keras.Tests.Applications;

/// <summary>Every application against Keras' published parameter counts (keras.io/api/applications) and the layer
/// lists that Keras' source builds (names, order and count), which positional weight loading depends on.</summary>
public sealed class ArchitectureTests
{
    // Keras' counts with the top: total from the keras.io table; non-trainable = the BatchNormalization moving
    // statistics (Keras' model.summary()), i.e. 2 x the channels of every BatchNormalization in Keras' source; layer
    // count = len(model.layers) as Keras' source builds it (input layer included).
    [Theory]
    [InlineData("ResNet50", 25_636_712, 53_120, 177)]
    [InlineData("ResNet50V2", 25_613_800, 45_440, 192)]
    [InlineData("MobileNet", 4_253_864, 21_888, 91)]
    [InlineData("MobileNetV2", 3_538_984, 34_112, 156)]
    [InlineData("DenseNet121", 8_062_504, 83_648, 429)]
    [InlineData("InceptionV3", 23_851_784, 34_432, 313)]
    [InlineData("Xception", 22_910_480, 54_528, 134)]
    public void Build_WithTop_HasKerasParameterAndLayerCounts(string application, long total, long nonTrainable,
        int layers) => CheckCounts(application, total, nonTrainable, layers);

    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("VGG16", 138_357_544, 0, 23)]
    [InlineData("VGG19", 143_667_240, 0, 26)]
    [InlineData("ResNet101", 44_707_176, 105_344, 347)]
    [InlineData("ResNet152", 60_419_944, 151_424, 517)]
    [InlineData("ResNet101V2", 44_675_560, 97_664, 379)]
    [InlineData("ResNet152V2", 60_380_648, 143_744, 566)]
    [InlineData("DenseNet169", 14_307_880, 158_400, 597)]
    [InlineData("DenseNet201", 20_242_984, 229_056, 709)]
    public void Build_LargeWithTop_HasKerasParameterAndLayerCounts(string application, long total,
        long nonTrainable, int layers) => CheckCounts(application, total, nonTrainable, layers);

    [Fact]
    public void ResNet50_LayersAreInKerasOrder()
    {
        using Functional model = ResNet50.Build(weights: null);

        string[] names = model.Layers.Select(l => l.Name).ToArray();

        Assert.IsType<Keras.Layers.InputLayer>(model.Layers[0]);
        Assert.Equal(
            [
                "conv1_pad", "conv1_conv", "conv1_bn", "conv1_relu", "pool1_pad", "pool1_pool",
                "conv2_block1_1_conv", "conv2_block1_1_bn", "conv2_block1_1_relu", "conv2_block1_2_conv",
                "conv2_block1_2_bn", "conv2_block1_2_relu", "conv2_block1_0_conv", "conv2_block1_3_conv",
                "conv2_block1_0_bn", "conv2_block1_3_bn", "conv2_block1_add", "conv2_block1_out",
            ],
            names[1..19]);
        Assert.Equal(["conv5_block3_3_bn", "conv5_block3_add", "conv5_block3_out", "avg_pool", "predictions"],
            names[^5..]);
        Assert.Equal("resnet50", model.Name);
    }

    [Fact]
    public void MobileNetV2_NamesFollowKeras()
    {
        using Functional model = MobileNetV2.Build(weights: null, alpha: 0.35, inputShape: [96, 96, 3]);

        string[] names = model.Layers.Select(l => l.Name).ToArray();

        Assert.Equal("mobilenetv2_0.35_96", model.Name);
        Assert.Equal(
            [
                "Conv1", "bn_Conv1", "Conv1_relu", "expanded_conv_depthwise", "expanded_conv_depthwise_BN",
                "expanded_conv_depthwise_relu", "expanded_conv_project", "expanded_conv_project_BN", "block_1_expand",
                "block_1_expand_BN", "block_1_expand_relu", "block_1_pad", "block_1_depthwise",
            ],
            names[1..14]);
        Assert.Contains("block_2_add", names);
        Assert.DoesNotContain("block_1_add", names);
        Assert.Equal(["Conv_1", "Conv_1_bn", "out_relu"], names[^5..^2]);
        Assert.Equal("predictions", names[^1]);
    }

    [Fact]
    public void VGG16_HeadlessHasKerasBlockNames()
    {
        using Functional model = VGG16.Build(includeTop: false, weights: null, inputShape: [32, 32, 3]);

        Assert.Equal(
            [
                "block1_conv1", "block1_conv2", "block1_pool", "block2_conv1", "block2_conv2", "block2_pool",
                "block3_conv1", "block3_conv2", "block3_conv3", "block3_pool", "block4_conv1", "block4_conv2",
                "block4_conv3", "block4_pool", "block5_conv1", "block5_conv2", "block5_conv3", "block5_pool",
            ],
            model.Layers.Skip(1).Select(l => l.Name));
        Assert.Equal(14_714_688, model.CountParams());
        Assert.Equal("vgg16", model.Name);
    }

    [Fact]
    public void DenseNetAndXception_KeepKerasNamedLayers()
    {
        using Functional dense = DenseNet121.Build(includeTop: false, weights: null, inputShape: [32, 32, 3]);
        using Functional xception = Xception.Build(includeTop: false, weights: null, inputShape: [71, 71, 3]);

        string[] denseNames = dense.Layers.Select(l => l.Name).ToArray();
        string[] xceptionNames = xception.Layers.Select(l => l.Name).ToArray();

        Assert.Equal(["conv1_conv", "conv1_bn", "conv1_relu"], denseNames[2..5]);
        Assert.Equal(["pool1", "conv2_block1_0_bn"], denseNames[6..8]);
        Assert.Equal(["conv5_block16_concat", "bn", "relu"], denseNames[^3..]);
        Assert.Equal(427, denseNames.Length);
        Assert.Equal(["block1_conv1", "block1_conv1_bn", "block1_conv1_act", "block1_conv2"], xceptionNames[1..5]);
        Assert.Equal(["block14_sepconv2", "block14_sepconv2_bn", "block14_sepconv2_act"], xceptionNames[^3..]);
        Assert.Equal("densenet121", dense.Name);
        Assert.Equal("xception", xception.Name);
    }

    [Fact]
    public void InceptionV3_MixedBlocksAreNamedAndOrderedAsKeras()
    {
        using Functional model = InceptionV3.Build(includeTop: false, weights: null, inputShape: [75, 75, 3]);

        string[] mixed = model.Layers.Select(l => l.Name).Where(n => n.StartsWith("mixed", StringComparison.Ordinal))
            .ToArray();

        Assert.Equal(
            [
                "mixed0", "mixed1", "mixed2", "mixed3", "mixed4", "mixed5", "mixed6", "mixed7", "mixed8", "mixed9_0",
                "mixed9", "mixed9_1", "mixed10",
            ],
            mixed);
        Assert.Equal(311, model.Layers.Count);
        Assert.Equal("mixed10", model.Layers[^1].Name);
        Assert.Equal(21_802_784, model.CountParams());
    }

    private static void CheckCounts(string application, long total, long nonTrainable, int layers)
    {
        using Functional model = Build(application);

        long trainable = model.TrainableWeights.Sum(w => w.Shape.NumElements ?? 0);
        long frozen = model.NonTrainableWeights.Sum(w => w.Shape.NumElements ?? 0);

        Assert.Equal(total, model.CountParams());
        Assert.Equal(total - nonTrainable, trainable);
        Assert.Equal(nonTrainable, frozen);
        Assert.Equal(layers, model.Layers.Count);
        Assert.Equal("predictions", model.Layers[^1].Name);
    }

    internal static Functional Build(string application) => application switch
    {
        "VGG16" => VGG16.Build(weights: null),
        "VGG19" => VGG19.Build(weights: null),
        "ResNet50" => ResNet50.Build(weights: null),
        "ResNet101" => ResNet101.Build(weights: null),
        "ResNet152" => ResNet152.Build(weights: null),
        "ResNet50V2" => ResNet50V2.Build(weights: null),
        "ResNet101V2" => ResNet101V2.Build(weights: null),
        "ResNet152V2" => ResNet152V2.Build(weights: null),
        "MobileNet" => MobileNet.Build(weights: null),
        "MobileNetV2" => MobileNetV2.Build(weights: null),
        "DenseNet121" => DenseNet121.Build(weights: null),
        "DenseNet169" => DenseNet169.Build(weights: null),
        "DenseNet201" => DenseNet201.Build(weights: null),
        "InceptionV3" => InceptionV3.Build(weights: null),
        "Xception" => Xception.Build(weights: null),
        _ => throw new ArgumentException($"Unknown application {application}", nameof(application)),
    };
}
