using Keras.Layers;
using static TorchSharp.torch;

namespace Keras.Tests.FunctionalApi.Configs;

/// <summary>Hand-written Keras 2 and Keras 3 JSON of the same model (Fixtures/README.md) load into the same graph.</summary>
public class FixtureTests
{
    [Theory]
    [InlineData("shared_dense_keras3.json")]
    [InlineData("shared_dense_keras2.json")]
    public void SharedDenseFixture_LoadsIntoTheReferenceGraph(string fixture)
    {
        using var reference = ConfigTestModels.SharedDense();
        using var loaded = Assert.IsType<Functional>(Models.ModelFromJson(ConfigTestModels.Fixture(fixture)));
        Assert.Equal(ConfigTestModels.Signature(reference), ConfigTestModels.Signature(loaded));
        Assert.Equal(["input_a", "input_b"], loaded.InputNames);
        Assert.Equal(["out_a", "out_b"], loaded.OutputNames);
        Assert.Equal([new Shape(null, 3), new Shape(null, 1)], loaded.Outputs.Select(o => o.Shape));
        var shared = Assert.IsType<Dense>(loaded.GetLayer("shared"));
        Assert.Equal(2, shared.InboundNodes.Count);
        Assert.Equal("relu", shared.Activation.Name);
        Assert.Equal(0.25, Assert.IsType<Dropout>(loaded.GetLayer("dropout")).Rate);
    }

    [Fact]
    public void Keras2ModelClassName_IsTheSameAsFunctional()
    {
        string json = ConfigTestModels.Fixture("shared_dense_keras2.json")
            .Replace("\"class_name\": \"Functional\"", "\"class_name\": \"Model\"");
        Assert.Contains("\"Model\"", json);
        using var reference = ConfigTestModels.SharedDense();
        using var loaded = Assert.IsType<Functional>(Models.ModelFromJson(json));
        Assert.Equal(ConfigTestModels.Signature(reference), ConfigTestModels.Signature(loaded));
    }

    [Fact]
    public void BothFixtures_ComputeTheWiringTheyDescribe()
    {
        using var k3 = Models.ModelFromJson(ConfigTestModels.Fixture("shared_dense_keras3.json"));
        using var k2 = Models.ModelFromJson(ConfigTestModels.Fixture("shared_dense_keras2.json"));
        k2.SetWeights(k3.GetWeights());
        using var xa = randn(6, 8);
        using var xb = randn(6, 8);
        var fromK3 = k3.PredictMany([xa, xb], verbose: 0);
        var fromK2 = k2.PredictMany([xa, xb], verbose: 0);

        // Independent oracle: the described graph written with TorchSharp ops on the same weights.
        using var sharedKernel = ((Dense)k3.GetLayer("shared")).Kernel!.Value.detach();
        using var sharedBias = ((Dense)k3.GetLayer("shared")).Bias!.Value.detach();
        var outA = (Dense)k3.GetLayer("out_a");
        var outB = (Dense)k3.GetLayer("out_b");
        using var ha = nn.functional.relu(xa.matmul(sharedKernel) + sharedBias);
        using var hb = nn.functional.relu(xb.matmul(sharedKernel) + sharedBias);
        using var expectedA = nn.functional.softmax(ha.matmul(outA.Kernel!.Value) + outA.Bias!.Value, -1);
        using var expectedB = nn.functional.sigmoid(hb.matmul(outB.Kernel!.Value) + outB.Bias!.Value);
        Assert.True(expectedA.allclose(fromK3[0], rtol: 1e-5, atol: 1e-6));
        Assert.True(expectedB.allclose(fromK3[1], rtol: 1e-5, atol: 1e-6));
        Assert.True(fromK3[0].allclose(fromK2[0]) && fromK3[1].allclose(fromK2[1]));
    }

    [Theory]
    [InlineData("sequential_keras3.json")]
    [InlineData("sequential_keras2.json")]
    public void SequentialFixture_LoadsTheSpecExample(string fixture)
    {
        using var loaded = Assert.IsType<Sequential>(Models.ModelFromJson(ConfigTestModels.Fixture(fixture)));
        Assert.Equal("sequential", loaded.Name);
        Assert.True(loaded.Built);
        Assert.Equal("dense_input", loaded.InputLayer!.Name);
        Assert.Equal(new Shape(null, 784), loaded.InputLayer.BatchShape);
        Assert.Equal(["dense", "dense_1"], loaded.Layers.Select(l => l.Name));
        Assert.Equal([64, 10], loaded.Layers.Cast<Dense>().Select(d => d.Units));
        Assert.Equal(["relu", "softmax"], loaded.Layers.Cast<Dense>().Select(d => d.Activation.Name));
        Assert.Equal(50890, loaded.CountParams());
    }

