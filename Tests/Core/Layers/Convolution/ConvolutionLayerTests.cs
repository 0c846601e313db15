using Keras.Initializers;
using Keras.Layers;

namespace Keras.Tests.Core.Layers.Convolution;

/// <summary>Convolution layers: documented defaults, Keras weight names, shapes and order, argument and input errors
/// with Keras' messages, regularizer losses, causality, data-format equivalence, masks and a training run.</summary>
public sealed class ConvolutionLayerTests
{
    [Fact]
    public void Ctor_Defaults_AreKeras()
    {
        var conv = new Conv2D(8, 3);
        Assert.Equal([3, 3], conv.KernelSize);
        Assert.Equal([1, 1], conv.Strides);
        Assert.Equal([1, 1], conv.DilationRate);
        Assert.Equal(("valid", "channels_last", 1, "linear", true), (conv.Padding, conv.DataFormat, conv.Groups,
            conv.Activation.Name, conv.UseBias));
        Assert.IsType<GlorotUniform>(conv.KernelInitializer);
        Assert.IsType<Zeros>(conv.BiasInitializer);
        Assert.Null(conv.KernelRegularizer);
        Assert.Null(conv.BiasRegularizer);
        Assert.Null(conv.ActivityRegularizer);
        Assert.Null(conv.KernelConstraint);
        Assert.Null(conv.BiasConstraint);
        Assert.True(conv.Trainable);
        var transpose = new Conv3DTranspose(2, 3);
        Assert.Null(transpose.OutputPadding);
        Assert.Equal([1, 1, 1], transpose.Strides);
        Assert.Equal("valid", transpose.Padding);
        var depthwise = new DepthwiseConv1D(3);
        Assert.Equal((1, "valid", true), (depthwise.DepthMultiplier, depthwise.Padding, depthwise.UseBias));
        Assert.IsType<GlorotUniform>(depthwise.DepthwiseInitializer);
        var separable = new SeparableConv1D(4, 3);
        Assert.Equal(1, separable.DepthMultiplier);
        Assert.IsType<GlorotUniform>(separable.DepthwiseInitializer);
        Assert.IsType<GlorotUniform>(separable.PointwiseInitializer);
        Assert.IsType<Zeros>(separable.BiasInitializer);
    }

    [Theory]
    [InlineData(typeof(Conv1D), "conv1d")]
    [InlineData(typeof(Conv1DTranspose), "conv1d_transpose")]
    [InlineData(typeof(DepthwiseConv2D), "depthwise_conv2d")]
    [InlineData(typeof(SeparableConv1D), "separable_conv1d")]
    public void AutomaticNames_AreKerasSnakeCase(Type type, string prefix)
    {
        var layer = type.Name switch
        {
            "Conv1D" => (Layer)new Conv1D(1, 1),
            "Conv1DTranspose" => new Conv1DTranspose(1, 1),
            "DepthwiseConv2D" => new DepthwiseConv2D(1),
            _ => new SeparableConv1D(1, 1),
        };
        Assert.Matches($"^{prefix}(_[0-9]+)?$", layer.Name);
    }

    [Fact]
    public void Weights_HaveKerasNamesShapesAndOrder()
    {
        AssertWeights(new Conv2D(6, [3, 2], groups: 3), [null, 9, 9, 6], ("kernel", new Shape(3, 2, 2, 6)),
            ("bias", new Shape(6)));
        AssertWeights(new Conv1D(4, 5, dataFormat: "channels_first", useBias: false), [null, 3, 20],
            ("kernel", new Shape(5, 3, 4)));
        AssertWeights(new Conv3DTranspose(2, [1, 2, 3]), [null, 4, 4, 4, 5], ("kernel", new Shape(1, 2, 3, 2, 5)),
            ("bias", new Shape(2)));
        AssertWeights(new DepthwiseConv2D(3, depthMultiplier: 2), [null, 7, 7, 4], ("kernel", new Shape(3, 3, 4, 2)),
            ("bias", new Shape(8)));
        AssertWeights(new SeparableConv2D(5, 3, depthMultiplier: 2), [null, 7, 7, 4],
            ("depthwise_kernel", new Shape(3, 3, 4, 2)), ("pointwise_kernel", new Shape(1, 1, 8, 5)),
            ("bias", new Shape(5)));
        AssertWeights(new SeparableConv1D(5, 3, useBias: false), [null, 7, 4],
            ("depthwise_kernel", new Shape(3, 4, 1)), ("pointwise_kernel", new Shape(1, 4, 5)));
    }

