using System.Text.Json.Nodes;
using Keras.Initializers;
using Keras.Layers;
using Keras.Saving;

namespace Keras.Tests.Core.Layers.Convolution;

/// <summary>Configs of the convolution layers: the keys Keras 3 writes, round trips in the Keras 3 and Keras 2 forms,
/// Keras 2 variants (integer kernel sizes, <c>groups: 1</c> on depthwise layers), Keras 3 aliases and refused
/// features.</summary>
public sealed class ConvolutionConfigTests
{
    // Written out from Keras 3's BaseConv.get_config (keras/src/layers/convolutional/base_conv.py): the base layer keys,
    // then filters ... bias_constraint in that order, integers expanded to tuples.
    private const string Keras3Conv2D =
        """
        {"module": "keras.layers", "class_name": "Conv2D",
         "config": {"name": "stem", "trainable": true,
                    "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
                              "registered_name": null},
                    "filters": 32, "kernel_size": [3, 3], "strides": [2, 2], "padding": "same",
                    "data_format": "channels_last", "dilation_rate": [1, 1], "groups": 1, "activation": "relu",
                    "use_bias": true,
                    "kernel_initializer": {"module": "keras.initializers", "class_name": "GlorotUniform",
                                           "config": {"seed": null}, "registered_name": null},
                    "bias_initializer": {"module": "keras.initializers", "class_name": "Zeros", "config": {},
                                         "registered_name": null},
                    "kernel_regularizer": null, "bias_regularizer": null, "activity_regularizer": null,
                    "kernel_constraint": null, "bias_constraint": null},
         "registered_name": null, "build_config": {"input_shape": [null, 28, 28, 1]}}
        """;

    // tf-keras 2.x DepthwiseConv2D.get_config: Conv2D's keys without filters and kernel_* (so with groups), plus the
    // depthwise ones at the end.
    private const string Keras2DepthwiseConv2D =
        """
        {"class_name": "DepthwiseConv2D",
         "config": {"name": "expanded_conv_depthwise", "trainable": false, "dtype": "float32",
                    "kernel_size": [3, 3], "strides": [2, 2], "padding": "same", "data_format": "channels_last",
                    "dilation_rate": [1, 1], "groups": 1, "activation": "linear", "use_bias": false,
                    "bias_initializer": {"class_name": "Zeros", "config": {}}, "bias_regularizer": null,
                    "activity_regularizer": null, "bias_constraint": null, "depth_multiplier": 2,
                    "depthwise_initializer": {"class_name": "GlorotUniform", "config": {"seed": null}},
                    "depthwise_regularizer": null, "depthwise_constraint": null}}
        """;

    public static TheoryData<string> Zoo => new(Layers.Keys);

    private static readonly Dictionary<string, Func<Layer>> Layers = new()
    {
        ["conv1d_causal"] = () => new Conv1D(4, 3, padding: "causal", dilationRate: 2, activation: "tanh", name: "c1"),
        ["conv2d_built"] = () => Built(new Conv2D(6, [3, 2], strides: [2, 1], groups: 3, useBias: false,
            kernelInitializer: new HeNormal(), name: "c2"), [null, 9, 8, 3]),
        ["conv3d_cf"] = () => new Conv3D(2, 2, dataFormat: "channels_first", biasInitializer: new Constant(0.5),
            trainable: false, name: "c3"),
        ["conv1d_transpose"] = () => new Conv1DTranspose(3, 4, strides: 2, padding: "same", outputPadding: 1,
            name: "t1"),
        ["conv2d_transpose_built"] = () => Built(new Conv2DTranspose(2, 3, strides: 2, activation: "sigmoid",
            name: "t2"), [null, 4, 4, 5]),
        ["conv3d_transpose"] = () => new Conv3DTranspose(2, [1, 2, 3], dilationRate: 2, dataFormat: "channels_first",
            name: "t3"),
        ["depthwise_conv1d"] = () => new DepthwiseConv1D(5, strides: 2, depthMultiplier: 3, name: "d1"),
        ["depthwise_conv2d_built"] = () => Built(new DepthwiseConv2D(3, padding: "same", depthMultiplier: 2,
            depthwiseInitializer: new RandomNormal(0.0, 0.1), name: "d2"), [null, 7, 7, 4]),
        ["separable_conv1d"] = () => new SeparableConv1D(8, 3, dilationRate: 2, depthMultiplier: 2,
            pointwiseInitializer: new LecunNormal(), name: "s1"),
        ["separable_conv2d_built"] = () => Built(new SeparableConv2D(4, 3, strides: 2, dataFormat: "channels_first",
            activation: "relu", name: "s2"), [null, 3, 9, 9]),
    };

