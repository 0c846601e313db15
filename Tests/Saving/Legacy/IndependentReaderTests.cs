using System.Text.Json.Nodes;
using Keras.Optimizers;
using Keras.Tests.Support;

namespace Keras.Tests.Saving.Legacy;

/// <summary>Files written by Keras.Net, read by h5py replaying tf-keras' legacy loader (legacy_h5_reader.py) and by
/// <c>h5dump</c>.</summary>
[Collection(SerialCollection.Name)]
public class IndependentReaderTests
{
    [Fact]
    public void FunctionalModel_LayoutMatchesKeras2()
    {
        Utils.SetRandomSeed(12);
        var model = SavingModels.Nested();
        model.Compile(new Adam(learningRate: 0.001), "sparse_categorical_crossentropy", ["accuracy"]);
        var (x, y) = TestModels.Classification(16, 6, 3);
        model.Fit(x, y, epochs: 1, batchSize: 8, verbose: 0);
        using var dir = new ScratchDirectory();
        string path = dir.File("nested.h5");
        model.Save(path);

        var seen = JsonNode.Parse(PythonTool.Python(PythonTool.Script("legacy_h5_reader.py"), path, "full"))!;
        Assert.Equal("2.15.0", (string?)seen["keras_version"]);
        Assert.Equal("tensorflow", (string?)seen["backend"]);
        var config = seen["model_config"]!;
        Assert.Equal("Functional", (string?)config["class_name"]);
        Assert.Null(config["module"]);
        var configLayers = config["config"]!["layers"]!.AsArray();
        Assert.Equal("InputLayer", (string?)configLayers[0]!["class_name"]);
        Assert.NotNull(configLayers[0]!["config"]!["batch_input_shape"]);

        var weights = seen["model_weights"]!;
        Assert.Equal("2.15.0", (string?)weights["keras_version"]);
        var layers = weights["layers"]!.AsArray();
        Assert.Equal(["raw", "encoder", "head"], layers.Select(l => (string)l!["name"]!));
        Assert.Empty(layers[0]!["weights"]!.AsArray());
        Assert.Equal(["enc_1/kernel:0", "enc_1/bias:0", "enc_2/kernel:0", "enc_2/bias:0"],
            layers[1]!["weights"]!.AsArray().Select(w => (string)w!["name"]!));
        var kernel = layers[1]!["weights"]![0]!;
        Assert.Equal([6, 8], kernel["shape"]!.AsArray().Select(d => (int)d!));
        Assert.Equal("float32", (string?)kernel["dtype"]);
        double expectedSum = model.GetLayer("encoder").Weights[0].ToArray().Sum(v => (double)v);
        Assert.Equal(expectedSum, (double)kernel["sum"]!, 4);
        Assert.Empty(weights["top_level_model_weights"]!.AsArray());

        var training = seen["training_config"]!;
        Assert.Equal("sparse_categorical_crossentropy", (string?)training["loss"]);
        Assert.Equal(["accuracy"], training["metrics"]!.AsArray().Select(m => (string)m!));
        Assert.Equal("Adam", (string?)training["optimizer_config"]!["class_name"]);
        Assert.Equal(0.0010000000474974513, (double)training["optimizer_config"]!["config"]!["learning_rate"]!);
        var optimizer = seen["optimizer_weights"]!.AsArray();
        Assert.Equal(["adam/iteration", "adam/learning_rate", "adam/enc_1_kernel_momentum", "adam/enc_1_kernel_velocity"],
            optimizer.Take(4).Select(o => (string)o!["name"]!));
        Assert.Equal("int64", (string?)optimizer[0]!["dtype"]);
        Assert.Equal(2 + 2 * 6, optimizer.Count);
    }

    [Fact]
    public void BatchNormAndFrozenWeights_AreListedTrainableFirst()
    {
        Utils.SetRandomSeed(13);
        var model = SavingModels.BatchNorm();
        model.GetLayer("pre").Trainable = false;
        using var dir = new ScratchDirectory();
        string path = dir.File("bn.weights.legacy.h5");
        model.SaveWeights(path);
        var seen = JsonNode.Parse(PythonTool.Python(PythonTool.Script("legacy_h5_reader.py"), path, "weights"))!;
        var layers = seen["weights"]!["layers"]!.AsArray();
        Assert.Equal(["bn/gamma:0", "bn/beta:0", "bn/moving_mean:0", "bn/moving_variance:0"],
            layers[1]!["weights"]!.AsArray().Select(w => (string)w!["name"]!));
        Assert.Equal(["pre/kernel:0", "pre/bias:0"], layers[0]!["weights"]!.AsArray().Select(w => (string)w!["name"]!));
    }

