using Keras.Layers;

namespace Keras.Tests.Core.Layers.Pooling;

/// <summary>A model of pooling layers trains. Run alone: under the parallel full suite it once saw its kernel
/// unchanged after Fit (cause not found: see the closing note), so it shares no time with tests that touch
/// process-wide state.</summary>
[Collection(SerialCollection.Name)]
public sealed class PoolingTrainingTests
{
    [Fact]
    public void PoolingModel_Trains()
    {
        var model = new Keras.Sequential(new Input([6, 6, 2]), new MaxPooling2D(padding: "same"),
            new AveragePooling2D(2, strides: 1), new GlobalAveragePooling2D(), new Dense(3));
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy");
        using var x = torch.randn(8, 6, 6, 2);
        using var y = torch.randint(0, 3, [8], dtype: torch.ScalarType.Int64);
        var before = model.Weights[0].ToArray();
        model.Fit(x, y, epochs: 1, batchSize: 4, verbose: 0);
        Assert.NotEqual(before, model.Weights[0].ToArray());
        Assert.Equal(new Shape(null, 3), model.ComputeOutputShape([null, 6, 6, 2]));
    }
}