    [Theory]
    [MemberData(nameof(Zoo))]
    public void Layer_RoundTripsThroughJsonText_InBothForms(string kind)
    {
        foreach (bool legacy in new[] { false, true })
        {
            var original = Layers[kind]();
            string text = KerasSerialization.SerializeLayer(original, legacy).ToJsonString();
            var restored = KerasSerialization.DeserializeLayer(JsonNode.Parse(text)!);
            Assert.IsType(original.GetType(), restored);
            Assert.Equal(text, KerasSerialization.SerializeLayer(restored, legacy).ToJsonString());
            Assert.Equal(original.Trainable, restored.Trainable);
            if (!legacy)
            {
                Assert.Equal(original.Built, restored.Built);
                Assert.Equal(original.Weights.Select(w => (w.Name, w.Shape)), restored.Weights.Select(w => (w.Name, w.Shape)));
            }
        }
    }

    [Fact]
    public void Conv2D_WritesTheKeysKeras3Writes()
    {
        var conv = new Conv2D(32, 3, strides: 2, padding: "same", activation: "relu", name: "stem");
        conv.Build([null, 28, 28, 1]);
        Assert.Equal(Normalize(Keras3Conv2D), KerasSerialization.SerializeLayer(conv).ToJsonString());
    }

    [Fact]
    public void Keras3Conv2D_IsRead_AndBuilt()
    {
        var conv = Assert.IsType<Conv2D>(KerasSerialization.DeserializeLayer(JsonNode.Parse(Keras3Conv2D)!));
        Assert.Equal(("stem", 32, "same", "relu"), (conv.Name, conv.Filters, conv.Padding, conv.Activation.Name));
        Assert.Equal([3, 3], conv.KernelSize);
        Assert.Equal([2, 2], conv.Strides);
        Assert.True(conv.Built);
        Assert.Equal(new Shape(3, 3, 1, 32), conv.Kernel!.Shape);
    }

    [Fact]
    public void TransposedLayers_WriteOutputPadding_AndSeparableLayersTheirKeys()
    {
        var config = KerasSerialization.SerializeLayer(new Conv2DTranspose(2, 3, strides: 2, outputPadding: 1))["config"]!;
        Assert.Equal("[1,1]", config["output_padding"]!.ToJsonString());
        Assert.Null(KerasSerialization.SerializeLayer(new Conv1DTranspose(2, 3))["config"]!["output_padding"]);
        Assert.False(config.AsObject().ContainsKey("groups"));
        var separable = KerasSerialization.SerializeLayer(new SeparableConv2D(4, 3))["config"]!.AsObject();
        Assert.Equal(
            ["name", "trainable", "dtype", "depth_multiplier", "filters", "kernel_size", "strides", "padding",
             "data_format", "dilation_rate", "activation", "use_bias", "depthwise_initializer", "pointwise_initializer",
             "bias_initializer", "depthwise_regularizer", "pointwise_regularizer", "bias_regularizer",
             "activity_regularizer", "depthwise_constraint", "pointwise_constraint", "bias_constraint"],
            separable.Select(p => p.Key));
        var depthwise = KerasSerialization.SerializeLayer(new DepthwiseConv1D(3))["config"]!.AsObject();
        Assert.Equal(
            ["name", "trainable", "dtype", "depth_multiplier", "kernel_size", "strides", "padding", "data_format",
             "dilation_rate", "activation", "use_bias", "depthwise_initializer", "bias_initializer",
             "depthwise_regularizer", "bias_regularizer", "activity_regularizer", "depthwise_constraint",
             "bias_constraint"],
            depthwise.Select(p => p.Key));
    }

    [Fact]
    public void Keras2DepthwiseConv2D_WithGroupsKey_IsRead()
    {
        var layer = Assert.IsType<DepthwiseConv2D>(
            KerasSerialization.DeserializeLayer(JsonNode.Parse(Keras2DepthwiseConv2D)!));
        Assert.Equal(("expanded_conv_depthwise", 2, false, false), (layer.Name, layer.DepthMultiplier, layer.UseBias,
            layer.Trainable));
        Assert.Equal([2, 2], layer.Strides);
        Assert.IsType<GlorotUniform>(layer.DepthwiseInitializer);
    }

