using Keras.Layers;
using A = Keras.Onnx.OnnxAttribute;

namespace Keras.Tests.Onnx.Import;

/// <summary>An imported backbone used as Keras layers: frozen, extended with a head, trained, saved and loaded.
/// </summary>
public class OnnxImportTrainingTests
{
    private static Functional Backbone()
    {
        var g = new OnnxTestGraph(13, [1, 3, 8, 8]);
        var y = g.Node("Conv", [g.X, g.Weight([4, 3, 3, 3]), g.Weight([4])], A.Ints("kernel_shape", [3, 3]),
            A.Ints("pads", [1, 1, 1, 1]));
        y = g.Node("BatchNormalization",
            [y, g.Weight([4], 0.5, 1.5), g.Weight([4]), g.Weight([4]), g.Weight([4], 0.5, 1.5)]);
        y = g.Node("GlobalAveragePool", [g.Node("Relu", [y])]);
        return Models.ImportOnnx(g.Build((y, 4)), name: "backbone");
    }

    [Fact]
    public void FrozenBackbone_WithDenseHead_TrainsSavesAndLoads()
    {
        var backbone = Backbone();
        var frozen = backbone.Weights.Select(v => v.ToArray()).ToList();
        backbone.Trainable = false;
        var inputs = new Input([8, 8, 3]);
        var features = new Flatten().Call(backbone.Call(inputs));
        var model = new Functional(inputs, new Dense(3, activation: "softmax", name: "head").Call(features));
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy");
        Assert.Equal(2, model.TrainableWeights.Count);

        var x = torch.rand([16, 8, 8, 3], generator: new torch.Generator(2));
        var y = torch.tensor(Enumerable.Range(0, 16).Select(i => (long)(i % 3)).ToArray());
        var head = model.GetLayer("head").Weights[0].ToArray();
        model.Fit(x, y, epochs: 1, batchSize: 8, verbose: 0);
        Assert.NotEqual(head, model.GetLayer("head").Weights[0].ToArray());
        Assert.Equal(frozen, backbone.Weights.Select(v => v.ToArray()).ToList());

        var directory = Directory.CreateTempSubdirectory("keras-onnx-import-");
        try
        {
            var expected = model.Predict(x, verbose: 0);
            var weightsPath = Path.Combine(directory.FullName, "m.weights.h5");
            model.SaveWeights(weightsPath);
            var keras = Path.Combine(directory.FullName, "m.keras");
            model.Save(keras);

            var loaded = Models.LoadModel(keras);
            Assert.True(torch.allclose(expected, loaded.Predict(x, verbose: 0), 1e-6, 1e-6));

            var twin = Models.CloneModel(model);
            twin.LoadWeights(weightsPath);
            Assert.True(torch.allclose(expected, twin.Predict(x, verbose: 0), 1e-6, 1e-6));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
