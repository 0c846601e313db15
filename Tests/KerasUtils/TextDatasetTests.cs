using Keras.Layers;

namespace Keras.Tests.KerasUtils;

public sealed class TextDatasetTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _reviews;

    public TextDatasetTests()
    {
        // neg/n0..n4.txt and pos/p0..p4.txt: 10 files, as the golden index shuffle (n = 10, seed = 1337).
        for (int i = 0; i < 5; i++)
        {
            File.WriteAllText(_temp.File($"reviews/neg/n{i}.txt"), $"bad movie number {i}");
            File.WriteAllText(_temp.File($"reviews/pos/p{i}.txt"), $"great film number {i}");
        }
        File.WriteAllText(_temp.File("reviews/pos/readme.md"), "skipped");
        _reviews = Path.Combine(_temp.Path, "reviews");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Unshuffled_TextsLabelsAndBatches()
    {
        var ds = Keras.Utils.TextDatasetFromDirectory(_reviews, batchSize: 4, shuffle: false, verbose: false);

        Assert.Equal(["neg", "pos"], ds.ClassNames);
        Assert.Equal(10, ds.Texts.Count);
        Assert.Equal("bad movie number 0", ds.Texts[0]);
        Assert.Equal("great film number 4", ds.Texts[9]);
        Assert.Equal([0, 0, 0, 0, 0, 1, 1, 1, 1, 1], ds.Labels);
        Assert.Equal(3, ds.Count);
        var (texts, labels) = ds.GetBatch(2);
        Assert.Equal(["great film number 3", "great film number 4"], texts);
        Assert.Equal(new[] { 1, 1 }, labels);
        Assert.Equal(10, ds.SelectMany(b => b.Texts).Count());
    }

    [Fact]
    public void Shuffle_OrdersFilesAsKerasNumpyShuffle()
    {
        var golden = UtilsGolden.Cases("index_shuffle").Single(c => (int)c["n"]! == 10);
        var sorted = Keras.Utils.TextDatasetFromDirectory(_reviews, shuffle: false, verbose: false).FilePaths;

        var shuffled = Keras.Utils.TextDatasetFromDirectory(_reviews, seed: (int)golden["seed"]!, verbose: false);

        Assert.Equal(UtilsGolden.Ints(golden["order"]).Select(i => sorted[i]), shuffled.FilePaths);
        Assert.Equal(shuffled.FilePaths.Select(p => p.Contains("pos") ? 1 : 0), shuffled.Labels);
    }

    [Fact]
    public void LabelModesAndMaxLength()
    {
        var categorical = Keras.Utils.TextDatasetFromDirectory(_reviews, labelMode: "categorical", batchSize: 10,
            shuffle: false, maxLength: 5, verbose: false);
        var binary = Keras.Utils.TextDatasetFromDirectory(_reviews, labelMode: "binary", batchSize: 10,
            shuffle: false, verbose: false);
        var none = Keras.Utils.TextDatasetFromDirectory(_reviews, labels: null, batchSize: null, shuffle: false,
            verbose: false);

        var batch = categorical.GetBatch(0);
        Assert.Equal("bad m", batch.Texts[0]);
        Assert.Equal(1f, Assert.IsType<float[,]>(batch.Labels)[9, 1]);
        Assert.Equal(new float[,] { { 0 }, { 0 }, { 0 }, { 0 }, { 0 }, { 1 }, { 1 }, { 1 }, { 1 }, { 1 } },
            binary.GetBatch(0).Labels);
        Assert.Null(none.Labels);
        Assert.Null(none.ClassNames);
        Assert.Equal(10, none.Count);
        Assert.Null(none.GetBatch(3).Labels);
    }

    [Fact]
    public void Split_IsDisjointAndComplete()
    {
        var (train, val) = Keras.Utils.TextDatasetsFromDirectory(_reviews, validationSplit: 0.3, seed: 7,
            verbose: false);
        var single = Keras.Utils.TextDatasetFromDirectory(_reviews, validationSplit: 0.3, subset: "validation",
            seed: 7, verbose: false);

        Assert.Equal(7, train.FilePaths.Count);
        Assert.Equal(3, val.FilePaths.Count);
        Assert.Empty(train.FilePaths.Intersect(val.FilePaths));
        Assert.Equal(val.FilePaths, single.FilePaths);
        Assert.Contains("No text files found", Assert.Throws<ArgumentException>(() =>
            Keras.Utils.TextDatasetFromDirectory(Path.Combine(_reviews, "neg"), verbose: false)).Message);
    }

    [Fact]
    public void Vectorize_GivesADatasetForFit()
    {
        var texts = Keras.Utils.TextDatasetFromDirectory(_reviews, batchSize: 4, seed: 3, verbose: false);
        var vectorizer = new TextVectorization(maxTokens: 20, outputSequenceLength: 5);
        vectorizer.Adapt(texts.Texts);

        var ds = texts.Vectorize(vectorizer.Call);

        Assert.Equal(3, ds.Count);
        Assert.Equal(["neg", "pos"], ds.ClassNames);
        using var scope = torch.NewDisposeScope();
        var labels = new List<int>();
        var firstWords = new List<long>();
        for (int b = 0; b < ds.Count; b++)
        {
            var batch = ds.GetBatch(b);
            Assert.Equal(5L, batch.X.shape[1]);
            labels.AddRange(batch.Y!.data<int>().ToArray());
            firstWords.AddRange(batch.X[.., 0].data<long>().ToArray());
        }
        Assert.Equal(5, labels.Count(l => l == 1));
        var bad = vectorizer.GetVocabulary().ToList().IndexOf("bad");
        // Each vector stays with its label: texts starting with "bad" are the negative ones.
        Assert.Equal(labels.Select(l => l == 0), firstWords.Select(w => w == bad));
    }
}
