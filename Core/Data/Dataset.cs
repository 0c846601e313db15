using System.Collections;

namespace Keras.Data;

/// <summary>An immutable input pipeline in the style of <c>tf.data.Dataset</c>: a source of elements, then
/// <see cref="Shuffle"/>, <see cref="Map(Func{DataBatch, DataBatch})"/>, <see cref="Batch"/>, <see cref="Prefetch"/>;
/// each call returns a new dataset. Pass the batched dataset to <c>Fit</c>, <c>Evaluate</c> or <c>Predict</c>.</summary>
/// <remarks>
/// <para>Elements are random access: <c>Count</c> is always known and element <c>i</c> of pass <c>e</c> is a pure
/// function of (i, e), which makes prefetching on several workers deterministic. A pass is one <c>Fit</c> epoch over
/// the dataset or one <c>foreach</c>; shuffles (with <c>reshuffleEachIteration</c>) and seeded maps change from pass
/// to pass. <c>Fit</c>'s <c>shuffle</c> does not apply to a dataset, as in Keras: shuffle it with
/// <see cref="Shuffle"/>.</para>
/// <para>Source tensors made by <see cref="FromArrays"/> from .NET arrays belong to the dataset and are freed when it
/// is garbage collected; tensors passed in stay owned by the caller, who keeps them alive while the dataset is used.</para>
/// </remarks>
/// <example><code>
/// var train = Dataset.FromArrays(xTrain, yTrain)
///     .Shuffle(bufferSize: 10_000, seed: 42)
///     .Batch(128)
///     .Map((batch, random) =&gt; Augment(batch, random), seed: 7)
///     .Prefetch(bufferSize: 4);
/// model.Fit(train, epochs: 10, validationData: Dataset.FromArrays(xTest, yTest).Batch(256));
/// </code></example>
public sealed class Dataset : Sequence, IEnumerable<DataBatch>
{
    private readonly DatasetNode _root;
    private int _epoch;

    private Dataset(DatasetNode root, IReadOnlyList<string>? classNames, int workers, int maxQueueSize)
        : base(workers, maxQueueSize)
    {
        _root = root;
        ClassNames = classNames;
    }

    /// <inheritdoc />
    /// <remarks>The number of elements: batches once <see cref="Batch"/> was applied, samples before.</remarks>
    public override int Count => _root.Count;

    /// <summary>The number of elements (<c>tf.data</c>'s <c>cardinality()</c>); always known here.</summary>
    public long Cardinality => _root.Count;

    /// <summary>The class names, in label order, when a directory loader (or <see cref="WithClassNames"/>) set them;
    /// otherwise null.</summary>
    public IReadOnlyList<string>? ClassNames { get; }

    /// <summary>A dataset whose element i is sample i of the arrays (<c>from_tensor_slices</c>).</summary>
    /// <param name="x">Inputs: an array or a tensor, or a list of them for several inputs.</param>
    /// <param name="y">Targets with the same number of samples, a list for several outputs, or null.</param>
    /// <param name="sampleWeight">One weight per sample, or null.</param>
    /// <returns>An unbatched dataset; call <see cref="Batch"/> before training.</returns>
    /// <exception cref="ArgumentException">The arrays do not have the same number of samples, or a dictionary was
    /// given (a dataset has no model to match input names against: pass a list in the model's input order).</exception>
    public static Dataset FromArrays(ArrayLike x, ArrayLike? y = null, ArrayLike? sampleWeight = null)
    {
        var xs = ToTensors(x, "x");
        var ys = y is { IsEmpty: false } yv ? ToTensors(yv, "y") : null;
        var sw = sampleWeight is { IsEmpty: false } w ? ToTensors(w, "sample_weight").Single() : null;
        var all = xs.Select(t => ("x", t)).Concat((ys ?? []).Select(t => ("y", t)));
        if (sw is not null)
        {
            all = all.Append(("sample_weight", sw));
        }
        var sizes = all.ToList();
        if (sizes.Any(s => s.Item2.shape[0] != xs[0].shape[0]))
        {
            throw new ArgumentException("Data cardinality is ambiguous. Make sure all arrays contain the same number " +
                "of samples. " + string.Join(", ", sizes.Select(s => $"'{s.Item1}' size: {s.Item2.shape[0]}")));
        }
        return new Dataset(new ArraySource(xs, ys, sw), null, 0, 1);
    }

