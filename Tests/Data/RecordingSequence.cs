using System.Collections.Concurrent;
using Keras.Data;

namespace Keras.Tests.Data;

/// <summary>A <see cref="Sequence"/> whose batch i holds the value i (x) and 2i (y), records every call and every
/// tensor it hands out, and can be slow or fail on chosen batches.</summary>
internal sealed class RecordingSequence(int count, int workers = 0, int maxQueueSize = 10, int batchSize = 4)
    : Sequence(workers, maxQueueSize)
{
    internal ConcurrentQueue<int> Calls { get; } = new();
    internal ConcurrentBag<Tensor> Created { get; } = [];
    internal int EpochEnds { get; private set; }
    internal Func<int, int> DelayMs { get; init; } = _ => 0;
    internal int? FailAt { get; init; }

    public override int Count => count;

    public override DataBatch GetBatch(int index)
    {
        Calls.Enqueue(index);
        Thread.Sleep(DelayMs(index));
        if (index == FailAt)
        {
            throw new IOException($"cannot read batch {index}");
        }
        var x = torch.full([batchSize, 1], (float)index);
        var y = x * 2;
        Created.Add(x);
        Created.Add(y);
        return new DataBatch(x, y);
    }

    public override void OnEpochEnd() => EpochEnds++;
}
