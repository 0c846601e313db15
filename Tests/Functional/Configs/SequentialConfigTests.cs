using System.Text.Json.Nodes;
using Keras.Layers;
using Keras.Saving;

namespace Keras.Tests.FunctionalApi.Configs;

public class SequentialConfigTests
{
    private static Sequential Mlp() => new(
        [new InputLayer([6], name: "mlp_in"), new Dense(5, activation: "relu", name: "mlp_hidden"),
         new Dropout(0.5, name: "mlp_dropout"), new Dense(2, activation: "softmax", name: "mlp_out")],
        "mlp");

    [Fact]
    public void ToJson_WritesKeras3SequentialEnvelope()
    {
        using var model = Mlp();
        var json = JsonNode.Parse(model.ToJson())!;
        Assert.Equal("keras", json["module"]!.GetValue<string>());
        Assert.Equal("Sequential", json["class_name"]!.GetValue<string>());
        Assert.Null(json["registered_name"]);
        Assert.Equal("""{"input_shape":[null,6]}""", json["build_config"]!.ToJsonString());
        var config = json["config"]!.AsObject();
        Assert.Equal(["name", "trainable", "dtype", "layers", "build_input_shape"], config.Select(kv => kv.Key));
        Assert.Equal("DTypePolicy", config["dtype"]!["class_name"]!.GetValue<string>());
        Assert.Equal(["InputLayer", "Dense", "Dropout", "Dense"],
            config["layers"]!.AsArray().Select(l => l!["class_name"]!.GetValue<string>()));
        Assert.Equal("[null,6]", config["build_input_shape"]!.ToJsonString());
    }

    [Fact]
    public void Legacy_WritesKeras2Form()
    {
        using var model = Mlp();
        var json = KerasSerialization.SerializeLayer(model, legacy: true);
        Assert.Equal(["class_name", "config"], json.Select(kv => kv.Key));
        var first = json["config"]!["layers"]![0]!;
        Assert.Equal(
            JsonNode.Parse(
                """
                {"class_name": "InputLayer",
                 "config": {"batch_input_shape": [null, 6], "dtype": "float32", "sparse": false, "name": "mlp_in"}}
                """)!.ToJsonString(),
            first.ToJsonString());
        Assert.Equal("float32", json["config"]!["dtype"]!.GetValue<string>());
    }

    [Fact]
    public void RoundTrip_BothForms_RebuildTheSameModel()
    {
        using var model = Mlp();
        foreach (bool legacy in new[] { false, true })
        {
            string text = KerasSerialization.SerializeLayer(model, legacy).ToJsonString();
            using var restored = Assert.IsType<Sequential>(Models.ModelFromJson(text));
            Assert.Equal(text, KerasSerialization.SerializeLayer(restored, legacy).ToJsonString());
            Assert.Equal("mlp_in", restored.InputLayer!.Name);
            Assert.Equal(model.Layers.Select(l => (l.Name, l.GetType())),
                restored.Layers.Select(l => (l.Name, l.GetType())));
            Assert.Equal(model.CountParams(), restored.CountParams());
        }
    }

    [Fact]
    public void RoundTrip_UnbuiltModel_StaysUnbuiltWithoutBuildInputShape()
    {
        using var model = new Sequential(new Dense(3, name: "lazy_a"), new Dense(1, name: "lazy_b"));
        var config = JsonNode.Parse(model.ToJson())!["config"]!.AsObject();
        Assert.False(config.ContainsKey("build_input_shape"));
        using var restored = Assert.IsType<Sequential>(Models.ModelFromJson(model.ToJson()));
        Assert.False(restored.Built);
        Assert.Null(restored.InputLayer);
        Assert.Equal(["lazy_a", "lazy_b"], restored.Layers.Select(l => l.Name));
    }

    [Fact]
    public void FromConfig_BuildInputShapeWithoutInputLayer_BuildsTheModel()
    {
        var config = JsonNode.Parse(
            """
            {"name": "deferred", "layers": [{"module": "keras.layers", "class_name": "Dense",
                                             "config": {"name": "deferred_dense", "units": 3}, "registered_name": null}],
             "build_input_shape": [null, 5]}
            """)!.AsObject();
        using var model = SequentialConfig.FromConfig(config);
        Assert.True(model.Built);
        Assert.Null(model.InputLayer);
        Assert.Equal(18, model.CountParams());
    }

    [Fact]
    public void FromConfig_Keras2InputOnFirstLayer_AddsAnInputLayer()
    {
        var json = """
            {"class_name": "Sequential", "config": {"name": "k2_implicit", "layers": [
              {"class_name": "Dense", "config": {"name": "first", "trainable": true, "dtype": "float32",
                                                  "batch_input_shape": [null, 12], "units": 4, "activation": "relu"}},
              {"class_name": "Dense", "config": {"name": "second", "units": 2}}]}}
            """;
        using var model = Assert.IsType<Sequential>(Models.ModelFromJson(json));
        Assert.True(model.Built);
        Assert.Equal(new Shape(null, 12), model.InputLayer!.BatchShape);
        Assert.Equal(["first", "second"], model.Layers.Select(l => l.Name));
    }

    [Fact]
    public void FromConfig_Keras22BareLayerList_IsAccepted()
    {
        var json = """
            {"class_name": "Sequential", "config": [
              {"class_name": "Dense", "config": {"name": "old_a", "batch_input_shape": [null, 3], "units": 2}},
              {"class_name": "Activation", "config": {"name": "old_act", "activation": "softmax"}}]}
            """;
        using var model = Assert.IsType<Sequential>(Models.ModelFromJson(json));
        Assert.Equal(["old_a", "old_act"], model.Layers.Select(l => l.Name));
        Assert.Equal(new Shape(null, 3), model.InputLayer!.BatchShape);
    }

    [Fact]
    public void FromConfig_WithoutLayers_IsAClearError()
    {
        var config = new JsonObject { ["name"] = "empty" };
        var error = Assert.Throws<ArgumentException>(() => SequentialConfig.FromConfig(config));
        Assert.Contains("Sequential \"empty\"", error.Message);
        Assert.Contains("\"layers\"", error.Message);
    }
}
