using Keras.Layers;
using Keras.Losses;
using Keras.Optimizers;
using Keras.Tests.Support;

namespace Keras.Tests.Saving.KerasV3;

/// <summary>The HDF5 layout Keras.Net writes, read back by an independent reader (h5py + zipfile in
/// <c>list_keras_layout.py</c>) and compared with Keras' documented layout (keras-formats.md §2.4.2).</summary>
public sealed class KerasV3LayoutTests
{
    [Fact]
    public void WorkedExample_MatchesKerasLayout_IncludingAdamStateOrder()
    {
        using var files = new KerasV3Files();
        using var model = new Sequential(
        [
            new Input([784]),
            new Dense(64, activation: "relu", name: "dense"),
            new Dropout(0.2, name: "dropout"),
            new Dense(10, name: "dense_1"),
        ], "sequential");
        model.Compile(optimizer: new Adam(), loss: new SparseCategoricalCrossentropy(fromLogits: true));
        var (x, y) = TestModels.Classification(8, 784, 10);
        model.Fit(x, y, batchSize: 4, epochs: 1, verbose: 0, shuffle: false);
        string path = files.PathOf("model.weights.h5");
        model.SaveWeights(path);

        string[] expected =
        [
            "dataset /layers/dense/vars/0 (784,64) float32 1",
            "dataset /layers/dense/vars/1 (64) float32 1",
            "dataset /layers/dense_1/vars/0 (64,10) float32 1",
            "dataset /layers/dense_1/vars/1 (10) float32 1",
            "dataset /optimizer/vars/0 () int64 1 value=2",
            "dataset /optimizer/vars/1 () float32 1 value=0.0010000000474974513",
            "dataset /optimizer/vars/2 (784,64) float32 1",
            "dataset /optimizer/vars/3 (784,64) float32 1",
            "dataset /optimizer/vars/4 (64) float32 1",
            "dataset /optimizer/vars/5 (64) float32 1",
            "dataset /optimizer/vars/6 (64,10) float32 1",
            "dataset /optimizer/vars/7 (64,10) float32 1",
            "dataset /optimizer/vars/8 (10) float32 1",
            "dataset /optimizer/vars/9 (10) float32 1",
            "group /layers/dense/vars name=dense n=2",
            "group /layers/dense_1/vars name=dense_1 n=2",
            "group /layers/dropout/vars name=dropout n=0",
            "group /optimizer/vars name=adam n=10",
            "group /vars name=sequential n=0",
        ];
        Assert.Equal(expected, KerasV3Files.PythonLayout(path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AdamSlots_AreStoredMomentumThenVelocityPerVariable()
    {
        using var files = new KerasV3Files();
        using var model = new Sequential([new Input([3]), new Dense(2, name: "d")], "adam_order");
        model.Compile(optimizer: new Adam(), loss: new MeanSquaredError());
        model.Fit(new float[4, 3] { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 }, { 1, 0, 1 } }, new float[4, 2],
            batchSize: 4, epochs: 1, verbose: 0, shuffle: false);
        string path = files.PathOf("adam.weights.h5");
        model.SaveWeights(path);

        // Re-load into a fresh, compiled twin and compare each slot by its Keras name.
        using var twin = new Sequential([new Input([3]), new Dense(2, name: "d")], "adam_order");
        twin.Compile(optimizer: new Adam(), loss: new MeanSquaredError());
        KerasV3Files.LoadWeights(twin, path, skipMismatch: false);
        var expected = model.Optimizer!.Variables.ToDictionary(v => v.Name, v => v.ToArray());
        var loaded = twin.Optimizer!.Variables.ToDictionary(v => v.Name, v => v.ToArray());
        Assert.Equal(["d_kernel_momentum", "d_kernel_velocity", "d_bias_momentum", "d_bias_velocity"],
            twin.Optimizer.SlotsInKerasOrder.Select(v => v.Name));
        Assert.Equal(expected.Keys.Order(), loaded.Keys.Order());
        foreach (var (name, values) in expected)
        {
            Assert.Equal(values, loaded[name]);
        }
        Assert.Equal(1, twin.Optimizer.Iterations);
    }

    [Fact]
    public void CompositeLayers_UseKerasAttributePaths()
    {
        using var files = new KerasV3Files();
        var inputs = new Input([5, 4], name: "tokens");
        var h = new LSTM(4, returnSequences: true, name: "lstm").Call(inputs);
        h = new Bidirectional(new GRU(3, returnSequences: true, name: "gru"), name: "bidirectional").Call(h);
        h = new TimeDistributed(new Dense(4, name: "inner"), name: "time_distributed").Call(h);
        h = new MultiHeadAttention(2, 3, name: "mha").CallMany([h, h])[0];
        h = new BatchNormalization(name: "bn").Call(h);
        using var model = new Functional(inputs, h, name: "composite");
        string path = files.PathOf("composite.weights.h5");
        model.SaveWeights(path);

        string[] expected =
        [
            "/layers/batch_normalization/vars name=bn n=4",
            "/layers/bidirectional/backward_layer/cell/vars n=3",
            "/layers/bidirectional/backward_layer/vars n=0",
            "/layers/bidirectional/forward_layer/cell/vars n=3",
            "/layers/bidirectional/forward_layer/vars n=0",
            "/layers/bidirectional/vars name=bidirectional n=0",
            "/layers/input_layer/vars name=tokens n=0",
            "/layers/lstm/cell/vars n=3",
            "/layers/lstm/vars name=lstm n=0",
            "/layers/multi_head_attention/_dropout_layer/vars n=0",
            "/layers/multi_head_attention/_softmax/vars n=0",
            "/layers/multi_head_attention/key_dense/vars n=2",
            "/layers/multi_head_attention/output_dense/vars n=2",
            "/layers/multi_head_attention/query_dense/vars n=2",
            "/layers/multi_head_attention/value_dense/vars n=2",
            "/layers/multi_head_attention/vars name=mha n=0",
            "/layers/time_distributed/layer/vars name=inner n=2",
            "/layers/time_distributed/vars name=time_distributed n=0",
            "/vars name=composite n=0",
        ];
        Assert.Equal(expected, Groups(path, keepNamesOf: ["bn", "bidirectional", "tokens", "lstm", "mha", "inner",
            "time_distributed", "composite"]));
    }

    [Fact]
    public void ConvLstmAndNestedModels_UseKerasPaths()
    {
        using var files = new KerasV3Files();
        var inner = new Sequential([new Input([4]), new Dense(3, name: "inner_dense")], "inner");
        var frames = new Input([2, 6, 6, 1], name: "frames");
        var h = new ConvLSTM2D(2, [3, 3], name: "conv_lstm").Call(frames);
        h = new Flatten(name: "flat").Call(h);
        h = new Dense(4, name: "d0").Call(h);
        h = inner.Call(h);
        h = new Dense(2, name: "d1").Call(h);
        using var model = new Functional(frames, h, name: "outer");
        string path = files.PathOf("nested.weights.h5");
        model.SaveWeights(path);

        string[] expected =
        [
            "/layers/conv_lstm2d/cell/vars n=3",
            "/layers/conv_lstm2d/vars name=conv_lstm n=0",
            "/layers/dense/vars name=d0 n=2",
            "/layers/dense_1/vars name=d1 n=2",
            "/layers/flatten/vars name=flat n=0",
            "/layers/input_layer/vars name=frames n=0",
            "/layers/sequential/layers/dense/vars name=inner_dense n=2",
            "/layers/sequential/vars name=inner n=0",
            "/vars name=outer n=0",
        ];
        Assert.Equal(expected, Groups(path, keepNamesOf: ["conv_lstm", "d0", "d1", "flat", "frames", "inner_dense",
            "inner", "outer"]));
    }

    /// <summary>The <c>vars</c> groups as "path [name=…] n=count", keeping only the listed names (automatic names of
    /// cells and projections depend on process-wide counters).</summary>
    private static string[] Groups(string path, string[] keepNamesOf) => KerasV3Files.PythonLayout(path)
        .Where(line => line.StartsWith("group ", StringComparison.Ordinal))
        .Select(line => line.Split(' '))
        .Select(parts => keepNamesOf.Contains(parts[2]["name=".Length..])
            ? $"{parts[1]} {parts[2]} {parts[3]}"
            : $"{parts[1]} {parts[3]}")
        .Order(StringComparer.Ordinal)
        .ToArray();
}
