using System.Collections;
using System.Text;

namespace Keras.Data;

/// <summary>The text files of a directory with their labels, as <c>keras.utils.text_dataset_from_directory</c> yields
/// them (Keras' string tensors): enumerate <see cref="TextBatch"/>es of strings, or turn the texts into tensors with
/// <see cref="Vectorize"/> for <c>Fit</c>.</summary>
/// <remarks>Tensors cannot hold strings, so this is not a <see cref="Dataset"/> itself; as Keras recommends, text is
/// vectorized in the data pipeline, by <c>TextVectorization</c> for instance. Files are read once, on first use.</remarks>
/// <example><code>
/// TextDataset reviews = Utils.TextDatasetFromDirectory("aclImdb/train", batchSize: 32, seed: 42);
/// var vectorizer = new TextVectorization(maxTokens: 20000, outputSequenceLength: 200);
/// vectorizer.Adapt(reviews.Texts);
/// Dataset train = reviews.Vectorize(vectorizer.Call);   // int64 (32, 200) batches and int32 labels
/// model.Fit(train, epochs: 3);
/// </code></example>
public sealed class TextDataset : IEnumerable<TextBatch>
{
    private readonly int[]? _labels;
    private readonly int? _maxLength;
    private readonly int _seed;
    private readonly bool _shuffle;
    private readonly Lazy<string[]> _texts;

    internal TextDataset(IReadOnlyList<string> filePaths, int[]? labels, IReadOnlyList<string>? classNames,
        string? labelMode, int? batchSize, int? maxLength, bool shuffle, int seed)
    {
        FilePaths = filePaths;
        _labels = labels;
        ClassNames = classNames;
        LabelMode = labels is null ? null : labelMode;
        BatchSize = batchSize;
        _maxLength = maxLength;
        _shuffle = shuffle;
        _seed = seed;
        _texts = new Lazy<string[]>(() => filePaths.Select(Read).ToArray());
    }

    /// <summary>The files, in dataset order (sorted, then shuffled once with the seed when shuffling).</summary>
    public IReadOnlyList<string> FilePaths { get; }

    /// <summary>The file contents (UTF-8), in <see cref="FilePaths"/> order, cut to <c>maxLength</c> bytes when it
    /// was given.</summary>
    public IReadOnlyList<string> Texts => _texts.Value;

    /// <summary>The integer label of each file, or null without labels.</summary>
    public IReadOnlyList<int>? Labels => _labels;

    /// <summary>The class names, in label order, or null without labels.</summary>
    public IReadOnlyList<string>? ClassNames { get; }

    /// <summary><c>"int"</c>, <c>"categorical"</c>, <c>"binary"</c>, or null without labels.</summary>
    public string? LabelMode { get; }

    /// <summary>Texts per batch, or null for single texts.</summary>
    public int? BatchSize { get; }

    /// <summary>The number of batches (of texts when <see cref="BatchSize"/> is null).</summary>
    public int Count => BatchSize is int b ? (FilePaths.Count + b - 1) / b : FilePaths.Count;

    /// <summary>Batch <paramref name="index"/>, in <see cref="FilePaths"/> order.</summary>
    /// <param name="index">From 0 to <see cref="Count"/> - 1.</param>
    /// <returns>The texts and their labels.</returns>
    public TextBatch GetBatch(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        int size = BatchSize ?? 1;
        int start = index * size, count = Math.Min(size, FilePaths.Count - start);
        var texts = Texts.Skip(start).Take(count).ToArray();
        var labels = _labels is null ? null
            : LabelEncoding.EncodeAll(_labels[start..(start + count)], LabelMode!, ClassNames!.Count);
        return new TextBatch(texts, labels);
    }

    /// <summary>Vectorizes every text at once and returns a dataset of the vectors and labels, shuffled (as Keras,
    /// with a buffer of 8 batches, reshuffled each pass) and batched as this dataset.</summary>
    /// <param name="vectorize">Turns texts into a tensor with one row per text, such as
    /// <c>TextVectorization.Call</c>.</param>
    /// <returns>A dataset whose <c>ClassNames</c> are these class names.</returns>
    /// <remarks>The texts are vectorized together, so a <c>TextVectorization</c> without
    /// <c>outputSequenceLength</c> pads to the longest text overall (Keras pads each batch to its longest).</remarks>
    /// <exception cref="ArgumentException"><paramref name="vectorize"/> did not return one row per text.</exception>
    public Dataset Vectorize(Func<IReadOnlyList<string>, Tensor> vectorize)
    {
        ArgumentNullException.ThrowIfNull(vectorize);
        var x = vectorize(Texts);
        if (x.dim() == 0 || x.shape[0] != FilePaths.Count)
        {
            throw new ArgumentException(
                $"`vectorize` must return one row per text: expected {FilePaths.Count} rows, received shape " +
                $"({string.Join(", ", x.shape)}).", nameof(vectorize));
        }
        var dataset = _labels is null
            ? Dataset.FromArrays(x)
            : Dataset.FromArrays(x, LabelEncoding.EncodeAll(_labels, LabelMode!, ClassNames!.Count));
        if (_shuffle)
        {
            dataset = dataset.Shuffle(BatchSize is int b ? b * 8 : 1024, _seed);
        }
        if (BatchSize is int batch)
        {
            dataset = dataset.Batch(batch);
        }
        return ClassNames is null ? dataset : dataset.WithClassNames(ClassNames);
    }

    /// <inheritdoc />
    public IEnumerator<TextBatch> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return GetBatch(i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private string Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        int length = _maxLength is int max ? Math.Min(max, bytes.Length) : bytes.Length;
        return Encoding.UTF8.GetString(bytes, 0, length);
    }
}