    [Fact]
    public void Bidirectional_WeightNamesFollowTfKerasScopes_AndTheConfigHasNoKeras3OnlyKeys()
    {
        Utils.SetRandomSeed(16);
        var model = SavingModels.Recurrent();
        using var dir = new ScratchDirectory();
        string path = dir.File("rnn.h5");
        model.Save(path);
        var seen = JsonNode.Parse(PythonTool.Python(PythonTool.Script("legacy_h5_reader.py"), path, "full"))!;
        var bidi = seen["model_weights"]!["layers"]![0]!;
        Assert.Equal(
            ["bidi/forward_lstm/lstm_cell/kernel:0", "bidi/forward_lstm/lstm_cell/recurrent_kernel:0",
             "bidi/forward_lstm/lstm_cell/bias:0", "bidi/backward_lstm/lstm_cell/kernel:0",
             "bidi/backward_lstm/lstm_cell/recurrent_kernel:0", "bidi/backward_lstm/lstm_cell/bias:0"],
            bidi["weights"]!.AsArray().Select(w => (string)w!["name"]!));
        // Keras 2 (tf-keras' Wrapper.get_config) stores the wrapped layer itself, not Keras 3's forward copy, and no
        // backward layer unless a custom one was given.
        var bidiConfig = seen["model_config"]!["config"]!["layers"]![1]!["config"]!.AsObject();
        var wrapped = bidiConfig["layer"]!["config"]!.AsObject();
        Assert.False(wrapped.ContainsKey("seed"));
        Assert.Equal("lstm", (string?)wrapped["name"]);
        Assert.False(bidiConfig.ContainsKey("backward_layer"));
    }

    [Fact]
    public void H5Dump_ShowsKerasAttributes()
    {
        var model = SavingModels.Mlp();
        using var dir = new ScratchDirectory();
        string path = dir.File("mlp.h5");
        model.Save(path);
        string dump = PythonTool.Run("h5dump", "-A", path);
        Assert.Contains("ATTRIBUTE \"keras_version\"", dump);
        Assert.Contains("ATTRIBUTE \"model_config\"", dump);
        Assert.Contains("ATTRIBUTE \"layer_names\"", dump);
        Assert.Contains("\"hidden\"", dump);
        Assert.Contains("DATASET \"kernel:0\"", dump);
    }

    [Fact]
    public void FileWrittenByH5py_WithFixedLengthStrings_Loads()
    {
        // An h5py-2-era layout: fixed-length (S<n>) names, chunked layer_names0.., no top_level group,
        // standalone Keras 2.0 weight names, written by h5py instead of PureHDF.
        Utils.SetRandomSeed(14);
        var model = SavingModels.Mlp();
        using var dir = new ScratchDirectory();
        string source = dir.File("source.h5");
        string legacy = dir.File("legacy.h5");
        model.SaveWeights(source);
        PythonTool.Run("/usr/bin/python3", "-c", """
            import h5py, sys, numpy as np
            src = h5py.File(sys.argv[1], 'r'); dst = h5py.File(sys.argv[2], 'w')
            names = [n for n in src.attrs['layer_names']]
            dst.attrs['layer_names0'] = np.asarray([names[0].encode()])
            dst.attrs['layer_names1'] = np.asarray([names[1].encode()])
            dst.attrs['keras_version'] = np.bytes_(b'2.0.8')
            for name in names:
                g = dst.create_group(name)
                old = [w for w in src[name].attrs['weight_names']]
                new = [f'{name}_1/{w.split("/")[-1]}' for w in old]
                g.attrs['weight_names'] = np.asarray([n.encode() for n in new])
                for o, n in zip(old, new):
                    g.create_dataset(n, data=src[name][o][()])
            dst.close()
            """, source, legacy);
        Utils.SetRandomSeed(15);
        var twin = SavingModels.Mlp();
        twin.LoadWeights(legacy);
        Assert.Equal(model.GetLayer("probs").Weights[0].ToArray(), twin.GetLayer("probs").Weights[0].ToArray());
    }
}