    public static TheoryData<string, string, string> ArgumentErrors => new()
    {
        { "filters0", "filters", "Invalid value for argument `filters`. Expected a strictly positive value. Received filters=0." },
        { "groups0", "groups", "The number of groups must be a positive integer. Received: groups=0." },
        { "groups", "groups", "The number of filters must be evenly divisible by the number of groups. Received: groups=3, filters=4." },
        { "kernelLength", "kernelSize", "The `kernel_size` argument must be a tuple of 2 integers. Received kernel_size=(3,)" },
        { "kernelZero", "kernelSize", "The `kernel_size` argument must be a tuple of 2 integers. Received kernel_size=(3, 0), including values {0} that do not satisfy `value > 0`" },
        { "strideDilation", "strides", "`strides > 1` not supported in conjunction with `dilation_rate > 1`. Received: strides=(2, 1) and dilation_rate=(1, 2)" },
        { "padding", "padding", "The `padding` argument must be a list/tuple or one of {'valid', 'same'}. Received: full" },
        { "causal2D", "padding", "The `padding` argument must be a list/tuple or one of {'valid', 'same'}. Received: causal" },
        { "format", "dataFormat", "The `data_format` argument must be one of {'channels_first', 'channels_last'}. Received: data_format=nhwc" },
        { "outputPadding", "outputPadding", "`output_padding` must be < `strides`. output_padding=(1, 2), strides=(2, 2)" },
        { "outputPaddingNegative", "outputPadding", "including values {-1} that do not satisfy `value >= 0`" },
        { "multiplier", "depthMultiplier", "Invalid value for argument `depth_multiplier`. Expected a strictly positive value. Received depth_multiplier=0." },
        { "separableFilters", "filters", "Received filters=-1." },
    };

