using System.Text.Json.Nodes;
using Keras.Metrics;
using Keras.Optimizers;
using Keras.Tests.FunctionalApi.Configs;

namespace Keras.Tests.Saving.Legacy;

/// <summary>Files Keras.Net did not write: a tf-keras 2.15 full-model file made by make_tf_keras_file.py with h5py,
/// whose expected outputs come from numpy.</summary>
[Collection(SerialCollection.Name)]
public class TfKerasFileTests
{
    [Fact]
    public void TfKerasFullModel_LoadsCompilesAndPredictsLikeNumpy()
    {
        using var dir = new ScratchDirectory();
        string path = dir.File("tf_keras.h5");
        var fixture = JsonNode.Parse(PythonTool.Python(PythonTool.Script("make_tf_keras_file.py"), path))!;
        float[,] x = Matrix(fixture["x"]!.AsArray());
        float[,] expected = Matrix(fixture["y"]!.AsArray());

        var warnings = new List<string>();
        var model = Models.LoadModel(path, compile: true, warnings.Add);

        Assert.Equal(["dense", "dense_1"], model.Layers.Select(l => l.Name));
        using var y = model.Predict(x, verbose: 0);
        using var reference = torch.tensor(expected);
        Assert.True(y.allclose(reference, rtol: 1e-5, atol: 1e-6));

        var adam = Assert.IsType<Adam>(model.Optimizer);
        Assert.Equal(0.002, adam.LearningRate);
        Assert.IsType<CategoricalAccuracy>(model.Metrics[1]);
        Assert.Equal("accuracy", model.Metrics[1].Name);
        // tf-keras' optimizer variables (no learning_rate, other names) do not fit Keras 3's: Keras warns and
        // starts with a fresh optimizer.
        var warning = Assert.Single(warnings);
        Assert.Contains("freshly initialized optimizer", warning);
        Assert.Equal(0, adam.Iterations);
    }

    [Fact]
    public void Keras3LegacyWriterFile_RestoresTheOptimizerState()
    {
        using var dir = new ScratchDirectory();
        string path = dir.File("keras3_legacy.h5");
        var fixture = JsonNode.Parse(PythonTool.Python(PythonTool.Script("make_tf_keras_file.py"), path, "keras3"))!;
        var warnings = new List<string>();
        var model = Models.LoadModel(path, compile: true, warnings.Add);
        Assert.Empty(warnings);
        using var y = model.Predict(Matrix(fixture["x"]!.AsArray()), verbose: 0);
        using var reference = torch.tensor(Matrix(fixture["y"]!.AsArray()));
        Assert.True(y.allclose(reference, rtol: 1e-5, atol: 1e-6));

        var adam = Assert.IsType<Adam>(model.Optimizer);
        Assert.Equal(7, adam.Iterations);
        Assert.Equal(0.002, adam.LearningRate);
        // Slots in Keras 3 order: dense kernel momentum (0.01), velocity (0.02), dense bias momentum (0.03), ...
        var state = adam.GetState();
        Assert.Equal("adam/dense_kernel_momentum", state[2].Path);
        Assert.Equal(0.01f, state[2].Value.flatten()[0].item<float>());
        Assert.Equal(0.02f, state[3].Value.flatten()[0].item<float>());
        Assert.Equal(0.08f, state[^1].Value.flatten()[0].item<float>());
        foreach (var (_, value) in state)
        {
            value.Dispose();
        }
    }

    [Fact]
    public void SubclassedModel_SavesWeightsButNotTheArchitecture()
    {
        var model = new TwoLayerNet();
        model.Build([null, 3]);
        using var dir = new ScratchDirectory();
        var error = Assert.Throws<NotSupportedException>(() => model.Save(dir.File("net.h5")));
        Assert.Contains("SaveWeights", error.Message);
        Assert.Empty(Directory.GetFiles(dir.Path));
        model.SaveWeights(dir.File("net_weights.h5"));
        var twin = new TwoLayerNet();
        twin.Build([null, 3]);
        twin.LoadWeights(dir.File("net_weights.h5"));
        Assert.Equal(model.Weights.Select(w => w.ToArray()), twin.Weights.Select(w => w.ToArray()));
    }

    private static float[,] Matrix(JsonArray rows)
    {
        var result = new float[rows.Count, rows[0]!.AsArray().Count];
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i]!.AsArray();
            for (int j = 0; j < row.Count; j++)
            {
                result[i, j] = (float)(double)row[j]!;
            }
        }
        return result;
    }
}
