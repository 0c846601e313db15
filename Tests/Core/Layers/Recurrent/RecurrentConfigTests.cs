using System.Text.Json.Nodes;
using Keras.Layers;
using Keras.Saving;

namespace Keras.Tests.Core.Layers.Recurrent;

/// <summary>Configs of the recurrent layers: Keras 3's keys and order, round trips, and reading what Keras 3 and
/// Keras 2 write.</summary>
public sealed class RecurrentConfigTests
{
    private static readonly string[] Base = ["name", "trainable", "dtype"];
    private static readonly string[] Flags =
        ["return_sequences", "return_state", "go_backwards", "stateful", "unroll", "zero_output_for_mask"];
    private static readonly string[] Regularizers =
        ["kernel_regularizer", "recurrent_regularizer", "bias_regularizer"];
    private static readonly string[] Constraints =
        ["kernel_constraint", "recurrent_constraint", "bias_constraint", "dropout", "recurrent_dropout"];
    private static readonly string[] Initializers =
        ["kernel_initializer", "recurrent_initializer", "bias_initializer"];

    public static TheoryData<string, string[]> KerasKeys => new()
    {
        {
            "LSTM", [.. Base, .. Flags, "units", "activation", "recurrent_activation", "use_bias", .. Initializers,
                "unit_forget_bias", .. Regularizers, "activity_regularizer", .. Constraints, "seed"]
        },
        {
            "GRU", [.. Base, .. Flags, "units", "activation", "recurrent_activation", "use_bias", .. Initializers,
                .. Regularizers, "activity_regularizer", .. Constraints, "reset_after", "seed"]
        },
        {
            "SimpleRNN", [.. Base, .. Flags, "units", "activation", "use_bias", .. Initializers, .. Regularizers,
                "activity_regularizer", .. Constraints]
        },
        {
            "LSTMCell", [.. Base, "units", "activation", "recurrent_activation", "use_bias", "unit_forget_bias",
                .. Initializers, .. Regularizers, .. Constraints, "seed"]
        },
        {
            "GRUCell", [.. Base, "units", "activation", "recurrent_activation", "use_bias", .. Initializers,
                .. Regularizers, .. Constraints, "reset_after", "seed"]
        },
        { "SimpleRNNCell", [.. Base, "units", "activation", "use_bias", .. Initializers, .. Regularizers, .. Constraints, "seed"] },
        { "RNN", [.. Base, .. Flags, "cell"] },
        { "Bidirectional", [.. Base, "merge_mode", "layer", "backward_layer"] },
        { "TimeDistributed", [.. Base, "layer"] },
    };

    private static Layer Make(string className) => className switch
    {
        "LSTM" => new LSTM(3),
        "GRU" => new GRU(3),
        "SimpleRNN" => new SimpleRNN(3),
        "LSTMCell" => new LSTMCell(3),
        "GRUCell" => new GRUCell(3),
        "SimpleRNNCell" => new SimpleRNNCell(3),
        "RNN" => new RNN(new GRUCell(3)),
        "Bidirectional" => new Bidirectional(new LSTM(3)),
        "TimeDistributed" => new TimeDistributed(new Dense(3)),
        _ => throw new ArgumentException(className),
    };

    [Theory]
    [MemberData(nameof(KerasKeys))]
    public void GetConfig_WritesKeras3sKeysInOrder(string className, string[] keys) =>
        Assert.Equal(keys, Make(className).GetConfig().Keys);

    public static TheoryData<string> RoundTripCases => new()
    {
        "lstm_all_options", "gru_reset_before", "simple_rnn", "rnn_cell", "bidirectional_custom_backward",
        "bidirectional_no_merge", "time_distributed", "cells",
    };

    private static IEnumerable<Layer> RoundTripLayers(string name) => name switch
    {
        "lstm_all_options" =>
        [
            new LSTM(4, activation: "relu", recurrentActivation: "hard_sigmoid", useBias: false,
                kernelInitializer: "he_normal", recurrentInitializer: "glorot_normal", biasInitializer: "ones",
                unitForgetBias: false, dropout: 0.25, recurrentDropout: 0.5, returnSequences: true, returnState: true,
                goBackwards: true, stateful: true, unroll: true, name: "encoder", trainable: false),
        ],
        "gru_reset_before" => [new GRU(2, resetAfter: false, returnSequences: true)],
        "simple_rnn" => [new SimpleRNN(5, activation: "linear", goBackwards: true)],
        "rnn_cell" => [new RNN(new LSTMCell(3, unitForgetBias: false), returnState: true, zeroOutputForMask: true)],
        "bidirectional_custom_backward" =>
        [
            new Bidirectional(new LSTM(2, returnSequences: true),
                backwardLayer: new LSTM(2, activation: "relu", returnSequences: true, goBackwards: true), mergeMode: "ave"),
        ],
        "bidirectional_no_merge" => [new Bidirectional(new GRU(2), mergeMode: null)],
        "time_distributed" => [new TimeDistributed(new Dense(3, activation: "relu"))],
        _ => [new LSTMCell(2, dropout: 0.1), new GRUCell(2, resetAfter: false), new SimpleRNNCell(2, useBias: false)],
    };

