using System.Text.Json.Nodes;
using Keras.Layers;
using Keras.Saving;

namespace Keras.Tests.Core.Layers.Recurrent;

/// <summary>ConvLSTM1D/2D/3D: defaults, Keras kernel layouts, configs, shapes and errors (numerics are in the golden
/// tests).</summary>
public sealed class ConvLstmTests
{
    [Fact]
    public void ConvLstm2D_Defaults_AndKerasWeightLayout()
    {
        using var scope = torch.NewDisposeScope();
        var layer = new ConvLSTM2D(4, kernelSize: [3]);
        Assert.Equal([3, 3], layer.KernelSize);
        Assert.Equal([1, 1], layer.Strides);
        Assert.Equal([1, 1], layer.DilationRate);
        Assert.Equal("valid", layer.Padding);
        Assert.Equal("channels_last", layer.DataFormat);
        Assert.Equal("tanh", layer.Cell.Activation.Name);
        Assert.Equal("sigmoid", layer.RecurrentActivation.Name);
        Assert.True(layer.UnitForgetBias);
        Assert.False(layer.ReturnSequences);
        layer.Build([null, 5, 8, 7, 2]);
        Assert.Equal(["kernel", "recurrent_kernel", "bias"], layer.Weights.Select(w => w.Name));
        Assert.Equal([new Shape(3, 3, 2, 16), new Shape(3, 3, 4, 16), new Shape(16)],
            layer.Weights.Select(w => w.Shape));
        Assert.Equal([0f, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0], layer.Cell.Bias!.ToArray());
        Assert.Equal(new Shape(null, 6, 5, 4), layer.ComputeOutputShape([null, 5, 8, 7, 2]));
        var error = Assert.Throws<ArgumentException>(() => layer.Call(torch.randn([1, 5, 8, 6, 2])));
        Assert.Contains("expected axis 3 of input shape to have value 7", error.Message);
    }

    [Fact]
    public void ConvLstm_ConfigHasKeras3sKeys_AndRoundTrips()
    {
        using var scope = torch.NewDisposeScope();
        var layer = new ConvLSTM3D(2, kernelSize: [2, 3, 1], strides: [1, 2, 1], padding: "SAME",
            dataFormat: "channels_first", recurrentActivation: "hard_sigmoid", unitForgetBias: false, dropout: 0.2,
            returnSequences: true, goBackwards: true, name: "video");
        Assert.Equal(
            ["name", "trainable", "dtype", "return_sequences", "return_state", "go_backwards", "stateful", "unroll",
             "zero_output_for_mask", "filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate",
             "activation", "recurrent_activation", "use_bias", "kernel_initializer", "recurrent_initializer",
             "bias_initializer", "unit_forget_bias", "kernel_regularizer", "recurrent_regularizer", "bias_regularizer",
             "activity_regularizer", "kernel_constraint", "recurrent_constraint", "bias_constraint", "dropout",
             "recurrent_dropout", "seed"],
            layer.GetConfig().Keys);
        layer.Build([null, 3, 1, 4, 6, 5]);
        var json = KerasSerialization.SerializeLayer(layer);
        Assert.Equal("same", (string?)json["config"]!["padding"]);
        Assert.Equal("[2,3,1]", json["config"]!["kernel_size"]!.ToJsonString());
        var copy = Assert.IsType<ConvLSTM3D>(KerasSerialization.DeserializeLayer(json));
        Assert.Equal(json.ToJsonString(), KerasSerialization.SerializeLayer(copy).ToJsonString());
        Assert.Equal([new Shape(2, 3, 1, 1, 8), new Shape(2, 3, 1, 2, 8), new Shape(8)],
            copy.Weights.Select(w => w.Shape));
    }

    [Fact]
    public void ConvLstm_ReadsKeras2StyleIntegerSizes()
    {
        var config = JsonNode.Parse("""
            {"class_name": "ConvLSTM1D", "config": {"name": "conv_lstm1d", "filters": 3, "kernel_size": 2, "strides": 1,
             "padding": "valid", "data_format": "channels_last", "dilation_rate": 1, "time_major": false}}
            """)!;
        var layer = Assert.IsType<ConvLSTM1D>(KerasSerialization.DeserializeLayer(config));
        Assert.Equal([2], layer.KernelSize);
        Assert.Equal(new Shape(null, 9, 3), layer.ComputeOutputShape([null, 4, 10, 1]));
    }

    [Fact]
    public void ConvLstm_ArgumentErrors_AreKeras()
    {
        Assert.Equal("filters", Assert.Throws<ArgumentException>(() => new ConvLSTM2D(0, [3])).ParamName);
        var tuple = Assert.Throws<ArgumentException>(() => new ConvLSTM2D(2, [3, 3, 3]));
        Assert.StartsWith("The `kernel_size` argument must be a tuple of 2 integers. Received kernel_size=(3, 3, 3)",
            tuple.Message);
        Assert.Contains("that do not satisfy `value > 0`",
            Assert.Throws<ArgumentException>(() => new ConvLSTM1D(2, [0])).Message);
        Assert.Contains("Received: padding=causal",
            Assert.Throws<ArgumentException>(() => new ConvLSTM1D(2, [2], padding: "causal")).Message);
        Assert.Contains("Received: data_format=channels_middle",
            Assert.Throws<ArgumentException>(() => new ConvLSTM1D(2, [2], dataFormat: "channels_middle")).Message);
        Assert.StartsWith("Specifying `strides > 1` is not compatible with `dilation_rate > 1`.",
            Assert.Throws<ArgumentException>(() => new ConvLSTM2D(2, [2], strides: [2], dilationRate: [2])).Message);
        var negative = Assert.Throws<ArgumentException>(() => new ConvLSTM1D(2, [4]).Call(torch.randn(1, 2, 3, 1)));
        Assert.Contains("Computed output size would be negative", negative.Message);
        var rank = Assert.Throws<ArgumentException>(() => new ConvLSTM2D(2, [2], name: "conv").Call(torch.randn(1, 2, 3, 1)));
        Assert.Contains("expected ndim=5, found ndim=4", rank.Message);
    }

    [Fact]
    public void ConvLstm_ShapeInferenceMatchesTheCall() => ShapeProperty.Check(random =>
    {
        int rank = random.Next(1, 4);
        bool channelsFirst = random.Next(2) == 0;
        bool same = random.Next(2) == 0;
        int[] kernel = [.. Enumerable.Range(0, rank).Select(_ => random.Next(1, 4))];
        int[] strides = [.. Enumerable.Range(0, rank).Select(_ => random.Next(1, 3))];
        long[] spatial = [.. Enumerable.Range(0, rank).Select(i => (long)random.Next(kernel[i], kernel[i] + 3))];
        int channels = random.Next(1, 3);
        int filters = random.Next(1, 4);
        bool sequences = random.Next(2) == 0;
        ConvLSTM layer = rank switch
        {
            1 => new ConvLSTM1D(filters, kernel, strides, same ? "same" : "valid",
                channelsFirst ? "channels_first" : null, returnSequences: sequences),
            2 => new ConvLSTM2D(filters, kernel, strides, same ? "same" : "valid",
                channelsFirst ? "channels_first" : null, returnSequences: sequences),
            _ => new ConvLSTM3D(filters, kernel, strides, same ? "same" : "valid",
                channelsFirst ? "channels_first" : null, returnSequences: sequences),
        };
        long[] step = channelsFirst ? [channels, .. spatial] : [.. spatial, channels];
        return (layer, [random.Next(1, 3), random.Next(1, 4), .. step]);
    }, trials: 20);
}
