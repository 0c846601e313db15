using System.Runtime.ExceptionServices;

namespace Keras.Data;

/// <summary>Builds the batches of a <see cref="Sequence"/> for a list of indices on <see cref="Sequence.Workers"/>
/// background threads, at most <see cref="Sequence.MaxQueueSize"/> ahead, and hands them out in list order.</summary>
/// <remarks>
/// <para>Each batch is built inside a dispose scope on its worker and its tensors are detached from it, so the
/// consumer owns them: a delivered batch is disposed at the next <see cref="Next"/> or at <see cref="Dispose"/>.</para>
/// <para><see cref="Dispose"/> stops the workers, waits for them and disposes the batches nobody took, so an early
/// stop or an exception leaves no thread and no tensor behind. libtorch's intra-op thread pool is left as it is.</para>
/// </remarks>
internal sealed class BatchPrefetcher : IDisposable
{
    private readonly Sequence _sequence;
    private readonly int[] _indices;
    private readonly object _gate = new();
    private readonly Dictionary<int, (DataBatch? Batch, ExceptionDispatchInfo? Error)> _ready = [];
    private readonly List<Thread> _threads = [];
    private DataBatch? _delivered;
    private int _claimed;
    private int _consumed;
    private bool _stopping;

    internal BatchPrefetcher(Sequence sequence, int[] indices)
    {
        _sequence = sequence;
        _indices = indices;
        int workers = Math.Min(sequence.Workers, indices.Length);
        for (int w = 0; w < workers; w++)
        {
            var thread = new Thread(Work) { IsBackground = true, Name = $"Keras.Data worker {w}" };
            _threads.Add(thread);
            thread.Start();
        }
    }

    /// <summary>The number of batches this prefetcher hands out.</summary>
    internal int Length => _indices.Length;

    /// <summary>The next batch in order; the previous one is disposed.</summary>
    /// <exception cref="InvalidOperationException"><see cref="Sequence.GetBatch"/> failed; names the batch index.</exception>
    internal DataBatch Next()
    {
        Release();
        int position = _consumed;
        if (position >= _indices.Length)
        {
            throw new InvalidOperationException($"All {_indices.Length} batches were already delivered.");
        }
        (DataBatch? Batch, ExceptionDispatchInfo? Error) result;
        if (_threads.Count == 0)
        {
            result = Build(position);
            _consumed++;
        }
        else
        {
            lock (_gate)
            {
                while (!_ready.Remove(position, out result))
                {
                    Monitor.Wait(_gate);
                }
                // Under the lock: a worker waiting for room must see the new count when it wakes.
                _consumed++;
                Monitor.PulseAll(_gate);
            }
        }
        if (result.Error is not null)
        {
            var inner = result.Error.SourceException;
            throw new InvalidOperationException(
                $"{_sequence.GetType().Name}.GetBatch({_indices[position]}) failed: {inner.Message}", inner);
        }
        _delivered = result.Batch;
        return _delivered!;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.PulseAll(_gate);
        }
        foreach (var thread in _threads)
        {
            thread.Join();
        }
        Release();
        foreach (var (batch, _) in _ready.Values)
        {
            if (batch is not null)
            {
                BatchTensors.Dispose(batch);
            }
        }
        _ready.Clear();
    }

    private void Release()
    {
        if (_delivered is not null)
        {
            BatchTensors.Dispose(_delivered);
            _delivered = null;
        }
    }

    private void Work()
    {
        while (true)
        {
            int position;
            lock (_gate)
            {
                while (!_stopping && _claimed < _indices.Length && _claimed - _consumed >= _sequence.MaxQueueSize)
                {
                    Monitor.Wait(_gate);
                }
                if (_stopping || _claimed >= _indices.Length)
                {
                    return;
                }
                position = _claimed++;
            }
            var result = Build(position);
            lock (_gate)
            {
                _ready[position] = result;
                Monitor.PulseAll(_gate);
            }
        }
    }

    // A scope per batch frees the temporaries GetBatch made; the returned tensors leave it for the consumer.
    private (DataBatch? Batch, ExceptionDispatchInfo? Error) Build(int position)
    {
        try
        {
            using var scope = torch.NewDisposeScope();
            var batch = _sequence.GetBatch(_indices[position]) ?? throw new InvalidOperationException(
                "GetBatch returned null; expected a DataBatch.");
            return (BatchTensors.Detach(batch), null);
        }
        catch (Exception e)
        {
            return (null, ExceptionDispatchInfo.Capture(e));
        }
    }
}