    /// <summary>A dataset of <paramref name="count"/> elements made on demand by <paramref name="element"/>.</summary>
    /// <param name="count">The number of elements.</param>
    /// <param name="element">Makes element i (one sample, without a batch axis) as fresh tensors; called from worker
    /// threads when prefetching, so it must be thread-safe.</param>
    /// <returns>An unbatched dataset.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static Dataset FromFunction(int count, Func<int, DataBatch> element)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new Dataset(new FunctionSource(count, element), null, 0, 1);
    }

    /// <summary>Shuffles elements with a buffer of <paramref name="bufferSize"/> elements, as <c>tf.data</c> does:
    /// each output is drawn uniformly from the buffer, which is refilled from the input in order.</summary>
    /// <param name="bufferSize">The buffer size; at least the element count for a uniform shuffle, 1 for none.</param>
    /// <param name="seed">The seed; null draws one from the backend's generator (see <c>Utils.SetRandomSeed</c>).
    /// Defaults to null.</param>
    /// <param name="reshuffleEachIteration">A new order on each pass. Defaults to true.</param>
    /// <returns>The shuffled dataset.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bufferSize"/> is below 1.</exception>
    public Dataset Shuffle(int bufferSize, int? seed = null, bool reshuffleEachIteration = true)
    {
        if (bufferSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(bufferSize), bufferSize,
                $"`buffer_size` must be at least 1. Received: buffer_size={bufferSize}");
        }
        return With(new ShuffleNode(_root, bufferSize, seed ?? SeedMix.FromBackend(), reshuffleEachIteration));
    }

    /// <summary>Stacks consecutive elements into batches.</summary>
    /// <param name="batchSize">Elements per batch.</param>
    /// <param name="dropRemainder">Drop the last batch when it is smaller. Defaults to false.</param>
    /// <returns>The batched dataset.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is below 1.</exception>
    public Dataset Batch(int batchSize, bool dropRemainder = false)
    {
        if (batchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize,
                $"`batch_size` must be a positive integer. Received: batch_size={batchSize}");
        }
        return With(new BatchNode(_root, batchSize, dropRemainder));
    }

    /// <summary>Applies <paramref name="map"/> to every element (to every batch after <see cref="Batch"/>).</summary>
    /// <param name="map">Returns the new element as fresh tensors; called from worker threads when prefetching.</param>
    /// <returns>The mapped dataset.</returns>
    public Dataset Map(Func<DataBatch, DataBatch> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return With(new MapNode(_root, (element, _) => map(element), null));
    }

    /// <summary>Applies a random transform (augmentation) to every element, with a <see cref="Random"/> derived from
    /// (<paramref name="seed"/>, pass, element index): results are reproducible and do not depend on the workers.</summary>
    /// <param name="map">Returns the new element as fresh tensors, drawing its randomness from the given generator.</param>
    /// <param name="seed">The seed of the transform.</param>
    /// <returns>The mapped dataset.</returns>
    public Dataset Map(Func<DataBatch, Random, DataBatch> map, int seed)
    {
        ArgumentNullException.ThrowIfNull(map);
        return With(new MapNode(_root, (element, random) => map(element, random!), seed));
    }

    /// <summary>Builds elements ahead of the consumer on background threads, delivered in order.</summary>
    /// <param name="bufferSize">The most elements built ahead (<see cref="Sequence.MaxQueueSize"/>).</param>
    /// <param name="workers">Threads building them (<see cref="Sequence.Workers"/>). Defaults to 1.</param>
    /// <returns>The same pipeline with these prefetch settings (a dataset built without prefetch uses none).</returns>
    public Dataset Prefetch(int bufferSize, int workers = 1) =>
        new(_root, ClassNames, workers, bufferSize);

    /// <summary>The first <paramref name="count"/> elements (all of them when there are fewer).</summary>
    /// <param name="count">The number of elements to keep.</param>
    /// <returns>The shortened dataset.</returns>
    public Dataset Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return With(new SliceNode(_root, 0, Math.Min(count, _root.Count)));
    }

    /// <summary>All elements after the first <paramref name="count"/>.</summary>
    /// <param name="count">The number of elements to drop.</param>
    /// <returns>The shortened dataset.</returns>
    public Dataset Skip(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        int start = Math.Min(count, _root.Count);
        return With(new SliceNode(_root, start, _root.Count - start));
    }

    /// <summary>The same dataset carrying class names (directory loaders set them from the folder names).</summary>
    /// <param name="classNames">The class names in label order.</param>
    /// <returns>The dataset with <see cref="ClassNames"/> set.</returns>
    public Dataset WithClassNames(IEnumerable<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        return new Dataset(_root, classNames.ToList(), Workers, MaxQueueSize);
    }

    /// <inheritdoc />
    /// <remarks>Element <paramref name="index"/> of the current pass as fresh tensors in the caller's dispose scope
    /// (none on a worker thread: the caller disposes them).</remarks>
    public override DataBatch GetBatch(int index)
    {
        if ((uint)index >= (uint)_root.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index,
                $"The dataset has {_root.Count} elements; received index {index}.");
        }
        using var scope = torch.NewDisposeScope();
        var batch = _root.Get(index, Volatile.Read(ref _epoch));
        foreach (var t in BatchTensors.All(batch))
        {
            t.MoveToOuterDisposeScope();
        }
        return batch;
    }

    /// <inheritdoc />
    /// <remarks>Starts the next pass: shuffles with <c>reshuffleEachIteration</c> and seeded maps change.</remarks>
    public override void OnEpochEnd() => Interlocked.Increment(ref _epoch);

    /// <summary>Passes completed so far (shuffles and seeded maps depend on it); BackupAndRestore carries it over to a
    /// resumed process so the resumed epochs see the same orders.</summary>
    internal int Pass
    {
        get => Volatile.Read(ref _epoch);
        set => Volatile.Write(ref _epoch, value);
    }

    /// <summary>Enumerates one pass of elements (prefetched when <see cref="Prefetch"/> was set), then starts the
    /// next pass. Each element's tensors are disposed when the loop moves on or ends: clone what you keep.</summary>
    /// <returns>The elements in order.</returns>
    public IEnumerator<DataBatch> GetEnumerator()
    {
        using var prefetcher = new BatchPrefetcher(this, Enumerable.Range(0, Count).ToArray());
        for (int i = 0; i < prefetcher.Length; i++)
        {
            yield return prefetcher.Next();
        }
        OnEpochEnd();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private Dataset With(DatasetNode root) => new(root, ClassNames, Workers, MaxQueueSize);

    // Arrays are converted once and detached: the dataset keeps them; tensors stay the caller's.
    private static List<Tensor> ToTensors(ArrayLike value, string argument)
    {
        if (value.IsDictionary)
        {
            throw new ArgumentException(
                $"Argument `{argument}` of `Dataset.FromArrays` is a dictionary; a dataset is not bound to a model's " +
                "input names, so pass a list in the model's input order.", argument);
        }
        var items = value.IsList ? value.Items : [value];
        return items.Select((item, i) =>
        {
            var name = items.Count == 1 ? argument : $"{argument}[{i}]";
            var t = item.ToTensor(name, out bool owned);
            if (t.dim() == 0)
            {
                throw new ArgumentException($"Argument `{name}` must have a sample dimension; received a scalar.", name);
            }
            return owned ? t.DetachFromDisposeScope() : t;
        }).ToList();
    }
}
