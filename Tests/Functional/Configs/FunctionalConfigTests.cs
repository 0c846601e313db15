using System.Text.Json.Nodes;
using Keras.Layers;
using Keras.Saving;
using Keras.Tests.Core.Saving;

namespace Keras.Tests.FunctionalApi.Configs;

public class FunctionalConfigTests
{
    [Fact]
    public void ToJson_SharedLayer_WritesKeras3EnvelopeNodesAndEndpoints()
    {
        using var model = ConfigTestModels.SharedDense();
        var json = JsonNode.Parse(model.ToJson())!;
        Assert.Equal("keras.src.models.functional", json["module"]!.GetValue<string>());
        Assert.Equal("Functional", json["class_name"]!.GetValue<string>());
        Assert.Equal("Functional", json["registered_name"]!.GetValue<string>());
        Assert.Equal("""{"input_shape":null}""", json["build_config"]!.ToJsonString());
        var config = json["config"]!;
        Assert.Equal("shared_dense", config["name"]!.GetValue<string>());
        Assert.True(config["trainable"]!.GetValue<bool>());

        var layers = config["layers"]!.AsArray().ToDictionary(l => l!["name"]!.GetValue<string>());
        Assert.Equal(["dropout", "input_a", "input_b", "out_a", "out_b", "shared"], layers.Keys.Order());
        Assert.Equal("[]", layers["input_a"]!["inbound_nodes"]!.ToJsonString());
        Assert.Null(layers["input_a"]!["build_config"]);
        Assert.Equal(Normalize(
            """
            [{"args": [{"class_name": "__keras_tensor__",
                        "config": {"shape": [null, 8], "dtype": "float32", "keras_history": ["input_a", 0, 0]}}],
              "kwargs": {}},
             {"args": [{"class_name": "__keras_tensor__",
                        "config": {"shape": [null, 8], "dtype": "float32", "keras_history": ["input_b", 0, 0]}}],
              "kwargs": {}}]
            """), layers["shared"]!["inbound_nodes"]!.ToJsonString());
        Assert.Equal("""["shared",1,0]""",
            layers["dropout"]!["inbound_nodes"]![0]!["args"]![0]!["config"]!["keras_history"]!.ToJsonString());
        Assert.Equal("""{"input_shape":[null,8]}""", layers["shared"]!["build_config"]!.ToJsonString());
        Assert.Equal("""[["input_a",0,0],["input_b",0,0]]""", config["input_layers"]!.ToJsonString());
        Assert.Equal("""[["out_a",0,0],["out_b",0,0]]""", config["output_layers"]!.ToJsonString());
    }

    [Fact]
    public void ToJson_SingleInputAndOutput_WritesBareTriples_LegacyWritesLists()
    {
        using var model = ConfigTestModels.SelfLoop();
        var config = KerasSerialization.SerializeLayer(model)["config"]!;
        Assert.Equal("""["loop_in",0,0]""", config["input_layers"]!.ToJsonString());
        Assert.Equal("""["twice",1,0]""", config["output_layers"]!.ToJsonString());
        var legacy = KerasSerialization.SerializeLayer(model, legacy: true)["config"]!;
        Assert.Equal("""[["loop_in",0,0]]""", legacy["input_layers"]!.ToJsonString());
        Assert.Equal("""[["twice",1,0]]""", legacy["output_layers"]!.ToJsonString());
    }

    [Fact]
    public void Legacy_SharedLayer_WritesKeras2NestedListNodes()
    {
        using var model = ConfigTestModels.SharedDense();
        var json = KerasSerialization.SerializeLayer(model, legacy: true);
        Assert.Equal(["class_name", "config"], json.Select(kv => kv.Key));
        var shared = json["config"]!["layers"]!.AsArray().Single(l => l!["name"]!.GetValue<string>() == "shared")!;
        Assert.Equal(["class_name", "config", "name", "inbound_nodes"], shared.AsObject().Select(kv => kv.Key));
        Assert.Equal("""[[["input_a",0,0,{}]],[["input_b",0,0,{}]]]""", shared["inbound_nodes"]!.ToJsonString());
        Assert.Equal("float32", shared["config"]!["dtype"]!.GetValue<string>());
    }

    [Fact]
    public void RoundTrip_Keras3Json_RebuildsTheSameGraph()
    {
        using var model = ConfigTestModels.SharedDense();
        string json = model.ToJson();
        using var restored = Assert.IsType<Functional>(Models.ModelFromJson(json));
        Assert.Equal(ConfigTestModels.Signature(model), ConfigTestModels.Signature(restored));
        Assert.Equal(json, restored.ToJson());
    }

    [Fact]
    public void RoundTrip_LegacyForm_RebuildsTheSameGraph()
    {
        using var model = ConfigTestModels.SharedDense();
        var legacy = KerasSerialization.SerializeLayer(model, legacy: true);
        using var restored = Assert.IsType<Functional>(KerasSerialization.Deserialize<Model>(legacy));
        Assert.Equal(ConfigTestModels.Signature(model), ConfigTestModels.Signature(restored));
    }

