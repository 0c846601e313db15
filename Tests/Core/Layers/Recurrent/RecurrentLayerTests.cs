using Keras.Initializers;
using Keras.Layers;
using Keras.Saving;

namespace Keras.Tests.Core.Layers.Recurrent;

/// <summary>SimpleRNN, LSTM, GRU and their cells: defaults, Keras weight layouts, initial values, masks, states,
/// dropout and errors. Numerics against independent implementations are in <see cref="RecurrentGoldenTests"/>.</summary>
public sealed class RecurrentLayerTests
{
    [Fact]
    public void Lstm_Ctor_Defaults_AreKeras()
    {
        var lstm = new LSTM(5, name: "lstm");
        var cell = lstm.Cell;
        Assert.Equal(5, lstm.Units);
        Assert.Equal("lstm_cell", cell.Name);
        Assert.Equal("tanh", cell.Activation.Name);
        Assert.Equal("sigmoid", cell.RecurrentActivation.Name);
        Assert.True(cell.UseBias);
        Assert.True(cell.UnitForgetBias);
        Assert.IsType<GlorotUniform>(cell.KernelInitializer);
        Assert.Equal("OrthogonalInitializer",
            (string?)KerasSerialization.SerializeInitializer(cell.RecurrentInitializer)["class_name"]);
        Assert.IsType<Zeros>(cell.BiasInitializer);
        Assert.Null(cell.KernelRegularizer);
        Assert.Null(cell.RecurrentRegularizer);
        Assert.Null(cell.BiasRegularizer);
        Assert.Null(lstm.ActivityRegularizer);
        Assert.Null(cell.KernelConstraint);
        Assert.Null(cell.RecurrentConstraint);
        Assert.Null(cell.BiasConstraint);
        Assert.Equal(0.0, cell.Dropout);
        Assert.Equal(0.0, cell.RecurrentDropout);
        Assert.False(lstm.ReturnSequences);
        Assert.False(lstm.ReturnState);
        Assert.False(lstm.GoBackwards);
        Assert.False(lstm.Stateful);
        Assert.False(lstm.Unroll);
        Assert.False(lstm.ZeroOutputForMask);
        Assert.True(lstm.SupportsMasking);
    }

    [Fact]
    public void GruAndSimpleRnn_Ctor_Defaults_AreKeras()
    {
        var gru = new GRU(2);
        Assert.True(gru.ResetAfter);
        Assert.Equal("sigmoid", gru.Cell.RecurrentActivation.Name);
        Assert.Equal("tanh", gru.Cell.Activation.Name);
        Assert.Equal("gru_cell", gru.Cell.Name);
        var simple = new SimpleRNN(2);
        Assert.Equal("tanh", simple.Cell.Activation.Name);
        Assert.Equal("simple_rnn_cell", simple.Cell.Name);
        Assert.Equal(1.0, new SimpleRNNCell(2, dropout: 3.0).Dropout);
        Assert.Equal(0.0, new GRUCell(2, recurrentDropout: -1.0).RecurrentDropout);
    }

    [Fact]
    public void Lstm_Weights_HaveKerasNamesShapesOrderAndInitialValues()
    {
        using var scope = torch.NewDisposeScope();
        var lstm = new LSTM(3);
        lstm.Build([null, 5, 4]);
        Assert.Equal(["kernel", "recurrent_kernel", "bias"], lstm.Weights.Select(w => w.Name));
        Assert.Equal([new Shape(4, 12), new Shape(3, 12), new Shape(12)], lstm.Weights.Select(w => w.Shape));
        // unit_forget_bias: zeros for i, ones for f, zeros for c and o.
        Assert.Equal([0f, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0], lstm.Cell.Bias!.ToArray());
        // Orthogonal recurrent kernel (3, 12): orthonormal rows.
        var r = lstm.Cell.RecurrentKernel!.Value;
        Assert.True(r.matmul(r.t()).allclose(torch.eye(3), 1e-5, 1e-5));
        Assert.Equal(3L * 12 + 4 * 12 + 12, lstm.CountParams());
    }

    [Fact]
    public void GruAndSimpleRnn_Weights_HaveKerasShapes()
    {
        using var scope = torch.NewDisposeScope();
        var after = new GRU(3);
        after.Build([null, 5, 4]);
        Assert.Equal([new Shape(4, 9), new Shape(3, 9), new Shape(2, 9)], after.Weights.Select(w => w.Shape));
        var before = new GRU(3, resetAfter: false);
        before.Build([null, 5, 4]);
        Assert.Equal([new Shape(4, 9), new Shape(3, 9), new Shape(9)], before.Weights.Select(w => w.Shape));
        var noBias = new GRU(3, useBias: false);
        noBias.Build([null, 5, 4]);
        Assert.Equal(["kernel", "recurrent_kernel"], noBias.Weights.Select(w => w.Name));
        var simple = new SimpleRNN(3);
        simple.Build([null, 5, 4]);
        Assert.Equal([new Shape(4, 3), new Shape(3, 3), new Shape(3)], simple.Weights.Select(w => w.Shape));
        var r = simple.Cell.RecurrentKernel!.Value;
        Assert.True(r.t().matmul(r).allclose(torch.eye(3), 1e-5, 1e-5));
    }

