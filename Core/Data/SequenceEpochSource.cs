using Keras.Training;

namespace Keras.Data;

/// <summary>Epochs over a <see cref="Sequence"/> as Keras' epoch iterator runs them: a pass visits every batch once
/// (in a shuffled order when asked); with <c>stepsPerEpoch</c> the pass carries over from epoch to epoch, and an epoch
/// that asks for more batches than the pass has left stops early with Keras' warning.</summary>
internal sealed class SequenceEpochSource : IEpochSource
{
    private readonly Sequence _sequence;
    private readonly bool _shuffle;
    private readonly int? _stepsPerEpoch;
    private readonly Func<DataBatch, DataBatch> _conform;
    private readonly TextWriter _warnings;
    private int[]? _order;
    private int _seen; // batches of the current pass consumed so far
    private BatchPrefetcher? _prefetcher;

    internal SequenceEpochSource(Sequence sequence, bool shuffle, int? stepsPerEpoch, Func<DataBatch, DataBatch> conform,
        TextWriter? warnings = null)
    {
        if (sequence.Count <= 0)
        {
            throw new ArgumentException($"The {sequence.GetType().Name} has length {sequence.Count}; it must have " +
                "at least one batch.", nameof(sequence));
        }
        _sequence = sequence;
        // Keras ignores `shuffle` for tf.data datasets: their order is the pipeline's.
        _shuffle = shuffle && sequence is not Dataset;
        _stepsPerEpoch = stepsPerEpoch;
        _conform = conform;
        _warnings = warnings ?? Console.Error;
    }

    public int Steps => _stepsPerEpoch ?? _sequence.Count;

    public int BeginEpoch()
    {
        if (_order is null)
        {
            _order = _shuffle ? Permutation(_sequence.Count) : Enumerable.Range(0, _sequence.Count).ToArray();
            _seen = 0;
        }
        int remaining = _order.Length - _seen;
        int take = Math.Min(Steps, remaining);
        if (_stepsPerEpoch > remaining)
        {
            _warnings.WriteLine("Your input ran out of data; interrupting training. Make sure that your dataset or " +
                "generator can generate at least `steps_per_epoch * epochs` batches.");
        }
        _prefetcher = new BatchPrefetcher(_sequence, _order[_seen..(_seen + take)]);
        return take;
    }

    public DataBatch Next()
    {
        var batch = _prefetcher!.Next();
        _seen++;
        return _conform(batch);
    }

    public void EndEpoch()
    {
        _prefetcher?.Dispose();
        _prefetcher = null;
        if (_order is not null && _seen >= _order.Length)
        {
            _order = null;
            _sequence.OnEpochEnd();
        }
    }

    // A Sequence's batches are produced by user code and prefetched ahead: only pass boundaries are resumable. There
    // the state is the dataset's pass count (its shuffles and seeded maps depend on it); a plain Sequence's batch order
    // comes from the global RNG, which the backup restores.
    public (long[]? Permutation, int Position)? GetResumeState() =>
        _order is not null ? null : (null, _sequence is Dataset dataset ? dataset.Pass : 0);

    public void SetResumeState(long[]? permutation, int position, string source)
    {
        if (permutation is not null || position < 0)
        {
            throw new InvalidDataException($"The training state in \"{source}\" stopped in the middle of an epoch; a " +
                $"{_sequence.GetType().Name} input can only resume at an epoch boundary (BackupAndRestore saveFreq: " +
                "\"epoch\").");
        }
        if (_sequence is Dataset dataset)
        {
            dataset.Pass = position;
        }
    }

    public DataBatch SampleBatch() => _conform(_sequence.GetBatch(0));

    public void Dispose()
    {
        _prefetcher?.Dispose();
        _prefetcher = null;
    }

    private static int[] Permutation(int n)
    {
        using var perm = Ops.RandomPermutation(n);
        return perm.data<long>().Select(i => (int)i).ToArray();
    }
}