    // A nested functional model called once and also exposed as an output, written by hand after keras-formats.md
    // §3.4.1 (Keras 2 counts the nested model's own node, so its first call is node 1 everywhere) and §3.4.2 (Keras 3:
    // 0-based in node arguments, 1-based in output_layers for a nested functional model).
    private const string NestedKeras2 =
        """
        {"class_name": "Model", "config": {"name": "outer_k2", "layers": [
          {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 4], "name": "x"}, "name": "x",
           "inbound_nodes": []},
          {"class_name": "Functional", "config": {"name": "inner", "layers": [
              {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 4], "name": "inner_in"},
               "name": "inner_in", "inbound_nodes": []},
              {"class_name": "Dense", "config": {"name": "inner_dense", "units": 3}, "name": "inner_dense",
               "inbound_nodes": [[["inner_in", 0, 0, {}]]]}],
             "input_layers": [["inner_in", 0, 0]], "output_layers": [["inner_dense", 0, 0]]},
           "name": "inner", "inbound_nodes": [[["x", 0, 0, {}]]]},
          {"class_name": "Dense", "config": {"name": "head", "units": 2}, "name": "head",
           "inbound_nodes": [[["inner", 1, 0, {}]]]}],
         "input_layers": [["x", 0, 0]], "output_layers": [["head", 0, 0], ["inner", 1, 0]]}}
        """;

    private const string NestedKeras3 =
        """
        {"module": "keras.src.models.functional", "class_name": "Functional", "registered_name": "Functional",
         "config": {"name": "outer_k3", "trainable": true, "layers": [
          {"module": "keras.layers", "class_name": "InputLayer", "registered_name": null,
           "config": {"batch_shape": [null, 4], "dtype": "float32", "name": "x"}, "name": "x", "inbound_nodes": []},
          {"module": "keras.src.models.functional", "class_name": "Functional", "registered_name": "Functional",
           "config": {"name": "inner", "trainable": true, "layers": [
              {"module": "keras.layers", "class_name": "InputLayer", "registered_name": null,
               "config": {"batch_shape": [null, 4], "name": "inner_in"}, "name": "inner_in", "inbound_nodes": []},
              {"module": "keras.layers", "class_name": "Dense", "registered_name": null,
               "config": {"name": "inner_dense", "units": 3}, "name": "inner_dense",
               "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"shape": [null, 4],
                                  "dtype": "float32", "keras_history": ["inner_in", 0, 0]}}], "kwargs": {}}]}],
             "input_layers": ["inner_in", 0, 0], "output_layers": ["inner_dense", 0, 0]},
           "build_config": {"input_shape": null}, "name": "inner",
           "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"shape": [null, 4],
                              "dtype": "float32", "keras_history": ["x", 0, 0]}}], "kwargs": {"training": false}}]},
          {"module": "keras.layers", "class_name": "Dense", "registered_name": null,
           "config": {"name": "head", "units": 2}, "name": "head",
           "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"shape": [null, 3],
                              "dtype": "float32", "keras_history": ["inner", 0, 0]}}], "kwargs": {}}]}],
         "input_layers": ["x", 0, 0], "output_layers": [["head", 0, 0], ["inner", 1, 0]]}}
        """;

    [Theory]
    [InlineData(NestedKeras2)]
    [InlineData(NestedKeras3)]
    public void NestedModelFixtures_ResolveEachFormatsNodeNumbering(string json)
    {
        using var model = Assert.IsType<Functional>(Models.ModelFromJson(json));
        var inner = Assert.IsType<Functional>(model.GetLayer("inner"));
        var call = Assert.Single(inner.InboundNodes);
        Assert.Same(call.Outputs[0], model.GetLayer("head").InboundNodes[0].Inputs[0]);
        Assert.Same(call.Outputs[0], model.Outputs[1]);
        Assert.Equal([new Shape(null, 2), new Shape(null, 3)], model.Outputs.Select(o => o.Shape));
    }
}