    [Fact]
    public void Cell_CalledOnInputAndStates_MatchesOneStepOfTheLayer()
    {
        using var scope = torch.NewDisposeScope();
        var lstm = new LSTM(3, returnState: true);
        var x = torch.randn(2, 1, 4);
        var h = torch.randn(2, 3);
        var c = torch.randn(2, 3);
        var layerOut = lstm.Call([x, h, c]);
        var cellOut = lstm.Cell.Call([x.squeeze(1), h, c]);
        Assert.Equal(3, cellOut.Count);
        for (int i = 0; i < 3; i++)
        {
            Assert.True(cellOut[i].allclose(layerOut[i], 1e-6, 1e-6));
        }
        Assert.Equal([new Shape(null, 3), new Shape(null, 3), new Shape(null, 3)],
            lstm.Cell.ComputeOutputShapes([new Shape(null, 4), new Shape(null, 3), new Shape(null, 3)]));
    }

    [Fact]
    public void ReturnSequencesAndState_ListPath_ReturnsOutputAndFinalStates()
    {
        using var scope = torch.NewDisposeScope();
        var gru = new GRU(4, returnSequences: true, returnState: true);
        var x = torch.randn(3, 5, 2);
        var outputs = gru.Call([x]);
        Assert.Equal(2, outputs.Count);
        Assert.Equal([3L, 5, 4], outputs[0].shape);
        Assert.True(outputs[0].select(1, 4).eq(outputs[1]).all().item<bool>());
        Assert.Equal([new Shape(null, 5, 4), new Shape(null, 4)], gru.ComputeOutputShapes([new Shape(null, 5, 2)]));
    }

    [Fact]
    public void GoBackwards_EqualsForwardOnTheReversedSequence_WithReversedOutputs()
    {
        using var scope = torch.NewDisposeScope();
        var forward = new SimpleRNN(3, returnSequences: true);
        var backward = new SimpleRNN(3, returnSequences: true, goBackwards: true);
        var x = torch.randn(2, 4, 3);
        forward.Build([null, 4, 3]);
        backward.Build([null, 4, 3]);
        backward.SetWeights(forward.GetWeights());
        Assert.True(backward.Call(x).allclose(forward.Call(x.flip(1)), 1e-6, 1e-6));
    }

    [Fact]
    public void TrailingMaskedSteps_GiveTheLastOutputOfTheUnmaskedPrefix_AndKeepTheMask()
    {
        using var scope = torch.NewDisposeScope();
        var lstm = new LSTM(3);
        var sequences = new LSTM(3, returnSequences: true);
        var x = torch.randn(2, 5, 2);
        var mask = torch.tensor(new[] { true, true, true, false, false, true, true, true, true, true }).reshape(2, 5);
        lstm.Build([null, 5, 2]);
        sequences.Build([null, 5, 2]);
        sequences.SetWeights(lstm.GetWeights());
        var last = lstm.Call(x, mask: mask);
        Assert.Null(KerasMask.Get(last));
        var prefix = lstm.Call(x.narrow(0, 0, 1).narrow(1, 0, 3));
        Assert.True(last.narrow(0, 0, 1).allclose(prefix, 1e-6, 1e-6));
        // The mask attached to the input is found without passing it; returned sequences carry it.
        KerasMask.Set(x, mask);
        var all = sequences.Call(x);
        Assert.True(KerasMask.Get(all)!.eq(mask).all().item<bool>());
        Assert.True(all.select(1, 4).allclose(last, 1e-6, 1e-6));
    }

    [Fact]
    public void FullyMaskedSample_OutputsZeros_AndKeepsItsInitialState()
    {
        using var scope = torch.NewDisposeScope();
        var gru = new GRU(2, returnState: true);
        var x = torch.randn(2, 3, 4);
        var h0 = torch.randn(2, 2);
        var mask = torch.tensor(new[] { false, false, false, true, true, true }).reshape(2, 3);
        var outputs = gru.Call([x, h0], masks: [mask, null]);
        Assert.Equal([0f, 0f], outputs[0][0].data<float>().ToArray());
        Assert.True(outputs[1][0].eq(h0[0]).all().item<bool>());
        Assert.False(outputs[1][1].eq(h0[1]).all().item<bool>());
    }

