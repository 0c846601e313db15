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
        string dir = Directory.CreateTempSubdirectory("keras-quickstart-").FullName;
        try
        {
            string path = Path.Combine(dir, "mnist_model.h5");
            var result = QuickStart.Train("digits", epochs: 40, seed: 42, verbose: 0, path);
            Assert.True(result.Accuracy >= 0.95, $"test accuracy {result.Accuracy:F4} < 0.95");
            Assert.True(File.Exists(path));
            Assert.Equal(result.Accuracy, result.ReloadedAccuracy);
            Assert.Equal(Path.Combine(dir, "history.png"), result.PlotPath);
            Assert.True(File.Exists(result.PlotPath));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
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
        string dir = Directory.CreateTempSubdirectory("keras-quickstart-").FullName;
        try
        {
            var result = QuickStart.Train("fashion_mnist", epochs: 10, seed: 42, verbose: 0,
                Path.Combine(dir, "mnist_model.h5"));
            Assert.True(result.Accuracy >= 0.87, $"test accuracy {result.Accuracy:F4} < 0.87");
            Assert.Equal(result.Accuracy, result.ReloadedAccuracy);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