    [Fact]
    public void IntegerTuples_AndMissingOptionalKeys_TakeKerasDefaults()
    {
        var conv = Assert.IsType<Conv3D>(KerasSerialization.DeserializeLayer(JsonNode.Parse(
            """{"class_name": "Conv3D", "config": {"filters": 4, "kernel_size": 3, "strides": 2, "data_format": null}}""")!));
        Assert.Equal([3, 3, 3], conv.KernelSize);
        Assert.Equal([2, 2, 2], conv.Strides);
        Assert.Equal([1, 1, 1], conv.DilationRate);
        Assert.Equal(("valid", "channels_last", 1, true), (conv.Padding, conv.DataFormat, conv.Groups, conv.UseBias));
        var transpose = Assert.IsType<Conv2DTranspose>(KerasSerialization.DeserializeLayer(JsonNode.Parse(
            """
            {"class_name": "Conv2DTranspose", "config": {"filters": 2, "kernel_size": [3, 3], "groups": 1,
             "output_padding": 1, "strides": [2, 2]}}
            """)!));
        Assert.Equal([1, 1], transpose.OutputPadding!);
    }

    [Theory]
    [InlineData("Convolution1D", typeof(Conv1D))]
    [InlineData("Convolution2D", typeof(Conv2D))]
    [InlineData("Convolution3D", typeof(Conv3D))]
    [InlineData("Convolution1DTranspose", typeof(Conv1DTranspose))]
    [InlineData("Convolution2DTranspose", typeof(Conv2DTranspose))]
    [InlineData("Convolution3DTranspose", typeof(Conv3DTranspose))]
    [InlineData("SeparableConvolution1D", typeof(SeparableConv1D))]
    [InlineData("SeparableConvolution2D", typeof(SeparableConv2D))]
    public void Keras3Aliases_NameTheSameClasses(string alias, Type type)
    {
        var layer = KerasSerialization.DeserializeLayer(JsonNode.Parse(
            """{"class_name": "ALIAS", "config": {"filters": 2, "kernel_size": 1}}""".Replace("ALIAS", alias))!);
        Assert.IsType(type, layer);
        Assert.Equal(type.Name, KerasSerialization.SerializeLayer(layer)["class_name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"class_name": "Conv2D", "config": {"filters": 2, "kernel_size": 3, "lora_rank": 4}}""", "lora_rank")]
    [InlineData("""{"class_name": "DepthwiseConv2D", "config": {"kernel_size": 3, "groups": 2}}""", "groups")]
    [InlineData("""{"class_name": "Conv1DTranspose", "config": {"filters": 2, "kernel_size": 3, "groups": 3}}""", "groups")]
    [InlineData("""{"class_name": "Conv2D", "config": {"filters": 2, "kernel_size": 3, "dtype": "float64"}}""", "float64")]
    public void UnsupportedFeatures_AreRefusedByName(string json, string key)
    {
        var error = Assert.Throws<NotSupportedException>(() => KerasSerialization.DeserializeLayer(JsonNode.Parse(json)!));
        Assert.Contains(key, error.Message);
    }

    [Fact]
    public void InvalidConfigValues_FailWithKerasMessages()
    {
        var causal = Assert.Throws<ArgumentException>(() => KerasSerialization.DeserializeLayer(JsonNode.Parse(
            """{"class_name": "Conv2D", "config": {"filters": 2, "kernel_size": 3, "padding": "causal"}}""")!));
        Assert.Contains("The `padding` argument must be a list/tuple or one of {'valid', 'same'}", causal.Message);
        var kernel = Assert.Throws<ArgumentException>(() => KerasSerialization.DeserializeLayer(JsonNode.Parse(
            """{"class_name": "Conv2D", "config": {"name": "k", "filters": 2, "kernel_size": "3"}}""")!));
        Assert.Contains("\"kernel_size\" must be an array of integers", kernel.Message);
        var missing = Assert.Throws<ArgumentException>(() => KerasSerialization.DeserializeLayer(JsonNode.Parse(
            """{"class_name": "SeparableConv2D", "config": {"name": "s", "kernel_size": 3}}""")!));
        Assert.Contains("\"filters\"", missing.Message);
    }

    [Fact]
    public void RegisteredRegularizers_RoundTrip()
    {
        SumOfSquares.Register();
        var conv = new Conv1D(2, 3, kernelRegularizer: new SumOfSquares(0.5), activityRegularizer: new SumOfSquares(2),
            name: "reg");
        var json = KerasSerialization.SerializeLayer(conv);
        var restored = Assert.IsType<Conv1D>(KerasSerialization.DeserializeLayer(json.DeepClone()));
        Assert.Equal(0.5, Assert.IsType<SumOfSquares>(restored.KernelRegularizer).Factor);
        Assert.Equal(2.0, Assert.IsType<SumOfSquares>(restored.ActivityRegularizer).Factor);
        Assert.Null(restored.BiasRegularizer);
        Assert.Equal(json.ToJsonString(), KerasSerialization.SerializeLayer(restored).ToJsonString());
    }

    private static Layer Built(Layer layer, Shape shape)
    {
        layer.Build(shape);
        return layer;
    }

    private static string Normalize(string json) => JsonNode.Parse(json)!.ToJsonString();
}
