using Keras.Data;

namespace Keras.Tests.KerasUtils;

public sealed class ImageDatasetTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _photos;

    public ImageDatasetTests() => _photos = ImageFolder.Create(_temp);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void InferredLabels_SortedFilesClassNamesShapesAndDtypes()
    {
        var ds = Keras.Utils.ImageDatasetFromDirectory(_photos, batchSize: 4, imageSize: (8, 6), shuffle: false,
            verbose: false);

        Assert.Equal(["bird", "cat", "dog"], ds.ClassNames);
        Assert.Equal(3, ds.Count);
        var (grays, labels) = Collect(ds, out var shapes);
        Assert.Equal([4L, 8, 6, 3], shapes[0]);
        Assert.Equal([1L, 8, 6, 3], shapes[2]);
        Assert.Equal(ImageFolder.SortedFiles.Select(f => f.Label), labels);
        AssertGrays(ImageFolder.SortedFiles.Select(f => f.Gray), grays);
    }

    [Fact]
    public void Elements_AreFloat32Pixels0To255AndInt32Labels()
    {
        var ds = Keras.Utils.ImageDatasetFromDirectory(_photos, batchSize: null, imageSize: (5, 5), shuffle: false,
            verbose: false);
        using var scope = torch.NewDisposeScope();

        var first = ds.GetBatch(0);

        Assert.Equal(9, ds.Count);
        Assert.Equal(torch.float32, first.X.dtype);
        Assert.Equal([5L, 5, 3], first.X.shape);
        Assert.Equal(20f, first.X.max().ToSingle());
        Assert.Equal(torch.int32, first.Y!.dtype);
        Assert.Equal(0L, first.Y.dim());
    }

    [Fact]
    public void LabelModes_CategoricalBinaryAndNone()
    {
        using var scope = torch.NewDisposeScope();
        var categorical = Keras.Utils.ImageDatasetFromDirectory(_photos, labelMode: "categorical", batchSize: 9,
            imageSize: (4, 4), shuffle: false, verbose: false).GetBatch(0).Y!;
        var binary = Keras.Utils.ImageDatasetFromDirectory(_photos, labelMode: "binary", classNames: ["dog", "cat"],
            batchSize: 9, imageSize: (4, 4), shuffle: false, verbose: false);
        var binaryBatch = binary.GetBatch(0);
        var none = Keras.Utils.ImageDatasetFromDirectory(_photos, labelMode: null, batchSize: 9, imageSize: (4, 4),
            shuffle: false, verbose: false);

        Assert.Equal(torch.float32, categorical.dtype);
        Assert.Equal([9L, 3], categorical.shape);
        Assert.Equal(ImageFolder.SortedFiles.Select(f => (long)f.Label), categorical.argmax(1).data<long>().ToArray());
        Assert.Equal(["dog", "cat"], binary.ClassNames);
        Assert.Equal([6L, 1], binaryBatch.Y!.shape);
        Assert.Equal(torch.float32, binaryBatch.Y.dtype);
        Assert.Equal(new float[] { 0, 0, 0, 1, 1, 1 }, binaryBatch.Y.data<float>().ToArray());
        AssertGrays([220, 120, 140, 200, 80, 100], Enumerable.Range(0, 6).Select(i => ImageFolder.Gray(binaryBatch.X[i])));
        // As Keras, label_mode=None drops the labels, so the whole tree is indexed (11 images) without class names.
        var unlabeled = none.GetBatch(1);
        Assert.Null(unlabeled.Y);
        Assert.Equal(2L, unlabeled.X.shape[0]);
        Assert.Null(none.ClassNames);
    }

    [Fact]
    public void NoLabelsAndExplicitLabels_IndexEveryImageBelowTheDirectory()
    {
        using var scope = torch.NewDisposeScope();
        var unlabeled = Keras.Utils.ImageDatasetFromDirectory(_photos, labels: null, batchSize: 16, imageSize: (4, 4),
            shuffle: false, verbose: false);
        var labeled = Keras.Utils.ImageDatasetFromDirectory(_photos, labels: [3, 1, 1, 3, 3, 1, 1, 1, 1, 1, 1],
            batchSize: 16, imageSize: (4, 4), shuffle: false, verbose: false);

        var batch = unlabeled.GetBatch(0);
        Assert.Null(batch.Y);
        Assert.Null(unlabeled.ClassNames);
        Assert.Equal(11L, batch.X.shape[0]);
        // Sorted walk: photos/ (top.png), photos/.hidden, photos/bird, photos/cat, photos/dog, photos/dog/more.
        AssertGrays([160, 180, 20, 40, 60, 200, 80, 100, 220, 120, 140],
            Enumerable.Range(0, 11).Select(i => ImageFolder.Gray(batch.X[i])));
        Assert.Equal(["1", "3"], labeled.ClassNames);
        Assert.Equal(new[] { 3, 1, 1, 3, 3, 1, 1, 1, 1, 1, 1 }, labeled.GetBatch(0).Y!.data<int>().ToArray());
        Assert.Contains("len(labels) is 2 while we found 11 files", Assert.Throws<ArgumentException>(() =>
            Keras.Utils.ImageDatasetFromDirectory(_photos, labels: [0, 1], verbose: false)).Message);
    }

    [Theory]
    [InlineData("grayscale", 1)]
    [InlineData("rgba", 4)]
    public void ColorModes_SetTheChannels(string colorMode, int channels)
    {
        using var scope = torch.NewDisposeScope();
        var ds = Keras.Utils.ImageDatasetFromDirectory(_photos, colorMode: colorMode, batchSize: 9, imageSize: (3, 2),
            shuffle: false, verbose: false);

        var x = ds.GetBatch(0).X;

        Assert.Equal([9L, 3, 2, channels], x.shape);
        Assert.Equal(200f, x[3, 0, 0, 0].ToSingle());
        if (channels == 4)
        {
            Assert.Equal(255f, x[.., .., .., 3].min().ToSingle(), 0.001f);
        }
    }

    [Fact]
    public void Resize_ChannelsFirstCropAndPad()
    {
        using var scope = torch.NewDisposeScope();
        var first = Keras.Utils.ImageDatasetFromDirectory(_photos, batchSize: 2, imageSize: (7, 3),
            dataFormat: "channels_first", shuffle: false, verbose: false).GetBatch(0).X;
        var padded = Keras.Utils.ImageDatasetFromDirectory(_photos, batchSize: 9, imageSize: (4, 4),
            padToAspectRatio: true, shuffle: false, verbose: false).GetBatch(0).X;
        var cropped = Keras.Utils.ImageDatasetFromDirectory(_photos, batchSize: 9, imageSize: (4, 4),
            cropToAspectRatio: true, interpolation: "nearest", shuffle: false, verbose: false).GetBatch(0).X;

        Assert.Equal([2L, 3, 7, 3], first.shape);
        // b1 is 7 wide and 5 high: padded to 7x7, its top and bottom rows are black.
        Assert.Equal(7.5f, padded[0, 0, 1, 0].ToSingle());   // bilinear: 0.625 · 0 + 0.375 · 20
        Assert.Equal(20f, padded[0, 2, 1, 0].ToSingle());
        Assert.Equal(20f, cropped[0].min().ToSingle());
    }

    [Fact]
    public void Shuffle_SameSeedSameOrder_DifferentSeedDifferentOrder()
    {
        var a = Grays(Keras.Utils.ImageDatasetFromDirectory(_photos, batchSize: 3, imageSize: (2, 2), seed: 5,
            verbose: false));
        var b = Grays(Keras.Utils.ImageDatasetFromDirectory(_photos, batchSize: 3, imageSize: (2, 2), seed: 5,
            verbose: false));
        var c = Grays(Keras.Utils.ImageDatasetFromDirectory(_photos, batchSize: 3, imageSize: (2, 2), seed: 6,
            verbose: false));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(ImageFolder.SortedFiles.Select(f => f.Gray).Order(), a.Select(Snap).Order());
    }

    [Fact]
    public void ShuffledLabels_StayWithTheirImages()
    {
        var ds = Keras.Utils.ImageDatasetFromDirectory(_photos, batchSize: 2, imageSize: (3, 3), seed: 11,
            verbose: false);

        var (grays, labels) = Collect(ds, out _);

        var labelOf = ImageFolder.SortedFiles.ToDictionary(f => f.Gray, f => f.Label);
        Assert.Equal(grays.Select(g => labelOf[Snap(g)]), labels);
    }

    [Theory]
    [InlineData(0.25, 7, 2)]
    [InlineData(0.5, 5, 4)]
    public void ValidationSplit_KerasCountsDisjointAndComplete(double split, int trainCount, int valCount)
    {
        var train = Keras.Utils.ImageDatasetFromDirectory(_photos, validationSplit: split, subset: "training",
            seed: 1337, batchSize: 4, imageSize: (2, 2), verbose: false);
        var val = Keras.Utils.ImageDatasetFromDirectory(_photos, validationSplit: split, subset: "validation",
            seed: 1337, batchSize: 4, imageSize: (2, 2), verbose: false);
        var (bothTrain, bothVal) = Keras.Utils.ImageDatasetsFromDirectory(_photos, split, seed: 1337, batchSize: 4,
            imageSize: (2, 2), verbose: false);

        var trainGrays = Grays(train).Select(Snap).ToList();
        var valGrays = Grays(val).Select(Snap).ToList();
        Assert.Equal(trainCount, trainGrays.Count);
        Assert.Equal(valCount, valGrays.Count);
        Assert.Empty(trainGrays.Intersect(valGrays));
        Assert.Equal(ImageFolder.SortedFiles.Select(f => f.Gray).Order(), trainGrays.Concat(valGrays).Order());
        Assert.Equal(trainGrays.Order(), Grays(bothTrain).Select(Snap).Order());
        Assert.Equal(valGrays.Order(), Grays(bothVal).Select(Snap).Order());
        Assert.Equal(["bird", "cat", "dog"], bothVal.ClassNames);
    }

    [Fact]
    public void Errors_AreKeras()
    {
        Assert.Contains("you must provide a `seed` argument", Assert.Throws<ArgumentException>(() =>
            Keras.Utils.ImageDatasetFromDirectory(_photos, validationSplit: 0.2, subset: "training")).Message);
        Assert.Equal("If `subset` is set, `validation_split` must be set, and inversely. (Parameter 'subset')",
            Assert.Throws<ArgumentException>(() =>
                Keras.Utils.ImageDatasetFromDirectory(_photos, subset: "training", seed: 1)).Message);
        Assert.Contains("`validation_split` must be between 0 and 1, received: 1.5", Assert.Throws<ArgumentException>(
            () => Keras.Utils.ImageDatasetFromDirectory(_photos, validationSplit: 1.5, subset: "training",
                seed: 1)).Message);
        Assert.Contains("`label_mode` argument must be one of", Assert.Throws<ArgumentException>(() =>
            Keras.Utils.ImageDatasetFromDirectory(_photos, labelMode: "sparse")).Message);
        Assert.Contains("there must be exactly 2 class_names", Assert.Throws<ArgumentException>(() =>
            Keras.Utils.ImageDatasetFromDirectory(_photos, labelMode: "binary", verbose: false)).Message);
        Assert.Contains("Expected: ['bird', 'cat', 'dog'] (or a subset of it), but received: class_names=['cow']",
            Assert.Throws<ArgumentException>(() =>
                Keras.Utils.ImageDatasetFromDirectory(_photos, classNames: ["cow"], verbose: false)).Message);
        Assert.Contains("You can only pass `class_names` if `labels=\"inferred\"`", Assert.Throws<ArgumentException>(
            () => Keras.Utils.ImageDatasetFromDirectory(_photos, labels: null, classNames: ["cat"])).Message);
        Assert.Contains("`color_mode` must be one of", Assert.Throws<ArgumentException>(() =>
            Keras.Utils.ImageDatasetFromDirectory(_photos, colorMode: "cmyk")).Message);
        Assert.Throws<NotSupportedException>(() =>
            Keras.Utils.ImageDatasetFromDirectory(_photos, interpolation: "lanczos3"));
        Assert.Contains("Received: interpolation=cubic", Assert.Throws<ArgumentException>(() =>
            Keras.Utils.ImageDatasetFromDirectory(_photos, interpolation: "cubic")).Message);
        Assert.Contains("Only one of `pad_to_aspect_ratio`, `crop_to_aspect_ratio`", Assert.Throws<ArgumentException>(
            () => Keras.Utils.ImageDatasetFromDirectory(_photos, cropToAspectRatio: true,
                padToAspectRatio: true)).Message);
        Assert.Contains("No images found in directory", Assert.Throws<ArgumentException>(() =>
            Keras.Utils.ImageDatasetFromDirectory(Path.Combine(_photos, "dog", "more", ".."), classNames: [],
                verbose: false)).Message);
        Assert.Throws<DirectoryNotFoundException>(() =>
            Keras.Utils.ImageDatasetFromDirectory(Path.Combine(_photos, "missing")));
        Assert.Contains("ImageDatasetsFromDirectory", Assert.Throws<ArgumentException>(() =>
            Keras.Utils.ImageDatasetFromDirectory(_photos, validationSplit: 0.2, subset: "both", seed: 1)).Message);
    }

    [Fact]
    public void Fit_TrainsOnTheDirectoryDataset()
    {
        var ds = Keras.Utils.ImageDatasetFromDirectory(_photos, batchSize: 4, imageSize: (6, 6), seed: 3,
            verbose: false);
        var model = new Sequential(new Input([6, 6, 3]), new Keras.Layers.Rescaling(1.0 / 255),
            new Keras.Layers.Flatten(), new Keras.Layers.Dense(3, activation: "softmax"));
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);

        var history = model.Fit(ds, epochs: 2, verbose: 0);

        Assert.Equal(2, history["loss"].Count);
        Assert.All(history["loss"], loss => Assert.True(double.IsFinite(loss)));
    }

    private static int Snap(int gray) => ImageFolder.SortedFiles.Select(f => f.Gray).MinBy(g => Math.Abs(g - gray));

    private static void AssertGrays(IEnumerable<int> expected, IEnumerable<int> actual) =>
        Assert.Equal(expected, actual, (e, a) => Math.Abs(e - a) <= 3);

    private static List<int> Grays(Dataset ds) => Collect(ds, out _).Grays;

    private static (List<int> Grays, List<int> Labels) Collect(Dataset ds, out List<long[]> shapes)
    {
        using var scope = torch.NewDisposeScope();
        var grays = new List<int>();
        var labels = new List<int>();
        shapes = [];
        for (int b = 0; b < ds.Count; b++)
        {
            var batch = ds.GetBatch(b);
            shapes.Add(batch.X.shape);
            for (int i = 0; i < batch.X.shape[0]; i++)
            {
                grays.Add(ImageFolder.Gray(batch.X[i]));
            }
            if (batch.Y is not null)
            {
                labels.AddRange(batch.Y.data<int>().ToArray());
            }
        }
        return (grays, labels);
    }
}