    [Theory]
    [MemberData(nameof(RoundTripCases))]
    public void Config_RoundTripsThroughTheRegistry(string caseName)
    {
        using var scope = torch.NewDisposeScope();
        foreach (var layer in RoundTripLayers(caseName))
        {
            if (layer is not RNNCell)
            {
                layer.Build(layer is TimeDistributed ? new Shape(null, 4, 6) : new Shape(3, 4, 6));
            }
            var json = KerasSerialization.SerializeLayer(layer);
            var copy = KerasSerialization.DeserializeLayer(json);
            Assert.Equal(json.ToJsonString(), KerasSerialization.SerializeLayer(copy).ToJsonString());
            Assert.Equal(layer.GetType(), copy.GetType());
            Assert.Equal(layer.Weights.Select(w => w.Shape), copy.Weights.Select(w => w.Shape));
            var legacy = KerasSerialization.SerializeLayer(layer, legacy: true);
            Assert.Equal(legacy.ToJsonString(),
                KerasSerialization.SerializeLayer(KerasSerialization.DeserializeLayer(legacy), legacy: true).ToJsonString());
        }
    }

    // Written by Keras 3 (model.to_json() of a Sequential: Embedding → LSTM → Dense), verbatim.
    private const string Keras3Lstm = """
        {"module": "keras.layers", "class_name": "LSTM", "config": {"name": "lstm_2", "trainable": true, "dtype": "float32", "return_sequences": false, "return_state": false, "go_backwards": false, "stateful": false, "unroll": false, "zero_output_for_mask": false, "units": 32, "activation": "relu", "recurrent_activation": "sigmoid", "use_bias": true, "kernel_initializer": {"module": "keras.initializers", "class_name": "GlorotUniform", "config": {"seed": null}, "registered_name": null}, "recurrent_initializer": {"module": "keras.initializers", "class_name": "OrthogonalInitializer", "config": {"gain": 1.0, "seed": null}, "registered_name": null}, "bias_initializer": {"module": "keras.initializers", "class_name": "Zeros", "config": {}, "registered_name": null}, "unit_forget_bias": true, "kernel_regularizer": null, "recurrent_regularizer": null, "bias_regularizer": null, "activity_regularizer": null, "kernel_constraint": null, "recurrent_constraint": null, "bias_constraint": null, "dropout": 0.0, "recurrent_dropout": 0.0, "seed": null}, "registered_name": null, "build_config": {"input_shape": [null, 50, 64]}}
        """;

    [Fact]
    public void ReadsTheLstmConfigKeras3Writes()
    {
        using var scope = torch.NewDisposeScope();
        var lstm = Assert.IsType<LSTM>(KerasSerialization.DeserializeLayer(JsonNode.Parse(Keras3Lstm)!));
        Assert.Equal("lstm_2", lstm.Name);
        Assert.Equal(32, lstm.Units);
        Assert.Equal("relu", lstm.Cell.Activation.Name);
        Assert.True(lstm.Built);
        Assert.Equal([new Shape(64, 128), new Shape(32, 128), new Shape(128)], lstm.Weights.Select(w => w.Shape));
        var written = KerasSerialization.SerializeLayer(lstm);
        var expected = JsonNode.Parse(Keras3Lstm)!.AsObject();
        // Keras.Net writes the dtype as Keras 3.2+'s DTypePolicy envelope; every other key is as Keras wrote it.
        expected["config"]!["dtype"] = written["config"]!["dtype"]!.DeepClone();
        Assert.Equal(Canonical(expected), Canonical(written));
        Assert.Equal(1.0, (double)written["config"]!["recurrent_initializer"]!["config"]!["gain"]!);
    }

