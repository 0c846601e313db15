using Keras.Examples;

namespace Keras.Tests.Examples;

/// <summary>End-to-end runs of the quick start; slow, so behind the "Slow" trait (CI runs them).</summary>
[Collection(SerialCollection.Name)]
public class QuickStartTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void QuickStart_OnEmbeddedDigits_ReachesKerasLevelAccuracy()
    {
        double accuracy = QuickStart.Train("digits", epochs: 40, seed: 42, verbose: 0);
        Assert.True(accuracy >= 0.95, $"test accuracy {accuracy:F4} < 0.95");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void QuickStart_OnFashionMnist_ReachesTutorialAccuracy()
    {
        if (!Directory.Exists("/usr/share/datasets/fashion-mnist"))
        {
            Assert.Throws<Keras.Datasets.DatasetNotAvailableException>(() => Keras.Datasets.FashionMnist.LoadData());
            return;
        }
        double accuracy = QuickStart.Train("fashion_mnist", epochs: 10, seed: 42, verbose: 0);
        Assert.True(accuracy >= 0.87, $"test accuracy {accuracy:F4} < 0.87");
    }
}
