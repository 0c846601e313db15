using Keras.Layers;
using Keras.Saving;
using Keras.Saving.KerasV3;

namespace Keras.Tests.Saving.KerasV3;

/// <summary><c>.keras</c> and <c>.weights.h5</c> round trips: the reloaded model predicts bit-identically.</summary>
public sealed class KerasArchiveRoundTripTests
{
    [Fact]
    public void Sequential_RoundTrip_PredictsIdentically()
    {
        using var files = new KerasV3Files();
        using var model = new Sequential(new Input([6]), new Dense(5, activation: "relu"), new Dropout(0.3),
            new Dense(3, activation: "softmax"));
        AssertRoundTrip(files, model, [4, 6]);
    }

    [Fact]
    public void Functional_MultiInputOutput_WithSharedLayer_PredictsIdentically()
    {
        using var files = new KerasV3Files();
        var a = new Input([5], name: "a");
        var b = new Input([5], name: "b");
        var shared = new Dense(4, activation: "tanh", name: "shared");
        var sum = new Add(name: "sum").Call([shared.Call(a), shared.Call(b)]);
        var first = new Dense(2, name: "first").Call(sum);
        var second = new Dense(3, name: "second").Call(new Concatenate(name: "cat").Call([sum, a]));
        using var model = new Functional([a, b], [first, second], name: "two_heads");
        KerasV3Files.Randomize(model);
        using var xa = KerasV3Files.Inputs([4, 5], seed: 1);
        using var xb = KerasV3Files.Inputs([4, 5], seed: 2);
        var expected = model.PredictMany([xa, xb], verbose: 0);
        using var loaded = files.RoundTrip(model);
        var actual = loaded.PredictMany([xa, xb], verbose: 0);
        Assert.Equal(2, actual.Count);
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(KerasV3Files.Values(expected[i]), KerasV3Files.Values(actual[i]));
        }
        Assert.Equal(model.Weights.Count, loaded.Weights.Count);
    }

    [Fact]
    public void NestedModels_RoundTrip_PredictsIdentically()
    {
        using var files = new KerasV3Files();
        var inner = new Sequential(new Input([4]), new Dense(3, activation: "relu"), new BatchNormalization());
        var x = new Input([6]);
        var h = new Dense(4).Call(x);
        h = inner.Call(h);
        using var model = new Functional(x, new Dense(2).Call(h));
        AssertRoundTrip(files, model, [5, 6]);
    }

    [Fact]
    public void RecurrentCompositeLayers_RoundTrip_PredictsIdentically()
    {
        using var files = new KerasV3Files();
        var x = new Input([5, 3]);
        var h = new LSTM(4, returnSequences: true).Call(x);
        h = new Bidirectional(new GRU(3, returnSequences: true)).Call(h);
        h = new TimeDistributed(new Dense(2)).Call(h);
        using var model = new Functional(x, h);
        AssertRoundTrip(files, model, [2, 5, 3]);
    }

    [Fact]
    public void AttentionAndNormalization_RoundTrip_PredictsIdentically()
    {
        using var files = new KerasV3Files();
        var x = new Input([4, 6]);
        var h = new MultiHeadAttention(2, 3).CallMany([x, x])[0];
        h = new BatchNormalization().Call(h);
        using var model = new Functional(x, h);
        AssertRoundTrip(files, model, [3, 4, 6]);
    }

    [Fact]
    public void ConvLstm2D_RoundTrip_PredictsIdentically()
    {
        using var files = new KerasV3Files();
        using var model = new Sequential(new Input([2, 5, 5, 1]), new ConvLSTM2D(2, [3, 3]), new Flatten(),
            new Dense(2));
        AssertRoundTrip(files, model, [2, 2, 5, 5, 1]);
    }

    [Fact]
    public void WeightsFile_RoundTrip_RestoresEveryWeight()
    {
        using var files = new KerasV3Files();
        using var model = Composite(out _);
        using var twin = Composite(out _);
        KerasV3Files.Randomize(model);
        string path = files.PathOf("w.weights.h5");
        model.SaveWeights(path);
        var warnings = KerasV3Files.LoadWeights(twin, path, skipMismatch: false);
        Assert.Empty(warnings);
        Assert.Equal(model.Weights.Select(v => v.ToArray()), twin.Weights.Select(v => v.ToArray()));
    }

    [Fact]
    public void LoadWeights_FromKerasArchive_ReadsItsWeights()
    {
        using var files = new KerasV3Files();
        using var model = Composite(out _);
        using var twin = Composite(out _);
        KerasV3Files.Randomize(model);
        string path = files.PathOf("m.keras");
        model.Save(path);
        KerasV3Files.LoadWeights(twin, path, skipMismatch: false);
        Assert.Equal(model.Weights.Select(v => v.ToArray()), twin.Weights.Select(v => v.ToArray()));
    }

    [Fact]
    public void LoadWeights_IntoDifferentArchitecture_NamesPathLayerAndIndex()
    {
        using var files = new KerasV3Files();
        using var model = new Sequential(new Input([4]), new Dense(3, name: "first"), new Dense(2, name: "second"));
        using var other = new Sequential(new Input([4]), new Dense(3, name: "first"), new Dense(5, name: "second"));
        var before = other.Weights.Select(v => v.ToArray()).ToList();
        string path = files.PathOf("w.weights.h5");
        model.SaveWeights(path);

        var error = Assert.Throws<KerasFileException>(() => KerasV3Files.LoadWeights(other, path, skipMismatch: false));
        Assert.Contains("layer \"second\" (Dense) weight 0", error.Message);
        Assert.Contains("/layers/dense_1/vars/0", error.Message);
        Assert.Contains("(3, 2)", error.Message);
        Assert.Contains("(3, 5)", error.Message);
        // Nothing was assigned: a failed load leaves the model as it was.
        Assert.Equal(before, other.Weights.Select(v => v.ToArray()));

        var warnings = KerasV3Files.LoadWeights(other, path, skipMismatch: true);
        Assert.Contains(warnings, w => w.Contains("layer \"second\""));
        Assert.Equal(model.GetLayer("first").Weights.Select(v => v.ToArray()),
            other.GetLayer("first").Weights.Select(v => v.ToArray()));
        Assert.Equal(before[2], other.GetLayer("second").Weights[0].ToArray());
    }

    [Fact]
    public void LoadWeights_WithMissingLayer_ReportsCountAndMissingGroup()
    {
        using var files = new KerasV3Files();
        using var model = new Sequential(new Input([4]), new Dense(3));
        using var bigger = new Sequential(new Input([4]), new Dense(3), new Dense(2));
        string path = files.PathOf("w.weights.h5");
        model.SaveWeights(path);
        var error = Assert.Throws<KerasFileException>(() => KerasV3Files.LoadWeights(bigger, path, skipMismatch: false));
        Assert.Contains("expected 2 variables", error.Message);
        Assert.Contains("\"/layers/dense_1/vars\"", error.Message);
        Assert.Contains("the group is missing", error.Message);
        Assert.Equal(path, error.FilePath);
    }

    private static Functional Composite(out Input input)
    {
        input = new Input([4, 3]);
        var h = new LSTM(3, returnSequences: true).Call(input);
        h = new Bidirectional(new GRU(2, returnSequences: true)).Call(h);
        h = new MultiHeadAttention(2, 2).CallMany([h, h])[0];
        h = new BatchNormalization().Call(h);
        return new Functional(input, new TimeDistributed(new Dense(2)).Call(h));
    }

    private static void AssertRoundTrip(KerasV3Files files, Model model, long[] inputShape)
    {
        KerasV3Files.Randomize(model);
        using var x = KerasV3Files.Inputs(inputShape);
        using var expected = model.Predict(x, verbose: 0);
        using var loaded = files.RoundTrip(model);
        Assert.Equal(model.GetType(), loaded.GetType());
        Assert.Equal(model.Name, loaded.Name);
        using var actual = loaded.Predict(x, verbose: 0);
        Assert.Equal(KerasV3Files.Values(expected), KerasV3Files.Values(actual));
        Assert.Equal(model.Weights.Select(v => v.ToArray()), loaded.Weights.Select(v => v.ToArray()));
    }
}
