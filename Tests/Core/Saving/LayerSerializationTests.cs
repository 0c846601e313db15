using System.Text.Json.Nodes;
using Keras.Initializers;
using Keras.Layers;
using Keras.Saving;

namespace Keras.Tests.Core.Saving;

public class LayerSerializationTests
{
    // The Keras 3 envelopes below are written out from keras-formats.md §3.1, §3.5 and §3.6 (Dense's keys in the
    // order Keras writes them, nested initializers and the DTypePolicy as envelopes), not produced by the code.
    private const string Keras3Dense =
        """
        {"module": "keras.layers", "class_name": "Dense",
         "config": {"name": "probe", "trainable": true,
                    "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
                              "registered_name": null},
                    "units": 4, "activation": "relu", "use_bias": true,
                    "kernel_initializer": {"module": "keras.initializers", "class_name": "GlorotUniform",
                                           "config": {"seed": null}, "registered_name": null},
                    "bias_initializer": {"module": "keras.initializers", "class_name": "Zeros", "config": {},
                                         "registered_name": null},
                    "kernel_regularizer": null, "bias_regularizer": null, "kernel_constraint": null,
                    "bias_constraint": null},
         "registered_name": null}
        """;

    private const string Keras2Dense =
        """
        {"class_name": "Dense",
         "config": {"name": "probe", "trainable": true, "dtype": "float32",
                    "units": 4, "activation": "relu", "use_bias": true,
                    "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": null}},
                    "bias_initializer": {"class_name": "Zeros", "config": {}},
                    "kernel_regularizer": null, "bias_regularizer": null, "kernel_constraint": null,
                    "bias_constraint": null}}
        """;

    public static TheoryData<string> BuiltInLayers => new(LayerZoo.Names);

    [Fact]
    public void SerializeLayer_Dense_WritesKeras3Envelope()
    {
        var dense = new Dense(4, activation: "relu", name: "probe");
        Assert.Equal(Normalize(Keras3Dense), KerasSerialization.SerializeLayer(dense).ToJsonString());
    }

    [Fact]
    public void SerializeLayer_Legacy_WritesKeras2FormThroughout()
    {
        var dense = new Dense(4, activation: "relu", name: "probe");
        Assert.Equal(Normalize(Keras2Dense), KerasSerialization.SerializeLayer(dense, legacy: true).ToJsonString());
    }

    [Fact]
    public void SerializeLayer_BuiltLayer_HasBuildConfigWithInputShape()
    {
        var dense = new Dense(4, name: "probe");
        dense.Build([null, 3]);
        var json = KerasSerialization.SerializeLayer(dense);
        Assert.Equal("""{"input_shape":[null,3]}""", json["build_config"]!.ToJsonString());
        Assert.Null(KerasSerialization.SerializeLayer(dense, legacy: true)["build_config"]);
    }

    [Fact]
    public void SerializeLayer_InputLayer_WritesBatchShapeAndNoBuildConfig()
    {
        var input = new InputLayer([28, 28], name: "pixels");
        var json = KerasSerialization.SerializeLayer(input);
        Assert.Equal(Normalize(
            """
            {"module": "keras.layers", "class_name": "InputLayer",
             "config": {"batch_shape": [null, 28, 28], "dtype": "float32", "sparse": false, "name": "pixels"},
             "registered_name": null}
            """), json.ToJsonString());
        var legacy = KerasSerialization.SerializeLayer(input, legacy: true);
        Assert.Equal(Normalize(
            """
            {"class_name": "InputLayer",
             "config": {"batch_input_shape": [null, 28, 28], "dtype": "float32", "sparse": false, "name": "pixels"}}
            """), legacy.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(BuiltInLayers))]
    public void BuiltInLayer_RoundTripsThroughJsonText(string kind)
    {
        foreach (bool legacy in new[] { false, true })
        {
            var original = LayerZoo.Create(kind);
            var json = KerasSerialization.SerializeLayer(original, legacy);
            string text = json.ToJsonString();
            var restored = KerasSerialization.DeserializeLayer(JsonNode.Parse(text)!);
            Assert.IsType(original.GetType(), restored);
            Assert.Equal(text, KerasSerialization.SerializeLayer(restored, legacy).ToJsonString());
            if (!legacy)
            {
                // Only the Keras 3 form records build_config; Keras 2 builds when weights load.
                Assert.Equal(original.Built, restored.Built);
                Assert.Equal(original.BuildInputShape, restored.BuildInputShape);
            }
            Assert.Equal(original.Trainable, restored.Trainable);
            foreach (var (key, value) in original.GetConfig())
            {
                if (value is string or bool or int or double or null)
                {
                    Assert.Equal(value, restored.GetConfig()[key]);
                }
            }
        }
    }

