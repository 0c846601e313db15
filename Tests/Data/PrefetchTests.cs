using Keras.Data;
using Keras.Layers;

namespace Keras.Tests.Data;

[Collection(SerialCollection.Name)]
public class PrefetchTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    public async Task SmallQueues_DeliverEveryBatchInOrder_WithoutDeadlock(int workers, int queue)
    {
        var sequence = new RecordingSequence(300, workers, queue, batchSize: 1);
        var ds = Dataset.FromFunction(sequence.Count, sequence.GetBatch).Prefetch(queue, workers);
        // A stalled prefetcher fails with a TimeoutException instead of hanging the test run.
        var values = await Task.Run(() => ds.Select(b => (int)b.X.item<float>()).ToArray())
            .WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(Enumerable.Range(0, 300).ToArray(), values);
    }

    [Fact]
    public void Predict_OnASlowAndFastSequence_KeepsTheBatchOrder_ForAnyWorkerCount()
    {
        Utils.SetRandomSeed(1);
        using var model = new Sequential(new Input([1]), new Dense(1));
        var values = new float[40, 1];
        for (int i = 0; i < 40; i++)
        {
            values[i, 0] = i / 4;
        }
        using var expected = model.Predict(values, verbose: 0);
        foreach (int workers in new[] { 0, 1, 4 })
        {
            var sequence = new RecordingSequence(10, workers, maxQueueSize: 3)
            {
                DelayMs = i => i % 3 == 0 ? 20 : 0,
            };
            using var predicted = model.Predict(sequence, verbose: 0);
            Assert.Equal(expected.data<float>().ToArray(), predicted.data<float>().ToArray());
        }
    }

    [Fact]
    public void Enumeration_LeftEarly_StopsTheWorkers_AndFreesTheQueuedBatches()
    {
        var sequence = new RecordingSequence(100, batchSize: 2);
        var ds = Dataset.FromFunction(sequence.Count, sequence.GetBatch).Prefetch(6, workers: 2);
        foreach (var batch in ds)
        {
            Assert.Equal(0f, batch.X[0, 0].item<float>());
            break;
        }
        int calls = sequence.Calls.Count;
        Assert.InRange(calls, 1, 1 + 6 + 2);
        Thread.Sleep(50);
        Assert.Equal(calls, sequence.Calls.Count);
        Assert.All(sequence.Created, t => Assert.True(t.IsInvalid, "a queued batch was not disposed"));
    }

    [Fact]
    public void Enumeration_DisposesEachBatch_WhenTheLoopMovesOn()
    {
        var sequence = new RecordingSequence(5, batchSize: 2);
        var seen = new List<Tensor>();
        foreach (var batch in Dataset.FromFunction(sequence.Count, sequence.GetBatch).Prefetch(2))
        {
            seen.Add(batch.X);
            Assert.False(batch.X.IsInvalid);
        }
        Assert.Equal(5, seen.Count);
        Assert.All(seen, t => Assert.True(t.IsInvalid));
    }
}
