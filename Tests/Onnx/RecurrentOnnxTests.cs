using Keras.Layers;
using Keras.Tests.Onnx.Support;

namespace Keras.Tests.Onnx;

/// <summary>ONNX Runtime parity of SimpleRNN, LSTM, GRU, RNN over cells, Bidirectional and TimeDistributed, and the
/// recurrent layers that are rejected.</summary>
public class RecurrentOnnxTests : IOnnxCaseSource
{
    public static TheoryData<string> Names => OnnxCaseSource.Names<RecurrentOnnxTests>();

    public IEnumerable<OnnxCase> Cases()
    {
        yield return new("simple_rnn", () => Seq(new SimpleRNN(4)));
        yield return new("simple_rnn_relu_sequences",
            () => Seq(new SimpleRNN(4, activation: "relu", returnSequences: true)));
        yield return new("simple_rnn_no_bias_backwards",
            () => Seq(new SimpleRNN(3, useBias: false, goBackwards: true)));
        yield return new("lstm", () => Seq(new LSTM(5)));
        yield return new("lstm_sequences_backwards", () => Seq(new LSTM(4, returnSequences: true, goBackwards: true)));
        yield return new("lstm_relu_softsign_gates",
            () => Seq(new LSTM(4, activation: "relu", recurrentActivation: "softsign")));
        yield return new("lstm_return_state", () => States(new LSTM(4, returnSequences: true, returnState: true)));
        yield return new("lstm_initial_state", LstmWithInitialState);
        yield return new("gru_reset_after", () => Seq(new GRU(4)));
        yield return new("gru_reset_before", () => Seq(new GRU(4, resetAfter: false)));
        yield return new("gru_sequences_backwards_state",
            () => States(new GRU(3, returnSequences: true, goBackwards: true, returnState: true)));
        yield return new("rnn_lstm_cell", () => Seq(new RNN(new LSTMCell(4), returnSequences: true)));
        yield return new("rnn_gru_cell", () => Seq(new RNN(new GRUCell(3))));
        foreach (var mode in new[] { "concat", "sum", "mul", "ave" })
        {
            yield return new($"bidirectional_{mode}",
                () => Seq(new Bidirectional(new LSTM(3, returnSequences: true), mode)));
        }
        yield return new("bidirectional_gru_last", () => Seq(new Bidirectional(new GRU(3))));
        yield return new("bidirectional_none_state",
            () => States(new Bidirectional(new SimpleRNN(3, returnSequences: true, returnState: true),
                mergeMode: null)));
        yield return new("conv_lstm1d", () => new Sequential(new Input([4, 6, 2]), new ConvLSTM1D(3, [3])));
        yield return new("conv_lstm2d_same_sequences", () => new Sequential(new Input([3, 5, 5, 2]),
            new ConvLSTM2D(2, [3, 3], padding: "same", returnSequences: true)));
        yield return new("conv_lstm2d_strided_backwards_state", () =>
        {
            var x = new Input([3, 7, 6, 2]);
            return new Functional(x, new ConvLSTM2D(2, [3, 3], strides: [2, 2], padding: "same", goBackwards: true,
                returnState: true).CallMany([x]));
        });
        yield return new("conv_lstm2d_channels_first", () => new Sequential(new Input([3, 2, 5, 5]),
            new ConvLSTM2D(2, [2, 2], dataFormat: "channels_first", returnSequences: true)));
        yield return new("conv_lstm3d", () => new Sequential(new Input([2, 4, 4, 4, 1]), new ConvLSTM3D(2, [2, 2, 2])));
        yield return new("time_distributed_dense", () => Seq(new TimeDistributed(new Dense(3, activation: "relu"))));
        yield return new("unknown_timesteps_gru_time_distributed", () => new Sequential(new Input(new Shape(null, 3)),
            new GRU(3, returnSequences: true), new TimeDistributed(new Dense(2))));
        yield return new("lstm_then_time_distributed",
            () => Seq(new LSTM(4, returnSequences: true), new TimeDistributed(new Dense(2))));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Export_MatchesOnnxRuntime(string name) =>
        OnnxParity.AssertMatches(OnnxCaseSource.Get<RecurrentOnnxTests>(name));

    [Fact]
    public void StatefulLstm_IsRejectedByName()
    {
        using var model = new Sequential(new Input([5, 3], batchSize: 2), new LSTM(4, stateful: true, name: "memory"));
        var error = Assert.Throws<NotSupportedException>(() => model.ToOnnx());
        Assert.Contains("\"memory\"", error.Message);
        Assert.Contains("stateful", error.Message);
    }

    [Fact]
    public void ConvLstm2DWithUnknownTimesteps_IsRejectedByName()
    {
        using var model = new Sequential(new Input(new Shape(null, 6, 6, 2)),
            new ConvLSTM2D(2, [3, 3], name: "conv_memory"));
        var error = Assert.Throws<NotSupportedException>(() => model.ToOnnx());
        Assert.Contains("\"conv_memory\"", error.Message);
    }

    [Fact]
    public void UnsupportedCellActivation_IsRejectedByName()
    {
        using var model = Seq(new SimpleRNN(3, activation: "gelu", name: "odd"));
        var error = Assert.Throws<NotSupportedException>(() => model.ToOnnx());
        Assert.Contains("\"odd\"", error.Message);
        Assert.Contains("gelu", error.Message);
    }

    private static Sequential Seq(params Layer[] layers) => new(new Input([5, 3]), layers);

    // A functional model returning every output of a layer (sequence and states).
    private static Functional States(Layer layer)
    {
        var input = new Input([5, 3]);
        return new Functional(input, layer.CallMany([input]));
    }

    private static Functional LstmWithInitialState()
    {
        var x = new Input([5, 3], name: "x");
        var h = new Input([4], name: "h");
        var c = new Input([4], name: "c");
        var y = new LSTM(4, returnSequences: true).Call([x, h, c]);
        return new Functional([x, h, c], y);
    }
}
