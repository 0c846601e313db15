using Keras.Examples;

namespace Keras.Tests.Examples;

/// <summary>End-to-end runs of the convnet and text-classifier examples; slow, so behind the "Slow" trait (CI runs
/// them).</summary>
[Collection(SerialCollection.Name)]
public class LayerExamplesTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void CnnExample_OnFashionMnist_ReachesNinetyPercent()
    {
        if (!Directory.Exists("/usr/share/datasets/fashion-mnist"))
        {
            Assert.Throws<Keras.Datasets.DatasetNotAvailableException>(() => Keras.Datasets.FashionMnist.LoadData());
            return;
        }
        double accuracy = CnnExample.Train(epochs: 20, seed: 42, verbose: 0);
        Assert.True(accuracy >= 0.90, $"test accuracy {accuracy:F4} < 0.90");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void TextClassifierExample_LearnsNegations()
    {
        double accuracy = TextClassifierExample.Train(epochs: 8, seed: 42, verbose: 0);
        Assert.True(accuracy >= 0.95, $"test accuracy {accuracy:F4} < 0.95");
    }

    [Fact]
    public void CnnExample_HasTheTutorialsShapesAndParameterCount()
    {
        using var model = CnnExample.Build();
        Assert.Equal(new Shape(null, 10), model.ComputeOutputShape(new Shape(null, 28, 28)));
        // Keras' simple convnet: 320 + 18,496 + 16,010 parameters.
        Assert.Equal(34_826, model.CountParams());
    }
}