    [Fact]
    public void RoundTrip_LayerCalledOnItsOwnOutput_ReplaysBothCalls()
    {
        using var model = ConfigTestModels.SelfLoop();
        foreach (bool legacy in new[] { false, true })
        {
            var config = KerasSerialization.SerializeLayer(model, legacy);
            using var restored = KerasSerialization.Deserialize<Functional>(config);
            Assert.Equal(ConfigTestModels.Signature(model), ConfigTestModels.Signature(restored));
            Assert.Equal(2, restored.GetLayer("twice").InboundNodes.Count);
        }
    }

    [Fact]
    public void NestedModels_NodeIndicesFollowKeras2AndKeras3Conventions()
    {
        using var model = ConfigTestModels.Nested();
        var config = KerasSerialization.SerializeLayer(model)["config"]!;
        var layers = config["layers"]!.AsArray().ToDictionary(l => l!["name"]!.GetValue<string>());
        // Keras 3: node arguments count from 0; output_layers count a nested functional model's calls from 1.
        Assert.Equal("""["stack",0,0]""",
            layers["inner"]!["inbound_nodes"]![1]!["args"]![0]!["config"]!["keras_history"]!.ToJsonString());
        Assert.Equal("""[["head",0,0],["inner",2,0]]""", config["output_layers"]!.ToJsonString());
        Assert.Equal("Functional", layers["inner"]!["class_name"]!.GetValue<string>());
        Assert.Equal("Sequential", layers["stack"]!["class_name"]!.GetValue<string>());

        // Keras 2: nested models (functional and sequential) count their calls from 1 everywhere.
        var legacy = KerasSerialization.SerializeLayer(model, legacy: true)["config"]!;
        var legacyLayers = legacy["layers"]!.AsArray().ToDictionary(l => l!["name"]!.GetValue<string>());
        Assert.Equal("""[[["outer_in",0,0,{}]],[["stack",1,0,{}]]]""",
            legacyLayers["inner"]!["inbound_nodes"]!.ToJsonString());
        Assert.Equal("""[[["inner",1,0,{}]]]""", legacyLayers["stack"]!["inbound_nodes"]!.ToJsonString());
        Assert.Equal("""[["head",0,0],["inner",2,0]]""", legacy["output_layers"]!.ToJsonString());
    }

    [Fact]
    public void NestedModels_RoundTripInBothForms_ComputeTheSameFunction()
    {
        // One output: Layer.Call(IReadOnlyList<Tensor>) runs a one-input model through its single-output path.
        using var model = ConfigTestModels.Nested(exposeNested: false);
        using var x = torch.randn(5, 4);
        var expected = model.PredictMany(x, verbose: 0);
        foreach (bool legacy in new[] { false, true })
        {
            string text = KerasSerialization.SerializeLayer(model, legacy).ToJsonString();
            using var restored = Assert.IsType<Functional>(Models.ModelFromJson(text));
            Assert.Equal(ConfigTestModels.Signature(model), ConfigTestModels.Signature(restored));
            restored.SetWeights(model.GetWeights());
            var actual = restored.PredictMany(x, verbose: 0);
            for (int i = 0; i < expected.Count; i++)
            {
                Assert.True(expected[i].allclose(actual[i]), $"output {i} differs (legacy={legacy})");
            }
        }
    }

    [Fact]
    public void RegisteredUserLayer_RoundTripsInsideAFunctionalModel()
    {
        TimesFactor.Register();
        var x = new Input([3], name: "user_in");
        using var model = new Functional(x, new TimesFactor(1.5, name: "times").Call(new Dense(3, name: "pre").Call(x)),
            name: "with_user_layer");
        string json = model.ToJson();
        Assert.Contains("\"registered_name\":\"Custom>TimesFactor\"", json);
        using var restored = Assert.IsType<Functional>(Models.ModelFromJson(json));
        Assert.Equal(1.5, Assert.IsType<TimesFactor>(restored.GetLayer("times")).Factor);
        Assert.Equal(ConfigTestModels.Signature(model), ConfigTestModels.Signature(restored));
    }

    [Fact]
    public void FrozenModel_KeepsItsTrainableFlags()
    {
        using var model = ConfigTestModels.SharedDense();
        model.GetLayer("out_a").Trainable = false;
        using var restored = Assert.IsType<Functional>(Models.ModelFromJson(model.ToJson()));
        Assert.False(restored.GetLayer("out_a").Trainable);
        Assert.True(restored.GetLayer("out_b").Trainable);
        model.Trainable = false;
        using var frozen = Assert.IsType<Functional>(Models.ModelFromJson(model.ToJson()));
        Assert.False(frozen.Trainable);
        Assert.Empty(frozen.TrainableWeights);
    }

