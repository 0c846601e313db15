namespace Keras.Data;

/// <summary>A source of whole batches by index, for <c>Fit</c>, <c>Evaluate</c> and <c>Predict</c>
/// (Keras' <c>keras.utils.PyDataset</c>): subclass it to load data that does not fit in memory.</summary>
/// <remarks>
/// <para>The engine asks for every index of <c>0..Count-1</c> once per pass (in a shuffled order when <c>Fit</c>'s
/// <c>shuffle</c> is true) and calls <see cref="OnEpochEnd"/> after each complete pass, once the workers are drained.</para>
/// <para>With <see cref="Workers"/> &gt; 0, that many background threads call <see cref="GetBatch"/> ahead of the
/// training step, at most <see cref="MaxQueueSize"/> batches ahead, and the batches are delivered in order, so results
/// do not depend on thread scheduling. <see cref="GetBatch"/> must therefore be safe to call from several threads.
/// With 0 workers batches are built on the training thread. Multiprocessing is not offered.</para>
/// </remarks>
/// <example><code>
/// sealed class Squares(int batches) : Sequence(workers: 2)
/// {
///     public override int Count =&gt; batches;
///     public override DataBatch GetBatch(int index)
///     {
///         var x = torch.arange(index * 32, index * 32 + 32, dtype: torch.float32).reshape(32, 1);
///         return new DataBatch(x, x * x);
///     }
/// }
/// model.Fit(new Squares(100), epochs: 5);
/// </code></example>
public abstract class Sequence
{
    /// <summary>Creates the sequence with its prefetch settings.</summary>
    /// <param name="workers">Background threads building batches; 0 builds them on the training thread. Defaults to 1.</param>
    /// <param name="maxQueueSize">The most batches built ahead of the training step. Defaults to 10.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative worker count or a queue size below 1.</exception>
    protected Sequence(int workers = 1, int maxQueueSize = 10)
    {
        if (workers < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(workers), workers,
                $"`workers` must be 0 or more. Received: workers={workers}");
        }
        if (maxQueueSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxQueueSize), maxQueueSize,
                $"`max_queue_size` must be at least 1. Received: max_queue_size={maxQueueSize}");
        }
        Workers = workers;
        MaxQueueSize = maxQueueSize;
    }

    /// <summary>Background threads that build batches ahead of the training step (0: on the training thread).</summary>
    public int Workers { get; }

    /// <summary>The most batches built ahead of the training step.</summary>
    public int MaxQueueSize { get; }

    /// <summary>The number of batches in one pass (Keras' <c>__len__</c>).</summary>
    public abstract int Count { get; }

    /// <summary>Builds batch <paramref name="index"/> (Keras' <c>__getitem__</c>).</summary>
    /// <param name="index">The batch index, in <c>0..Count-1</c>.</param>
    /// <returns>A batch of fresh tensors: the engine disposes them after the step that used them.</returns>
    public abstract DataBatch GetBatch(int index);

    /// <summary>Called after each complete pass over the batches, once no worker is running (reshuffle here).</summary>
    public virtual void OnEpochEnd()
    {
    }
}