    [Theory]
    [MemberData(nameof(ArgumentErrors))]
    public void BadArguments_ThrowKerasMessages_NamingTheArgument(string kind, string parameter, string message)
    {
        Func<Layer> create = kind switch
        {
            "filters0" => () => new Conv2D(0, 3),
            "groups0" => () => new Conv1D(4, 3, groups: 0),
            "groups" => () => new Conv2D(4, 3, groups: 3),
            "kernelLength" => () => new Conv2D(4, [3]),
            "kernelZero" => () => new Conv2D(4, [3, 0]),
            "strideDilation" => () => new Conv2D(4, 3, strides: [2, 1], dilationRate: [1, 2]),
            "padding" => () => new Conv2DTranspose(4, 3, padding: "full"),
            "causal2D" => () => new Conv2D(4, 3, padding: "causal"),
            "format" => () => new DepthwiseConv2D(3, dataFormat: "nhwc"),
            "outputPadding" => () => new Conv2DTranspose(4, 3, strides: 2, outputPadding: [1, 2]),
            "outputPaddingNegative" => () => new Conv1DTranspose(4, 3, strides: 2, outputPadding: -1),
            "multiplier" => () => new SeparableConv2D(4, 3, depthMultiplier: 0),
            _ => () => new SeparableConv1D(-1, 3),
        };
        var error = Assert.Throws<ArgumentException>(create);
        Assert.Contains(message, error.Message);
        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void BadInputs_ThrowKerasMessages()
    {
        var grouped = new Conv2D(4, 3, groups: 2, name: "grouped");
        var error = Assert.Throws<ArgumentException>(() => grouped.Build([null, 8, 8, 3]));
        Assert.Contains("The number of input channels must be evenly divisible by the number of groups. Received " +
                        "groups=2, but the input has 3 channels (full input shape is (None, 8, 8, 3)).", error.Message);
        var small = new Conv2D(4, 5, name: "small");
        error = Assert.Throws<ArgumentException>(() => small.ComputeOutputShape([null, 4, 9, 3]));
        Assert.Contains("Computed output size would be zero or negative for layer \"small\"", error.Message);
        Assert.Contains("`kernel shape=(5, 5, 3, 4)`", error.Message);
        var depthwise = new DepthwiseConv1D(6, name: "short");
        Assert.Throws<ArgumentException>(() => depthwise.Build([null, 5, 2]));

        var conv = new Conv2D(4, 3, name: "conv_in");
        conv.Build([null, 8, 8, 3]);
        using var wrongChannels = torch.zeros(1, 8, 8, 1);
        error = Assert.Throws<ArgumentException>(() => conv.Call(wrongChannels));
        Assert.Equal("Input 0 of layer \"conv_in\" is incompatible with the layer: expected axis -1 of input shape to " +
                     "have value 3, but received input with shape (1, 8, 8, 1)", error.Message);
        using var wrongRank = torch.zeros(8, 8, 3);
        error = Assert.Throws<ArgumentException>(() => conv.Call(wrongRank));
        Assert.Contains("expected min_ndim=4, found ndim=3", error.Message);
        var unbuilt = new Conv1D(2, 3, name: "rank_check");
        error = Assert.Throws<ArgumentException>(() => unbuilt.ComputeOutputShape([null, 5, 5, 2]));
        Assert.Contains("Layer \"rank_check\" expects inputs of rank 3", error.Message);
    }

    [Fact]
    public void Regularizers_AddKernelBiasAndActivityPenalties()
    {
        var conv = new Conv2D(2, 2, kernelRegularizer: new SumOfSquares(0.5), biasRegularizer: new SumOfSquares(3),
            activityRegularizer: new SumOfSquares(0.25), biasInitializer: new Constant(1));
        using var x = torch.ones(1, 3, 3, 1);
        using var y = conv.Call(x);
        var losses = conv.Losses.Select(l => l.item<float>()).ToArray();
        double kernelPenalty = 0.5 * conv.Kernel!.ToArray().Sum(v => (double)v * v);
        double activityPenalty = 0.25 * y.square().sum().item<float>();
        Assert.Equal(3, losses.Length);
        Assert.Contains(losses, l => Math.Abs(l - kernelPenalty) < 1e-5);
        Assert.Contains(losses, l => Math.Abs(l - 6.0) < 1e-5);
        Assert.Contains(losses, l => Math.Abs(l - activityPenalty) < 1e-4 * activityPenalty);
        var depthwise = new DepthwiseConv1D(2, depthwiseRegularizer: new SumOfSquares(1));
        using var z = depthwise.Call(torch.ones(1, 4, 2));
        Assert.Single(depthwise.Losses);
    }

    [Fact]
    public void CausalConv1D_OutputAtStepT_IgnoresLaterInputs()
    {
        var conv = new Conv1D(3, 3, padding: "causal", dilationRate: 2);
        using var x = torch.randn(2, 12, 2);
        using var changed = x.clone();
        changed[.., 7..].add_(5f);
        using var y = conv.Call(x);
        using var y2 = conv.Call(changed);
        Assert.Equal([2L, 12L, 3L], y.shape);
        Assert.True(y[.., ..7].allclose(y2[.., ..7]));
        Assert.False(y[.., 7..].allclose(y2[.., 7..]));
    }

    [Fact]
    public void ChannelsFirst_MatchesChannelsLast_OnPermutedInputs()
    {
        var layers = new (Layer Last, Layer First, long[] Shape)[]
        {
            (new Conv2D(3, [2, 3], strides: 2, padding: "same"),
                new Conv2D(3, [2, 3], strides: 2, padding: "same", dataFormat: "channels_first"), [2, 7, 6, 2]),
            (new Conv2DTranspose(3, 3, strides: 2, padding: "same"),
                new Conv2DTranspose(3, 3, strides: 2, padding: "same", dataFormat: "channels_first"), [2, 3, 4, 2]),
            (new DepthwiseConv2D(2, depthMultiplier: 2, padding: "same"),
                new DepthwiseConv2D(2, depthMultiplier: 2, padding: "same", dataFormat: "channels_first"), [1, 5, 5, 3]),
            (new SeparableConv1D(2, 3, strides: 2), new SeparableConv1D(2, 3, strides: 2, dataFormat: "channels_first"),
                [2, 9, 3]),
        };
        foreach (var (last, first, shape) in layers)
        {
            using var x = torch.randn(shape);
            using var xFirst = x.movedim([x.dim() - 1], [1]).contiguous();
            first.Build(new Shape(xFirst.shape).With(0, null));
            last.Build(new Shape(shape).With(0, null));
            for (int i = 0; i < last.Weights.Count; i++)
            {
                first.Weights[i].Assign(last.Weights[i].Value);
            }
            using var y = last.Call(x);
            using var yFirst = first.Call(xFirst);
            Assert.True(y.allclose(yFirst.movedim([1], [yFirst.dim() - 1]), rtol: 1e-5, atol: 1e-6), $"{last.ClassName}");
        }
    }

    [Fact]
    public void InputMask_IsDropped_AsKerasConvolutionsDoNotSupportMasking()
    {
        var conv = new Conv1D(2, 3, padding: "same");
        using var x = torch.ones(2, 5, 3);
        using var mask = torch.ones(2, 5, dtype: torch.ScalarType.Bool);
        using var y = conv.Call(x, mask: mask);
        Assert.Null(KerasMask.Get(y));
    }

    private static void AssertWeights(Layer layer, Shape inputShape, params (string Name, Shape Shape)[] expected)
    {
        layer.Build(inputShape);
        Assert.Equal(expected, layer.Weights.Select(w => (w.Name, w.Shape)));
        Assert.Equal(expected.Length, layer.TrainableWeights.Count);
    }
}