    [Fact]
    public void Stateful_CarriesStatesBetweenCalls_UntilReset()
    {
        using var scope = torch.NewDisposeScope();
        var stateful = new LSTM(3, stateful: true);
        var plain = new LSTM(3);
        var x = torch.randn(2, 6, 4);
        stateful.Build([2, 6, 4]);
        plain.Build([2, 6, 4]);
        plain.SetWeights(stateful.GetWeights());
        Assert.Null(stateful.States);
        var first = stateful.Call(x.narrow(1, 0, 3));
        var second = stateful.Call(x.narrow(1, 3, 3));
        Assert.True(second.allclose(plain.Call(x), 1e-5, 1e-5));
        Assert.Equal(2, stateful.States!.Count);
        Assert.Equal([2L, 3], stateful.States[1].shape);
        stateful.ResetStates();
        Assert.True(stateful.Call(x.narrow(1, 0, 3)).allclose(first, 1e-6, 1e-6));
        var error = Assert.Throws<ArgumentException>(() => stateful.Call(torch.randn(3, 2, 4)));
        Assert.Contains("stateful", error.Message);
        Assert.Contains("batch", error.Message);
    }

    [Fact]
    public void InitialStates_ChangeTheResult_AndAreChecked()
    {
        using var scope = torch.NewDisposeScope();
        var lstm = new LSTM(2, name: "lstm_states");
        var x = torch.randn(2, 3, 4);
        var zero = lstm.Call(x);
        var fromZeros = lstm.Call([x, torch.zeros(2, 2), torch.zeros(2, 2)])[0];
        Assert.True(zero.allclose(fromZeros, 1e-6, 1e-6));
        Assert.False(zero.allclose(lstm.Call([x, torch.ones(2, 2), torch.ones(2, 2)])[0], 1e-3, 1e-3));
        var count = Assert.Throws<ArgumentException>(() => lstm.Call([x, torch.zeros(2, 2)]));
        Assert.Contains("expects 2 initial state(s)", count.Message);
        var shape = Assert.Throws<ArgumentException>(() => lstm.Call([x, torch.zeros(2, 3), torch.zeros(2, 2)]));
        Assert.Contains("Initial state 0 of layer \"lstm_states\" should have shape (2, 2)", shape.Message);
    }

    [Fact]
    public void Errors_NameTheLayerAndArgument_AsKeras()
    {
        using var scope = torch.NewDisposeScope();
        var rank = Assert.Throws<ArgumentException>(() => new LSTM(3, name: "lstm").Call(torch.randn(2, 5)));
        Assert.Equal("Input 0 of layer \"lstm\" is incompatible with the layer: expected ndim=3, found ndim=2. " +
                     "Full shape received: (2, 5)", rank.Message);
        var units = Assert.Throws<ArgumentException>(() => new GRU(0));
        Assert.Equal("units", units.ParamName);
        Assert.Contains("expected a positive integer, got 0", units.Message);
        var state = Assert.Throws<ArgumentException>(() => new GRU(2, returnState: true).Call(torch.randn(1, 2, 3)));
        Assert.Contains("list", state.Message);
        var features = new SimpleRNN(2, name: "simple_rnn");
        features.Call(torch.randn(1, 2, 3));
        var changed = Assert.Throws<ArgumentException>(() => features.Call(torch.randn(1, 2, 4)));
        Assert.Contains("expected axis -1 of input shape to have value 3", changed.Message);
        var cell = Assert.Throws<ArgumentException>(() => new LSTMCell(2).Call(torch.randn(1, 3)));
        Assert.Contains("[inputs, *states]", cell.Message);
        var unroll = Assert.Throws<ArgumentException>(() => new LSTM(2, unroll: true).Call(new Input(new Shape(null, 3))));
        Assert.Contains("Cannot unroll a RNN if the time dimension is undefined", unroll.Message);
    }

    [Fact]
    public void Regularizers_AddPenaltiesOfTheCellWeights()
    {
        using var scope = torch.NewDisposeScope();
        var lstm = new LSTM(2, kernelRegularizer: new SumOfSquares(), recurrentRegularizer: new SumOfSquares(),
            activityRegularizer: new SumOfSquares());
        var y = lstm.Call(torch.randn(2, 3, 4));
        Assert.Equal(3, lstm.Losses.Count);
        var expected = lstm.Cell.Kernel!.Value.square().sum() + lstm.Cell.RecurrentKernel!.Value.square().sum() +
                       y.square().sum();
        Assert.True(lstm.Losses.Aggregate((a, b) => a + b).allclose(expected, 1e-5, 1e-5));
    }

    private sealed class SumOfSquares : Keras.Regularizers.Regularizer
    {
        public override Tensor Call(Tensor x) => x.square().sum();

        public override Dictionary<string, object?> GetConfig() => [];
    }
}
