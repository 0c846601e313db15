using Keras.Applications;

namespace Keras.Tests.Applications;

/// <summary>Keras' argument rules (<c>obtain_input_shape</c>, <c>weights</c>, <c>classes</c>,
/// <c>validate_activation</c>, MobileNet's alpha rules) with Keras' messages, and the headless output shapes.</summary>
public sealed class ArgumentTests
{
    [Fact]
    public void InputShape_WithTopAndImagenet_MustBeTheDefault()
    {
        var e = Assert.Throws<ArgumentException>(() => ResNet50.Build(inputShape: [160, 160, 3]));

        Assert.StartsWith("When setting `include_top=True` and loading `imagenet` weights, `input_shape` should be " +
            "(224, 224, 3).  Received: input_shape=(160, 160, 3)", e.Message);
    }

    [Fact]
    public void InputShape_BelowMinimumSize_IsRejected()
    {
        var e = Assert.Throws<ArgumentException>(
            () => InceptionV3.Build(includeTop: false, weights: null, inputShape: [74, 80, 3]));

        Assert.StartsWith("Input size must be at least 75x75; Received: input_shape=(74, 80, 3)", e.Message);
    }

    [Fact]
    public void InputShape_ImagenetNeedsThreeChannels()
    {
        var e = Assert.Throws<ArgumentException>(
            () => VGG16.Build(includeTop: false, inputShape: [64, 64, 1]));

        Assert.StartsWith("The input must have 3 channels; Received `input_shape=(64, 64, 1)`", e.Message);
    }

    [Fact]
    public void InputShape_MustHaveThreeEntries()
    {
        var e = Assert.Throws<ArgumentException>(
            () => VGG16.Build(includeTop: false, weights: null, inputShape: [64, 64]));

        Assert.StartsWith("`input_shape` must be a tuple of three integers.", e.Message);
    }

    [Fact]
    public void InputShape_WithTopMustBeStatic()
    {
        var e = Assert.Throws<ArgumentException>(
            () => VGG16.Build(weights: null, inputShape: [null, null, 3]));

        Assert.StartsWith("If `include_top` is True, you should specify a static `input_shape`. " +
            "Received: input_shape=(None, None, 3)", e.Message);
    }

    [Fact]
    public void InputShapes_Obtain_DefaultsAndChannelWarning()
    {
        var warnings = new List<string>();

        int?[] headless = InputShapes.Obtain(null, 224, 32, requireFlatten: false, null, warnings.Add);
        int?[] withTop = InputShapes.Obtain(null, 299, 75, requireFlatten: true, "imagenet", warnings.Add);
        int?[] fourChannels = InputShapes.Obtain([64, 64, 4], 224, 32, requireFlatten: false, null, warnings.Add);

        Assert.Equal([null, null, 3], headless);
        Assert.Equal([299, 299, 3], withTop);
        Assert.Equal([64, 64, 4], fourChannels);
        Assert.Equal(["This model usually expects 1 or 3 input channels. However, it was passed an input_shape " +
            "with 4 input channels."], warnings);
    }