    /// <summary>The JSON text with every number written as a double (Keras writes 1.0 where .NET writes 1).</summary>
    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.Select(kv => $"\"{kv.Key}\":{Canonical(kv.Value)}")) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        JsonValue v when v.TryGetValue(out double d) => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        null => "null",
        _ => node.ToJsonString(),
    };

    // tf.keras 2.x (legacy h5 model_config): time_major, implementation, "Orthogonal" and no envelopes' module.
    private const string Keras2Model = """
        {"class_name": "Sequential", "config": {"name": "sequential", "layers": [
          {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 7, 3], "dtype": "float32", "sparse": false, "ragged": false, "name": "input_1"}},
          {"class_name": "Bidirectional", "config": {"name": "bidirectional", "trainable": true, "dtype": "float32", "layer": {"class_name": "LSTM", "config": {"name": "lstm", "trainable": true, "dtype": "float32", "return_sequences": true, "return_state": false, "go_backwards": false, "stateful": false, "unroll": false, "time_major": false, "units": 4, "activation": "tanh", "recurrent_activation": "sigmoid", "use_bias": true, "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": null}}, "recurrent_initializer": {"class_name": "Orthogonal", "config": {"gain": 1.0, "seed": null}}, "bias_initializer": {"class_name": "Zeros", "config": {}}, "unit_forget_bias": true, "kernel_regularizer": null, "recurrent_regularizer": null, "bias_regularizer": null, "activity_regularizer": null, "kernel_constraint": null, "recurrent_constraint": null, "bias_constraint": null, "dropout": 0.0, "recurrent_dropout": 0.0, "implementation": 2}}, "merge_mode": "concat"}},
          {"class_name": "TimeDistributed", "config": {"name": "time_distributed", "trainable": true, "dtype": "float32", "layer": {"class_name": "Dense", "config": {"name": "dense", "trainable": true, "dtype": "float32", "units": 2, "activation": "linear", "use_bias": true, "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": null}}, "bias_initializer": {"class_name": "Zeros", "config": {}}, "kernel_regularizer": null, "bias_regularizer": null, "activity_regularizer": null, "kernel_constraint": null, "bias_constraint": null}}}},
          {"class_name": "GRU", "config": {"name": "gru", "trainable": true, "dtype": "float32", "return_sequences": true, "return_state": false, "go_backwards": true, "stateful": false, "unroll": false, "time_major": false, "units": 3, "activation": "tanh", "recurrent_activation": "sigmoid", "use_bias": true, "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": null}}, "recurrent_initializer": {"class_name": "Orthogonal", "config": {"gain": 1.0, "seed": null}}, "bias_initializer": {"class_name": "Zeros", "config": {}}, "kernel_regularizer": null, "recurrent_regularizer": null, "bias_regularizer": null, "activity_regularizer": null, "kernel_constraint": null, "recurrent_constraint": null, "bias_constraint": null, "dropout": 0.0, "recurrent_dropout": 0.0, "implementation": 1, "reset_after": false}},
          {"class_name": "SimpleRNN", "config": {"name": "simple_rnn", "trainable": true, "dtype": "float32", "return_sequences": false, "return_state": false, "go_backwards": false, "stateful": false, "unroll": false, "time_major": false, "units": 2, "activation": "tanh", "use_bias": true, "dropout": 0.0, "recurrent_dropout": 0.0}}
        ]}}
        """;

    [Fact]
    public void ReadsAKeras2ModelWithRecurrentLayers()
    {
        using var scope = torch.NewDisposeScope();
        var model = Models.ModelFromJson(Keras2Model);
        var bidi = Assert.IsType<Bidirectional>(model.Layers[0]);
        Assert.Equal("forward_lstm", bidi.ForwardLayer.Name);
        Assert.Equal("backward_lstm", bidi.BackwardLayer.Name);
        var gru = Assert.IsType<GRU>(model.Layers[2]);
        Assert.False(gru.ResetAfter);
        Assert.True(gru.GoBackwards);
        Assert.Equal(new Shape(9), gru.Cell.Bias!.Shape);
        Assert.IsType<TimeDistributed>(model.Layers[1]);
        using var y = model.Call(torch.randn(2, 7, 3));
        Assert.Equal([2L, 2], y.shape);
    }

    [Fact]
    public void Rejects_WhatKerasNetDoesNotImplement()
    {
        var timeMajor = JsonNode.Parse("""{"class_name": "LSTM", "config": {"units": 2, "time_major": true}}""")!;
        Assert.Contains("time_major", Assert.Throws<NotSupportedException>(() => KerasSerialization.DeserializeLayer(timeMajor)).Message);
        var stacked = JsonNode.Parse("""{"class_name": "RNN", "config": {"cell": [{"class_name": "LSTMCell", "config": {"units": 2}}]}}""")!;
        Assert.Contains("StackedRNNCells", Assert.Throws<NotSupportedException>(() => KerasSerialization.DeserializeLayer(stacked)).Message);
        var noMerge = JsonNode.Parse("""{"class_name": "Bidirectional", "config": {"merge_mode": null, "layer": {"class_name": "GRU", "config": {"units": 2}}}}""")!;
        Assert.Null(Assert.IsType<Bidirectional>(KerasSerialization.DeserializeLayer(noMerge)).MergeMode);
        var defaults = JsonNode.Parse("""{"class_name": "LSTM", "config": {"units": 2, "recurrent_activation": null}}""")!;
        var lstm = Assert.IsType<LSTM>(KerasSerialization.DeserializeLayer(defaults));
        Assert.Equal("tanh", lstm.Cell.Activation.Name);
        Assert.Equal("linear", lstm.Cell.RecurrentActivation.Name);
        var implementation = JsonNode.Parse("""{"class_name": "LSTM", "config": {"units": 2, "implementation": 1}}""")!;
        Assert.Equal(1, Assert.IsType<LSTM>(KerasSerialization.DeserializeLayer(implementation)).Cell.Implementation);
    }
}
