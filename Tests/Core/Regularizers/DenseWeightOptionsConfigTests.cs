using System.Text.Json.Nodes;
using Keras.Constraints;
using Keras.Layers;
using Keras.Regularizers;
using Keras.Saving;

namespace Keras.Tests.Core.Regularizers;

/// <summary>Dense configs with regularizers and constraints: the Keras 3 JSON form (written out by hand from Keras 3's
/// <c>Dense.get_config</c> and <c>Layer.get_config</c>, which adds <c>activity_regularizer</c> when set), Keras 2
/// envelopes and string names.</summary>
public sealed class DenseWeightOptionsConfigTests
{
    private const string Keras3Dense =
        """
        {"module": "keras.layers", "class_name": "Dense",
         "config": {"name": "regularized", "trainable": true,
                    "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
                              "registered_name": null},
                    "activity_regularizer": {"module": "keras.regularizers", "class_name": "L1",
                                             "config": {"l1": 0.001}, "registered_name": null},
                    "units": 4, "activation": "relu", "use_bias": true,
                    "kernel_initializer": {"module": "keras.initializers", "class_name": "GlorotUniform",
                                           "config": {"seed": null}, "registered_name": null},
                    "bias_initializer": {"module": "keras.initializers", "class_name": "Zeros", "config": {},
                                         "registered_name": null},
                    "kernel_regularizer": {"module": "keras.regularizers", "class_name": "L2",
                                           "config": {"l2": 0.01}, "registered_name": null},
                    "bias_regularizer": {"module": "keras.regularizers", "class_name": "L1L2",
                                         "config": {"l1": 0.5, "l2": 0.25}, "registered_name": null},
                    "kernel_constraint": {"module": "keras.constraints", "class_name": "MaxNorm",
                                          "config": {"max_value": 3, "axis": 0}, "registered_name": null},
                    "bias_constraint": {"module": "keras.constraints", "class_name": "NonNeg", "config": {},
                                        "registered_name": null}},
         "registered_name": null}
        """;

    [Fact]
    public void Keras3Json_ReadsAndWritesBackTheSame()
    {
        var dense = Assert.IsType<Dense>(KerasSerialization.DeserializeLayer(JsonNode.Parse(Keras3Dense)!));
        Assert.Equal(0.01, Assert.IsType<L2>(dense.KernelRegularizer).Factor);
        Assert.Equal((0.5, 0.25), (Assert.IsType<L1L2>(dense.BiasRegularizer).L1Factor, ((L1L2)dense.BiasRegularizer!).L2Factor));
        Assert.Equal(0.001, Assert.IsType<L1>(dense.ActivityRegularizer).Factor);
        Assert.Equal(3.0, Assert.IsType<MaxNorm>(dense.KernelConstraint).MaxValue);
        Assert.IsType<NonNeg>(dense.BiasConstraint);
        var written = KerasSerialization.SerializeLayer(dense);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Keras3Dense), written), written.ToJsonString());
    }

    [Fact]
    public void StringForms_AreReadWithKerasDefaults()
    {
        var config = JsonNode.Parse(
            """
            {"class_name": "Dense", "config": {"name": "strings", "units": 2, "kernel_regularizer": "l2",
             "bias_regularizer": "l1_l2", "activity_regularizer": "l1", "kernel_constraint": "unit_norm",
             "bias_constraint": "non_neg"}}
            """)!;
        var dense = Assert.IsType<Dense>(KerasSerialization.DeserializeLayer(config));
        Assert.Equal(0.01, Assert.IsType<L2>(dense.KernelRegularizer).Factor);
        var l1l2 = Assert.IsType<L1L2>(dense.BiasRegularizer);
        Assert.Equal((0.01, 0.01), (l1l2.L1Factor, l1l2.L2Factor));
        Assert.Equal(0.01, Assert.IsType<L1>(dense.ActivityRegularizer).Factor);
        Assert.IsType<UnitNorm>(dense.KernelConstraint);
        Assert.IsType<NonNeg>(dense.BiasConstraint);
    }

    [Fact]
    public void CSharpStrings_ConvertAndSerializeAsEnvelopes()
    {
        using var dense = new Dense(3, kernelRegularizer: "l2", kernelConstraint: "max_norm", name: "typed");
        var config = KerasSerialization.SerializeLayer(dense)["config"]!;
        Assert.Equal("""{"module":"keras.regularizers","class_name":"L2","config":{"l2":0.01},"registered_name":null}""",
            config["kernel_regularizer"]!.ToJsonString());
        Assert.Null(config["bias_regularizer"]);
        Assert.False(config.AsObject().ContainsKey("activity_regularizer"));
        var restored = Assert.IsType<Dense>(KerasSerialization.DeserializeLayer(KerasSerialization.SerializeLayer(dense)));
        Assert.IsType<L2>(restored.KernelRegularizer);
        Assert.IsType<MaxNorm>(restored.KernelConstraint);
    }

    [Fact]
    public void Keras2Json_WithNullsAndLegacyEnvelopes_IsRead()
    {
        var config = JsonNode.Parse(
            """
            {"class_name": "Dense", "config": {"name": "k2", "trainable": true, "dtype": "float32", "units": 2,
             "activation": "linear", "use_bias": true,
             "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": null}},
             "bias_initializer": {"class_name": "Zeros", "config": {}},
             "kernel_regularizer": {"class_name": "L1L2", "config": {"l1": 0.0, "l2": 0.009999999776482582}},
             "bias_regularizer": null, "activity_regularizer": null,
             "kernel_constraint": {"class_name": "MaxNorm", "config": {"max_value": 2, "axis": 0}},
             "bias_constraint": null}}
            """)!;
        var dense = Assert.IsType<Dense>(KerasSerialization.DeserializeLayer(config));
        Assert.IsType<L1L2>(dense.KernelRegularizer);
        Assert.Null(dense.BiasRegularizer);
        Assert.Null(dense.ActivityRegularizer);
        Assert.IsType<MaxNorm>(dense.KernelConstraint);
        Assert.Null(dense.BiasConstraint);
    }

    [Fact]
    public void UnknownRegularizerInAConfig_SaysWhatIsKnown()
    {
        var config = JsonNode.Parse(
            """{"class_name": "Dense", "config": {"units": 2, "kernel_regularizer": {"class_name": "L3", "config": {}}}}""")!;
        var error = Assert.Throws<KeyNotFoundException>(() => KerasSerialization.DeserializeLayer(config));
        Assert.Contains("Could not locate regularizer class 'L3'", error.Message);
        Assert.Contains("L1L2", error.Message);
    }
}