    [Fact]
    public void Weights_UnknownValue_IsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => ResNet50.Build(weights: "/no/such/file.h5"));

        Assert.StartsWith("The `weights` argument should be either `None` (random initialization), 'imagenet' " +
            "(pre-training on ImageNet), or the path to the weights file to be loaded.  Received: " +
            "weights=/no/such/file.h5", e.Message);
    }

    [Fact]
    public void Classes_WithImagenetTop_MustBe1000()
    {
        var e = Assert.Throws<ArgumentException>(() => DenseNet121.Build(classes: 10));

        Assert.StartsWith("If using `weights='imagenet'` with `include_top=True`, `classes` should be 1000.  " +
            "Received classes=10", e.Message);
    }

    [Fact]
    public void ClassifierActivation_WithPretrainedWeights_MustBeSoftmaxOrNone()
    {
        Assert.Equal(Activations.Softmax, ApplicationArguments.ClassifierActivation("softmax", "imagenet"));
        Assert.Equal(Activations.Linear, ApplicationArguments.ClassifierActivation(null, "imagenet"));
        Assert.Equal(Activations.Get("sigmoid"), ApplicationArguments.ClassifierActivation("sigmoid", null));

        var e = Assert.Throws<ArgumentException>(
            () => ApplicationArguments.ClassifierActivation("sigmoid", "imagenet"));

        Assert.StartsWith("Only `None` and `softmax` activations are allowed for the `classifier_activation` " +
            "argument when using pretrained weights, with `include_top=True`; Received: " +
            "classifier_activation=sigmoid", e.Message);
    }

    [Fact]
    public void Pooling_UnknownMode_IsRejected()
    {
        var e = Assert.Throws<ArgumentException>(
            () => MobileNet.Build(includeTop: false, weights: null, pooling: "mean"));

        Assert.Contains("Received: pooling=mean", e.Message);
    }

    [Fact]
    public void MobileNet_ImagenetRules()
    {
        var alpha = Assert.Throws<ArgumentException>(() => MobileNet.Build(alpha: 0.3));
        var depth = Assert.Throws<ArgumentException>(() => MobileNet.Build(depthMultiplier: 2));
        var alphaV2 = Assert.Throws<ArgumentException>(() => MobileNetV2.Build(alpha: 0.25));

        Assert.StartsWith("If imagenet weights are being loaded, alpha can be one of`0.25`, `0.50`, `0.75` or `1.0` " +
            "only.  Received alpha=0.3", alpha.Message);
        Assert.StartsWith("If imagenet weights are being loaded, depth multiplier must be 1.  Received " +
            "depth_multiplier=2", depth.Message);
        Assert.StartsWith("If imagenet weights are being loaded, alpha must be one of `0.35`, `0.50`, `0.75`, " +
            "`1.0`, `1.3` or `1.4` only; Received `alpha=0.25`", alphaV2.Message);
    }

    [Fact]
    public void MobileNet_NameAndWeightFileFollowAlphaAndSize()
    {
        using Functional model = MobileNet.Build(inputShape: [128, 128, 3], alpha: 0.25, weights: null,
            includeTop: false);

        Assert.Equal("mobilenet_0.25_128", model.Name);
        Assert.Equal("mobilenet_2_5_128_tf_no_top.h5", MobileNet.ImageNetFile(0.25, 128, includeTop: false).FileName);
        Assert.Equal("https://storage.googleapis.com/tensorflow/keras-applications/mobilenet/mobilenet_1_0_224_tf.h5",
            MobileNet.ImageNetFile(1.0, 224, includeTop: true).Origin);
        Assert.Equal([16, 24, 32, 48, 16], new[] { 16.0, 24, 32, 44.8, 11.2 }.Select(v => MobileNetV2.MakeDivisible(v, 8)));
    }

    [Theory]
    [InlineData(null, new[] { 4, 4, 256 })]
    [InlineData("avg", new[] { 256 })]
    [InlineData("max", new[] { 256 })]
    public void Headless_PoolingGivesKerasOutputShape(string? pooling, int[] features)
    {
        using Functional model = MobileNet.Build(inputShape: [128, 128, 3], alpha: 0.25, includeTop: false,
            weights: null, pooling: pooling);

        Assert.Equal(new Shape([null, .. features.Select(f => (int?)f)]), model.Outputs[0].Shape);
    }

    [Fact]
    public void ResNet50_Headless160WithAvgPooling_Gives2048Features()
    {
        using Functional model = ResNet50.Build(includeTop: false, weights: null, inputShape: [160, 160, 3],
            pooling: "avg");

        Assert.Equal(new Shape(null, 2048), model.Outputs[0].Shape);
        Assert.Equal("avg_pool", model.Layers[^1].Name);
        Assert.Equal(23_587_712, model.CountParams());
    }

    [Fact]
    public void InputTensor_IsUsedAndItsSourcesBecomeTheModelInputs()
    {
        var image = new Input(new Shape(64, 64, 3));
        KerasTensor scaled = new Keras.Layers.Rescaling(1.0 / 255).Call(image);

        using Functional model = MobileNetV2.Build(inputTensor: scaled, alpha: 0.35, includeTop: false,
            weights: null, pooling: "avg");

        Assert.Same(image, Assert.Single(model.Inputs));
        Assert.Equal("mobilenetv2_0.35_None", model.Name);
        Assert.Equal(new Shape(null, 1280), model.Outputs[0].Shape);
    }
}
