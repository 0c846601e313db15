using Keras.Layers;
using Keras.Tests.Support;

namespace Keras.Tests.Core.Layers.Recurrent;

/// <summary>Dropout (active only while training, masks drawn once per call) and training through recurrent layers;
/// seeded, so these run alone.</summary>
[Collection(SerialCollection.Name)]
public sealed class RecurrentTrainingTests
{
    [Fact]
    public void InputDropout_IsOffInInference_AndOneMaskServesEveryTimestep()
    {
        using var scope = torch.NewDisposeScope();
        Utils.SetRandomSeed(3);
        // output_t = (x_t · mask) @ I: the dropout mask itself, scaled by 1 / (1 - rate).
        var layer = new SimpleRNN(4, activation: "linear", useBias: false, dropout: 0.5, returnSequences: true);
        layer.Build([null, 6, 4]);
        layer.Cell.Kernel!.Assign(torch.eye(4));
        layer.Cell.RecurrentKernel!.Assign(torch.zeros(4, 4));
        var x = torch.ones(16, 6, 4);
        Assert.True(layer.Call(x).eq(x).all().item<bool>());
        var first = layer.Call(x, training: true);
        Assert.All(first.data<float>().ToArray(), v => Assert.True(v == 0f || v == 2f));
        for (int t = 1; t < 6; t++)
        {
            Assert.True(first.select(1, t).eq(first.select(1, 0)).all().item<bool>());
        }
        double kept = first.select(1, 0).count_nonzero().item<long>() / 64.0;
        Assert.InRange(kept, 0.3, 0.7);
        Assert.False(layer.Call(x, training: true).eq(first).all().item<bool>());
    }

    [Theory]
    [InlineData("lstm")]
    [InlineData("gru")]
    [InlineData("gru_before")]
    public void GatedDropout_IsOffInInference_AndChangesTrainingOutputs(string kind)
    {
        using var scope = torch.NewDisposeScope();
        Utils.SetRandomSeed(5);
        RNN Make(double dropout, double recurrentDropout) => kind switch
        {
            "lstm" => new LSTM(3, dropout: dropout, recurrentDropout: recurrentDropout, returnSequences: true),
            "gru" => new GRU(3, dropout: dropout, recurrentDropout: recurrentDropout, returnSequences: true),
            _ => new GRU(3, dropout: dropout, recurrentDropout: recurrentDropout, returnSequences: true,
                resetAfter: false),
        };
        var x = torch.randn(4, 5, 2);
        foreach (var (dropout, recurrent) in new[] { (0.4, 0.0), (0.0, 0.4), (0.4, 0.4) })
        {
            var plain = Make(0, 0);
            var dropped = Make(dropout, recurrent);
            plain.Build([null, 5, 2]);
            dropped.Build([null, 5, 2]);
            dropped.SetWeights(plain.GetWeights());
            Assert.True(dropped.Call(x, training: false).allclose(plain.Call(x), 1e-6, 1e-6));
            Assert.False(dropped.Call(x, training: true).allclose(plain.Call(x), 1e-3, 1e-3));
        }
    }

    [Fact]
    public void Dropout_IsReproducibleUnderTheGlobalSeed()
    {
        using var scope = torch.NewDisposeScope();
        Tensor Run()
        {
            Utils.SetRandomSeed(21);
            var layer = new GRU(3, dropout: 0.3, recurrentDropout: 0.3);
            return layer.Call(torch.ones(2, 4, 3), training: true);
        }
        Assert.True(Run().eq(Run()).all().item<bool>());
    }

    [Fact]
    public void StackedRecurrentModel_TrainsWithoutLeakingTensors()
    {
        Utils.SetRandomSeed(8);
        var model = new Sequential(new Input([6, 3]),
            new Bidirectional(new LSTM(4, returnSequences: true, dropout: 0.1, recurrentDropout: 0.1)),
            new TimeDistributed(new Dense(3)),
            new GRU(4),
            new Dense(1));
        model.Compile(optimizer: "adam", loss: "mse");
        var random = new Random(4);
        var x = new float[64, 6, 3];
        var y = new float[64, 1];
        for (int i = 0; i < 64; i++)
        {
            float sum = 0;
            for (int t = 0; t < 6; t++)
            {
                for (int f = 0; f < 3; f++)
                {
                    x[i, t, f] = (float)(random.NextDouble() * 2 - 1);
                    sum += x[i, t, f];
                }
            }
            y[i, 0] = sum / 6;
        }
        var counter = new TensorCountCallback();
        var history = model.Fit(x, y, epochs: 8, batchSize: 16, verbose: 0, callbacks: [counter]);
        var loss = history["loss"];
        Assert.True(loss[^1] < loss[0], $"The loss did not decrease: {string.Join(", ", loss)}");
        Assert.Equal(counter.Counts[2], counter.Counts[7]);
    }
}