    [Fact]
    public void DeserializeLayer_Keras2Dense_IgnoresUnknownKeysAndReadsLegacyInitializers()
    {
        var config = JsonNode.Parse(
            """
            {"class_name": "Dense",
             "config": {"name": "dense_7", "trainable": false, "dtype": "float32", "batch_input_shape": [null, 5],
                        "units": 3, "activation": "softmax", "use_bias": false,
                        "kernel_initializer": {"class_name": "VarianceScaling",
                                               "config": {"scale": 2.0, "mode": "fan_out", "distribution": "uniform",
                                                          "seed": null}},
                        "bias_initializer": {"class_name": "Zeros", "config": {}},
                        "kernel_regularizer": null, "bias_regularizer": null, "activity_regularizer": null,
                        "kernel_constraint": null, "bias_constraint": null, "some_future_key": 12}}
            """)!;
        var dense = Assert.IsType<Dense>(KerasSerialization.DeserializeLayer(config));
        Assert.Equal("dense_7", dense.Name);
        Assert.Equal(3, dense.Units);
        Assert.Equal("softmax", dense.Activation.Name);
        Assert.False(dense.UseBias);
        Assert.False(dense.Trainable);
        var init = Assert.IsType<VarianceScaling>(dense.KernelInitializer);
        Assert.Equal((2.0, "fan_out", "uniform"), (init.Scale, init.Mode, init.Distribution));
    }

    [Fact]
    public void DeserializeLayer_Keras3DTypePolicyAndStringForms_AreAccepted()
    {
        var policy = JsonNode.Parse(Keras3Dense)!;
        Assert.IsType<Dense>(KerasSerialization.DeserializeLayer(policy));
        var strings = JsonNode.Parse(
            """{"class_name":"Dense","config":{"units":2,"kernel_initializer":"he_normal","bias_initializer":"ones"}}""")!;
        var dense = Assert.IsType<Dense>(KerasSerialization.DeserializeLayer(strings));
        Assert.IsType<HeNormal>(dense.KernelInitializer);
        Assert.IsType<Ones>(dense.BiasInitializer);
        Assert.Equal("linear", dense.Activation.Name);
    }

    [Fact]
    public void DeserializeLayer_BuildConfig_BuildsTheLayer()
    {
        var config = JsonNode.Parse(
            """
            {"module": "keras.layers", "class_name": "Dense", "config": {"name": "d", "units": 2},
             "registered_name": null, "build_config": {"input_shape": [null, 5]}}
            """)!;
        var dense = Assert.IsType<Dense>(KerasSerialization.DeserializeLayer(config));
        Assert.True(dense.Built);
        Assert.Equal(new Shape(5, 2), dense.Kernel!.Shape);
    }

    [Fact]
    public void DeserializeLayer_MissingRequiredKey_NamesLayerAndKey()
    {
        var config = JsonNode.Parse("""{"class_name":"Dense","config":{"name":"head","activation":"relu"}}""")!;
        var error = Assert.Throws<ArgumentException>(() => KerasSerialization.DeserializeLayer(config));
        Assert.Contains("Dense \"head\"", error.Message);
        Assert.Contains("\"units\"", error.Message);
        Assert.Contains("required", error.Message);
    }

    [Fact]
    public void DeserializeLayer_WrongValueType_SaysWhatWasExpected()
    {
        var config = JsonNode.Parse("""{"class_name":"Dense","config":{"name":"head","units":"ten"}}""")!;
        var error = Assert.Throws<ArgumentException>(() => KerasSerialization.DeserializeLayer(config));
        Assert.Contains("\"units\" must be an integer. Received: \"ten\"", error.Message);
    }

    [Fact]
    public void DeserializeLayer_UnknownClass_ExplainsHowToRegister()
    {
        var config = JsonNode.Parse("""{"module":"keras.layers","class_name":"WormholeConvolution","config":{}}""")!;
        var error = Assert.Throws<KeyNotFoundException>(() => KerasSerialization.DeserializeLayer(config));
        Assert.Contains("'WormholeConvolution'", error.Message);
        Assert.Contains("SerializationRegistry.Register<WormholeConvolution>", error.Message);
        Assert.Contains("Dense", error.Message);
    }

