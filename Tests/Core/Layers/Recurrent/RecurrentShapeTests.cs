using Keras.Layers;

namespace Keras.Tests.Core.Layers.Recurrent;

/// <summary>Shape inference of the recurrent layers on random sizes and flags: <c>ComputeOutputShape(s)</c> equals what
/// the layers produce.</summary>
public sealed class RecurrentShapeTests
{
    private static RNN RandomRnn(Random random, int units, bool returnSequences, bool returnState = false,
        bool forBidirectional = false)
    {
        // Keras 3's Bidirectional copies the layer with go_backwards=True for the backward direction, so the wrapped
        // layer itself must run forwards.
        bool goBackwards = !forBidirectional && random.Next(2) == 0;
        return random.Next(4) switch
        {
            0 => new SimpleRNN(units, returnSequences: returnSequences, returnState: returnState, goBackwards: goBackwards),
            1 => new LSTM(units, returnSequences: returnSequences, returnState: returnState, goBackwards: goBackwards),
            2 => new GRU(units, returnSequences: returnSequences, returnState: returnState, goBackwards: goBackwards,
                resetAfter: random.Next(2) == 0),
            _ => new RNN(new LSTMCell(units), returnSequences: returnSequences, returnState: returnState,
                goBackwards: goBackwards),
        };
    }

    [Fact]
    public void RecurrentLayers_ShapeInferenceMatchesTheCall() => ShapeProperty.Check(random =>
    {
        var layer = RandomRnn(random, random.Next(1, 7), random.Next(2) == 0);
        return (layer, [random.Next(1, 4), random.Next(1, 6), random.Next(1, 5)]);
    });

    [Fact]
    public void Wrappers_ShapeInferenceMatchesTheCall() => ShapeProperty.Check(random =>
    {
        long[] shape = [random.Next(1, 4), random.Next(1, 6), random.Next(1, 5)];
        if (random.Next(2) == 0)
        {
            string mode = new[] { "concat", "sum", "mul", "ave" }[random.Next(4)];
            return (new Bidirectional(RandomRnn(random, random.Next(1, 5), random.Next(2) == 0, forBidirectional: true), mode),
                shape);
        }
        long[] deeper = random.Next(2) == 0 ? shape : [.. shape, random.Next(1, 4)];
        return (new TimeDistributed(new Dense(random.Next(1, 5))), deeper);
    });

    [Fact]
    public void ReturnState_ShapeInferenceMatchesTheListCall()
    {
        var random = new Random(99);
        for (int trial = 0; trial < 20; trial++)
        {
            using var scope = torch.NewDisposeScope();
            int units = random.Next(1, 5);
            Layer layer = random.Next(2) == 0
                ? RandomRnn(random, units, random.Next(2) == 0, returnState: true)
                : new Bidirectional(RandomRnn(random, units, random.Next(2) == 0, returnState: true, forBidirectional: true),
                    new[] { "concat", "sum", null }[random.Next(3)]);
            long[] shape = [random.Next(1, 4), random.Next(1, 5), random.Next(1, 4)];
            var symbolic = layer.ComputeOutputShapes([new Shape(shape.Select(d => (int?)(int)d).ToArray())]);
            var actual = layer.Call([torch.randn(shape)]).Select(t => new Shape(t.shape)).ToList();
            Assert.Equal(symbolic, actual);
        }
    }
}
