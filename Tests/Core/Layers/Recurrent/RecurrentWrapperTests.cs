using Keras.Layers;

namespace Keras.Tests.Core.Layers.Recurrent;

/// <summary>Bidirectional and TimeDistributed: Keras' copies, weight order, merge modes, masks, states and errors.</summary>
public sealed class RecurrentWrapperTests
{
    [Fact]
    public void Bidirectional_CopiesTheLayer_ForwardThenBackwardWeights()
    {
        using var scope = torch.NewDisposeScope();
        var lstm = new LSTM(3, returnSequences: true, name: "encoder");
        var bidi = new Bidirectional(lstm);
        Assert.Equal("concat", bidi.MergeMode);
        Assert.NotSame(lstm, bidi.ForwardLayer);
        Assert.Equal("forward_encoder", bidi.ForwardLayer.Name);
        Assert.Equal("backward_encoder", bidi.BackwardLayer.Name);
        Assert.False(bidi.ForwardLayer.GoBackwards);
        Assert.True(bidi.BackwardLayer.GoBackwards);
        // Keras forces zero outputs at masked steps when sequences are returned.
        Assert.True(bidi.ForwardLayer.ZeroOutputForMask);
        Assert.True(bidi.BackwardLayer.ZeroOutputForMask);
        bidi.Build([null, 4, 2]);
        Assert.Equal(6, bidi.Weights.Count);
        Assert.Same(bidi.ForwardLayer.Cell.Kernel, bidi.Weights[0]);
        Assert.Same(bidi.BackwardLayer.Cell.Kernel, bidi.Weights[3]);
        Assert.False(lstm.Built);
    }

    [Fact]
    public void Bidirectional_ConcatenatesForwardAndFlippedBackwardSequences()
    {
        using var scope = torch.NewDisposeScope();
        var bidi = new Bidirectional(new GRU(2, returnSequences: true), mergeMode: null);
        var x = torch.randn(3, 4, 5);
        var outputs = bidi.Call([x]);
        Assert.Equal(2, outputs.Count);
        var forward = bidi.ForwardLayer.Call(x);
        var backward = bidi.BackwardLayer.Call(x);
        Assert.True(outputs[0].allclose(forward, 1e-6, 1e-6));
        Assert.True(outputs[1].allclose(backward.flip(1), 1e-6, 1e-6));
        var concat = new Bidirectional(new GRU(2, returnSequences: true));
        concat.Build([null, 4, 5]);
        concat.SetWeights(bidi.GetWeights());
        Assert.True(concat.Call(x).allclose(torch.cat([outputs[0], outputs[1]], -1), 1e-6, 1e-6));
        Assert.Equal([new Shape(null, 4, 4)], concat.ComputeOutputShapes([new Shape(null, 4, 5)]));
        Assert.Equal([new Shape(null, 4, 2), new Shape(null, 4, 2)], bidi.ComputeOutputShapes([new Shape(null, 4, 5)]));
    }

    [Fact]
    public void Bidirectional_ReturnState_OutputsForwardThenBackwardStates_AndPassesMasksOn()
    {
        using var scope = torch.NewDisposeScope();
        var bidi = new Bidirectional(new LSTM(2, returnSequences: true, returnState: true), mergeMode: "sum");
        var x = torch.randn(2, 3, 4);
        var mask = torch.tensor(new[] { true, true, false, true, false, true }).reshape(2, 3);
        var outputs = bidi.Call([x], masks: [mask]);
        Assert.Equal(5, outputs.Count);
        Assert.True(KerasMask.Get(outputs[0])!.eq(mask).all().item<bool>());
        Assert.All(outputs.Skip(1), o => Assert.Null(KerasMask.Get(o)));
        Assert.Equal(
            [new Shape(null, 3, 2), new Shape(null, 2), new Shape(null, 2), new Shape(null, 2), new Shape(null, 2)],
            bidi.ComputeOutputShapes([new Shape(null, 3, 4)]));
        Assert.Contains("list", Assert.Throws<ArgumentException>(() => bidi.Call(x)).Message);
    }

    [Fact]
    public void Bidirectional_Errors_AreKeras()
    {
        var mode = Assert.Throws<ArgumentException>(() => new Bidirectional(new LSTM(2), mergeMode: "max"));
        Assert.StartsWith("Invalid merge mode. Received: max.", mode.Message);
        var direction = Assert.Throws<ArgumentException>(() => new Bidirectional(new LSTM(2),
            backwardLayer: new LSTM(2)));
        Assert.Contains("should have different `go_backwards` value", direction.Message);
        var sequences = Assert.Throws<ArgumentException>(() => new Bidirectional(new LSTM(2),
            backwardLayer: new LSTM(2, goBackwards: true, returnSequences: true)));
        Assert.Contains("same value for attribute \"return_sequences\"", sequences.Message);
        Assert.Throws<InvalidOperationException>(() => new Bidirectional(new LSTM(2)).ResetStates());
    }

    [Fact]
    public void TimeDistributed_AppliesTheLayerToEveryTimestep_AndKeepsTheMask()
    {
        using var scope = torch.NewDisposeScope();
        var dense = new Dense(3);
        var layer = new TimeDistributed(dense);
        var x = torch.randn(2, 4, 5);
        var mask = torch.tensor(new[] { true, true, false, false, true, true, true, true }).reshape(2, 4);
        var y = layer.Call(x, mask: mask);
        Assert.Equal([2L, 4, 3], y.shape);
        for (int t = 0; t < 4; t++)
        {
            Assert.True(y.select(1, t).allclose(dense.Call(x.select(1, t)), 1e-6, 1e-6));
        }
        Assert.True(KerasMask.Get(y)!.eq(mask).all().item<bool>());
        Assert.Same(dense.Kernel, layer.Weights[0]);
        Assert.Equal(new Shape(null, 4, 3), layer.ComputeOutputShape([null, 4, 5]));
        Assert.Equal(new Shape(7, null, 2, 3), new TimeDistributed(new Dense(3)).ComputeOutputShape([7, null, 2, 5]));
        var rank = Assert.Throws<ArgumentException>(() => new TimeDistributed(new Dense(2)).Call(torch.randn(2, 3)));
        Assert.Contains("at least 3 dimensions", rank.Message);
        var badMask = Assert.Throws<ArgumentException>(() => layer.Call(x, mask: torch.ones(4, 2).to_type(torch.ScalarType.Bool)));
        Assert.Contains("should be passed a `mask` of shape (2, 4, ...)", badMask.Message);
    }

    [Fact]
    public void FunctionalModel_ReturnsStatesOfAnLstm()
    {
        using var scope = torch.NewDisposeScope();
        var inputs = new Input([5, 3]);
        var lstm = new LSTM(4, returnSequences: true, returnState: true);
        var outputs = lstm.CallMany([inputs]);
        Assert.Equal([new Shape(null, 5, 4), new Shape(null, 4), new Shape(null, 4)], outputs.Select(o => o.Shape));
        var model = new Functional(inputs, outputs.ToList());
        var x = torch.randn(2, 5, 3);
        var predicted = model.Call([x]);
        Assert.Equal(3, predicted.Count);
        Assert.True(predicted[0].select(1, 4).allclose(predicted[1], 1e-6, 1e-6));
    }
}
