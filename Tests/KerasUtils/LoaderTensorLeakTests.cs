using Keras.Backend;
using Keras.Tests.Support;

namespace Keras.Tests.KerasUtils;

[Collection(SerialCollection.Name)]
public sealed class LoaderTensorLeakTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ImageDataset_FitWithPrefetchWorkers_KeepsLiveTensorsFlat()
    {
        var ds = Keras.Utils.ImageDatasetFromDirectory(ImageFolder.Create(_temp), batchSize: 2, imageSize: (5, 5),
            seed: 4, verbose: false).Prefetch(4, workers: 2);
        var model = new Sequential(new Input([5, 5, 3]), new Keras.Layers.Flatten(), new Keras.Layers.Dense(3));
        model.Compile(optimizer: "sgd", loss: "sparse_categorical_crossentropy");
        var counter = new TensorCountCallback();

        model.Fit(ds, epochs: 4, verbose: 0, callbacks: [counter]);

        Assert.Equal(counter.Counts[1], counter.Counts[^1]);
    }

    [Fact]
    public void Enumerating_LoaderDatasets_FreesEveryElement()
    {
        var images = Keras.Utils.ImageDatasetFromDirectory(ImageFolder.Create(_temp), batchSize: 4, imageSize: (3, 3),
            seed: 1, verbose: false);
        var series = Keras.Utils.TimeseriesDatasetFromArray(new float[40, 2], new float[40], sequenceLength: 5,
            batchSize: 8, shuffle: true, seed: 2);
        long before = LiveTensors();

        for (int pass = 0; pass < 2; pass++)
        {
            Assert.Equal(3, images.Count(batch => batch.X.shape[0] > 0));
            Assert.Equal(5, series.Count(batch => batch.Y!.shape[0] > 0));
        }

        Assert.Equal(before, LiveTensors());
    }

    private static long LiveTensors()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return KerasBackend.Current.LiveTensorCount;
    }
}