    [Fact]
    public void FromConfig_EndpointsAsBareTripleOrDictionary_AreAccepted()
    {
        using var model = ConfigTestModels.SelfLoop();
        var config = KerasSerialization.SerializeLayer(model)["config"]!.AsObject();
        config["input_layers"] = JsonNode.Parse("""{"loop_in": ["loop_in", 0, 0]}""");
        config["output_layers"] = JsonNode.Parse("""[["twice", 1, 0]]""");
        using var restored = FunctionalConfig.FromConfig(config);
        Assert.Equal(ConfigTestModels.Signature(model), ConfigTestModels.Signature(restored));
    }

    [Fact]
    public void FromConfig_NullMasksAndTrainingKwargs_AreAccepted_OtherKwargsAreNot()
    {
        using var model = ConfigTestModels.SelfLoop();
        var config = KerasSerialization.SerializeLayer(model)["config"]!.AsObject();
        var twice = config["layers"]!.AsArray().Single(l => l!["name"]!.GetValue<string>() == "twice")!;
        twice["inbound_nodes"]![0]!["kwargs"] = JsonNode.Parse("""{"mask": null, "training": false}""");
        using (FunctionalConfig.FromConfig(config))
        {
        }
        twice["inbound_nodes"]![0]!["kwargs"] = JsonNode.Parse("""{"alpha": 0.5}""");
        var error = Assert.Throws<NotSupportedException>(() => FunctionalConfig.FromConfig(config));
        Assert.Contains("\"twice\"", error.Message);
        Assert.Contains("\"alpha\"", error.Message);
    }

    [Fact]
    public void FromConfig_UnknownInboundLayer_NamesIt()
    {
        var config = JsonNode.Parse(
            """
            {"name": "broken", "layers": [
              {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 2], "name": "in"}, "name": "in",
               "inbound_nodes": []},
              {"class_name": "Dense", "config": {"name": "d", "units": 1}, "name": "d",
               "inbound_nodes": [[["ghost", 0, 0, {}]]]}],
             "input_layers": [["in", 0, 0]], "output_layers": [["d", 0, 0]]}
            """)!.AsObject();
        var error = Assert.Throws<ArgumentException>(() => FunctionalConfig.FromConfig(config));
        Assert.Contains("Functional \"broken\"", error.Message);
        Assert.Contains("\"ghost\"", error.Message);
    }

    [Fact]
    public void FromConfig_NodeThatIsNeverCreated_FailsInsteadOfLooping()
    {
        var config = JsonNode.Parse(
            """
            {"name": "stuck", "layers": [
              {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 2], "name": "in"}, "name": "in",
               "inbound_nodes": []},
              {"class_name": "Dense", "config": {"name": "d", "units": 2}, "name": "d",
               "inbound_nodes": [[["in", 3, 0, {}]]]}],
             "input_layers": [["in", 0, 0]], "output_layers": [["d", 0, 0]]}
            """)!.AsObject();
        var error = Assert.Throws<ArgumentException>(() => FunctionalConfig.FromConfig(config));
        Assert.Contains("cannot be rebuilt", error.Message);
        Assert.Contains("node 3 of layer \"in\"", error.Message);
    }

    [Fact]
    public void FromConfig_MissingOutputLayers_IsAClearError()
    {
        using var model = ConfigTestModels.SelfLoop();
        var config = KerasSerialization.SerializeLayer(model)["config"]!.AsObject();
        config.Remove("output_layers");
        var error = Assert.Throws<ArgumentException>(() => FunctionalConfig.FromConfig(config));
        Assert.Contains("\"output_layers\"", error.Message);
    }

    [Fact]
    public void ModelFromJson_UnknownClass_SaysHowToRegister()
    {
        string json = ConfigTestModels.Fixture("shared_dense_keras3.json").Replace("\"Dropout\"", "\"QuantumDropout\"");
        var error = Assert.Throws<KeyNotFoundException>(() => Models.ModelFromJson(json));
        Assert.Contains("'QuantumDropout'", error.Message);
        Assert.Contains("SerializationRegistry.Register", error.Message);
    }

    [Fact]
    public void ModelFromJson_InvalidTextOrALayer_IsRejected()
    {
        Assert.Contains("could not be parsed",
            Assert.Throws<ArgumentException>(() => Models.ModelFromJson("{\"class_name\": ")).Message);
        Assert.Contains("must be an object", Assert.Throws<ArgumentException>(() => Models.ModelFromJson("[1]")).Message);
        string dense = KerasSerialization.SerializeLayer(new Dense(2, name: "lonely")).ToJsonString();
        Assert.Contains("Could not locate model class 'Dense'",
            Assert.Throws<KeyNotFoundException>(() => Models.ModelFromJson(dense)).Message);
    }

    private static string Normalize(string json) => JsonNode.Parse(json)!.ToJsonString();
}