    [Fact]
    public void DeserializeLayer_UnsupportedFeature_IsRefusedByName()
    {
        var config = JsonNode.Parse(
            """
            {"class_name":"Dense","config":{"name":"reg","units":2,
             "lora_rank":4}}
            """)!;
        var error = Assert.Throws<NotSupportedException>(() => KerasSerialization.DeserializeLayer(config));
        Assert.Contains("Dense \"reg\"", error.Message);
        Assert.Contains("\"lora_rank\"", error.Message);
        var mixed = JsonNode.Parse("""{"class_name":"Dropout","config":{"rate":0.1,"dtype":"mixed_float16"}}""")!;
        Assert.Contains("mixed_float16",
            Assert.Throws<NotSupportedException>(() => KerasSerialization.DeserializeLayer(mixed)).Message);
    }

    [Theory]
    [InlineData("""{"batch_input_shape":[null,4,2],"dtype":"float32","sparse":false,"ragged":false,"name":"k2"}""", null)]
    [InlineData("""{"batch_shape":[null,4,2],"dtype":"float32","sparse":false,"name":"k3","optional":false}""", null)]
    [InlineData("""{"shape":[4,2],"batch_size":8,"name":"ctor"}""", 8)]
    [InlineData("""{"batch_input_shape":{"class_name":"TensorShape","items":[null,4,2]},"name":"wrapped"}""", null)]
    public void DeserializeLayer_InputLayerVariants_GiveTheBatchShape(string config, int? batch)
    {
        var json = JsonNode.Parse($$"""{"class_name":"InputLayer","config":{{config}}}""")!;
        var input = Assert.IsType<InputLayer>(KerasSerialization.DeserializeLayer(json));
        Assert.Equal(new Shape(batch, 4, 2), input.BatchShape);
        Assert.Single(input.InboundNodes);
    }

    [Fact]
    public void DeserializeLayer_InputLayerWithoutShapeOrWithSparse_FailsClearly()
    {
        var noShape = JsonNode.Parse("""{"class_name":"InputLayer","config":{"name":"x"}}""")!;
        Assert.Contains("batch_shape",
            Assert.Throws<ArgumentException>(() => KerasSerialization.DeserializeLayer(noShape)).Message);
        var sparse = JsonNode.Parse("""{"class_name":"InputLayer","config":{"batch_shape":[null,3],"sparse":true}}""")!;
        Assert.Contains("\"sparse\"",
            Assert.Throws<NotSupportedException>(() => KerasSerialization.DeserializeLayer(sparse)).Message);
    }

    [Fact]
    public void DeserializeLayer_NotALayerEnvelope_FailsClearly()
    {
        Assert.Contains("\"class_name\"", Assert.Throws<ArgumentException>(
            () => KerasSerialization.DeserializeLayer(JsonNode.Parse("""{"config":{}}""")!)).Message);
        var initializer = JsonNode.Parse("""{"class_name":"Zeros","config":{}}""")!;
        Assert.Contains("Could not locate layer class 'Zeros'",
            Assert.Throws<KeyNotFoundException>(() => KerasSerialization.DeserializeLayer(initializer)).Message);
    }

    [Fact]
    public void SerializeValue_WritesShapesNumbersAndRefusesUnknownTypes()
    {
        Assert.Equal("[null,28,28]", KerasSerialization.SerializeValue(new Shape(null, 28, 28))!.ToJsonString());
        Assert.Equal("[null,3]", KerasSerialization.SerializeValue(new int?[] { null, 3 })!.ToJsonString());
        Assert.Equal("\"NaN\"", KerasSerialization.SerializeValue(double.NaN)!.ToJsonString());
        Assert.Equal("0.2", KerasSerialization.SerializeValue(0.2)!.ToJsonString());
        Assert.Null(KerasSerialization.SerializeValue(null));
        var error = Assert.Throws<ArgumentException>(() => KerasSerialization.SerializeValue(DateTime.Now));
        Assert.Contains("System.DateTime", error.Message);
    }

    [Fact]
    public void DeserializeActivation_AcceptsNamesFunctionEnvelopesAndNull()
    {
        Assert.Same(Activations.Linear, KerasSerialization.DeserializeActivation(null));
        Assert.Same(Activations.Relu, KerasSerialization.DeserializeActivation(JsonValue.Create("relu")));
        Assert.Equal("swish", KerasSerialization.DeserializeActivation(JsonValue.Create("swish")).Name);
        var envelope = JsonNode.Parse(
            """{"module":"keras.activations","class_name":"function","config":"tanh","registered_name":"tanh"}""");
        Assert.Same(Activations.Tanh, KerasSerialization.DeserializeActivation(envelope));
        var error = Assert.Throws<KeyNotFoundException>(
            () => KerasSerialization.DeserializeActivation(JsonValue.Create("mystery")));
        Assert.Contains("\"mystery\"", error.Message);
        Assert.Contains("relu", error.Message);
    }

    private static string Normalize(string json) => JsonNode.Parse(json)!.ToJsonString();
}
