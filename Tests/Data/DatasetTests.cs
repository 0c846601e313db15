using Keras.Data;

namespace Keras.Tests.Data;

[Collection(SerialCollection.Name)]
public class DatasetTests
{
    private static float[,] Column(int n)
    {
        var x = new float[n, 1];
        for (int i = 0; i < n; i++)
        {
            x[i, 0] = i;
        }
        return x;
    }

    // The sample values of one pass, batch by batch.
    private static List<float[]> Pass(Dataset ds) => ds.Select(b => b.X.reshape(-1).data<float>().ToArray()).ToList();

    private static int[] Flat(Dataset ds) => Pass(ds).SelectMany(b => b).Select(v => (int)v).ToArray();

    [Fact]
    public void FromArrays_Batch_GivesRowsInOrder_WithShortLastBatch()
    {
        var ds = Dataset.FromArrays(Column(10), Column(10)).Batch(4);
        Assert.Equal(3, ds.Count);
        Assert.Equal(3L, ds.Cardinality);
        var batches = Pass(ds);
        Assert.Equal([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]], batches);
        using var first = ds.GetBatch(0).Y!;
        Assert.Equal([4L, 1L], first.shape);
    }

    [Fact]
    public void Batch_DropRemainder_DropsTheShortBatch()
    {
        var ds = Dataset.FromArrays(Column(10)).Batch(4, dropRemainder: true);
        Assert.Equal(2, ds.Count);
        Assert.Equal(Enumerable.Range(0, 8).ToArray(), Flat(ds));
    }

    [Fact]
    public void TakeAndSkip_SelectRanges_AtTheLevelTheyAreApplied()
    {
        var samples = Dataset.FromArrays(Column(10));
        Assert.Equal([3, 4, 5], Flat(samples.Skip(3).Take(3).Batch(2)));
        Assert.Equal([4, 5, 6, 7, 8, 9], Flat(samples.Batch(2).Skip(2)));
        Assert.Equal(0, samples.Skip(20).Count);
        Assert.Equal(10, samples.Take(20).Count);
    }

    [Fact]
    public void Map_BeforeBatch_AppliesPerElement_AfterBatch_PerBatch()
    {
        var perElement = Dataset.FromArrays(Column(6)).Map(e => new DataBatch(e.X.unsqueeze(0) + 100)).Batch(3);
        Assert.Equal([100, 101, 102, 103, 104, 105], Flat(perElement.Map(b => new DataBatch(b.X.squeeze(1)))));
        var perBatch = Dataset.FromArrays(Column(6)).Batch(3).Map(b => new DataBatch(b.X - b.X.min()));
        Assert.Equal([0, 1, 2, 0, 1, 2], Flat(perBatch));
    }

    [Fact]
    public void FromFunction_BuildsElementsOnDemand_AndBatchStacksThem()
    {
        var calls = new List<int>();
        var ds = Dataset.FromFunction(5, i =>
        {
            calls.Add(i);
            return new DataBatch(torch.full([2], (float)i), torch.tensor((long)i));
        }).Batch(2);
        Assert.Empty(calls);
        var batch = ds.GetBatch(1);
        Assert.Equal([2, 3], calls);
        Assert.Equal([2L, 2L], batch.X.shape);
        Assert.Equal([2L, 3L], batch.Y!.data<long>().ToArray());
    }

    [Fact]
    public void Shuffle_BufferOfOne_KeepsTheOrder()
    {
        Assert.Equal(Enumerable.Range(0, 20).ToArray(), Flat(Dataset.FromArrays(Column(20)).Shuffle(1, seed: 3).Batch(5)));
    }

    [Fact]
    public void Shuffle_NeverEmitsAnElementBeyondTheBuffer()
    {
        // tf.data semantics: output j is drawn from a buffer holding input elements < j + bufferSize.
        const int n = 200, buffer = 8;
        var order = Flat(Dataset.FromArrays(Column(n)).Shuffle(buffer, seed: 5).Batch(16));
        Assert.Equal(Enumerable.Range(0, n), order.Order());
        Assert.All(order.Select((value, j) => (value, j)), p => Assert.True(p.value < p.j + buffer, $"{p.value} at {p.j}"));
        Assert.NotEqual(Enumerable.Range(0, n).ToArray(), order);
    }

    [Fact]
    public void Shuffle_FullBuffer_IsAPermutation_ReproducibleBySeed_AndNewEachPass()
    {
        var ds = Dataset.FromArrays(Column(50)).Shuffle(50, seed: 11).Batch(10);
        var first = Flat(ds);
        var second = Flat(ds);
        Assert.Equal(Enumerable.Range(0, 50), first.Order());
        Assert.NotEqual(first, second);
        var again = Dataset.FromArrays(Column(50)).Shuffle(50, seed: 11).Batch(10);
        Assert.Equal(first, Flat(again));
        Assert.Equal(second, Flat(again));
        var fixedOrder = Dataset.FromArrays(Column(50)).Shuffle(50, seed: 11, reshuffleEachIteration: false).Batch(10);
        Assert.Equal(Flat(fixedOrder), Flat(fixedOrder));
    }

    [Fact]
    public void Shuffle_WithoutSeed_FollowsTheGlobalSeed()
    {
        Utils.SetRandomSeed(7);
        var a = Flat(Dataset.FromArrays(Column(30)).Shuffle(30).Batch(30));
        Utils.SetRandomSeed(7);
        var b = Flat(Dataset.FromArrays(Column(30)).Shuffle(30).Batch(30));
        Assert.Equal(a, b);
    }

    [Fact]
    public void SeededMap_DependsOnSeedAndPass_NotOnWorkers()
    {
        Dataset Noisy(int workers) => Dataset.FromArrays(Column(40)).Batch(4)
            .Map((b, random) => new DataBatch(b.X + random.Next(1000)), seed: 9)
            .Prefetch(3, workers);
        var sync = Noisy(0);
        var parallel = Noisy(4);
        var pass1 = Flat(sync);
        Assert.Equal(pass1, Flat(parallel));
        var pass2 = Flat(sync);
        Assert.Equal(pass2, Flat(parallel));
        Assert.NotEqual(pass1, pass2);
    }

    [Fact]
    public void Prefetch_WithSlowAndFastElements_KeepsTheOrder()
    {
        var ds = Dataset.FromFunction(24, i =>
        {
            Thread.Sleep(i % 3 == 0 ? 15 : 0);
            return new DataBatch(torch.full([1], (float)i));
        }).Batch(2);
        var expected = Flat(ds);
        Assert.Equal(Enumerable.Range(0, 24).ToArray(), expected);
        Assert.Equal(expected, Flat(ds.Prefetch(2, workers: 4)));
        Assert.Equal(expected, Flat(ds.Prefetch(10, workers: 1)));
    }

    [Fact]
    public void WithClassNames_IsKeptThroughThePipeline()
    {
        var ds = Dataset.FromArrays(Column(4)).WithClassNames(["cat", "dog"]).Shuffle(4, seed: 1).Batch(2).Prefetch(2);
        Assert.Equal(["cat", "dog"], ds.ClassNames!);
        Assert.Null(Dataset.FromArrays(Column(4)).ClassNames);
    }

    [Fact]
    public void Ctor_Defaults_NoPrefetchUntilAsked()
    {
        var ds = Dataset.FromArrays(Column(4));
        Assert.Equal(0, ds.Workers);
        var prefetched = ds.Prefetch(6);
        Assert.Equal(1, prefetched.Workers);
        Assert.Equal(6, prefetched.MaxQueueSize);
        var sequence = new RecordingSequence(3, workers: 1);
        Assert.Equal(1, sequence.Workers);
        Assert.Equal(10, sequence.MaxQueueSize);
    }

    [Fact]
    public void InvalidArguments_AreRejected_WithTheValue()
    {
        var ds = Dataset.FromArrays(Column(4));
        Assert.Contains("batch_size=0", Assert.Throws<ArgumentOutOfRangeException>(() => ds.Batch(0)).Message);
        Assert.Contains("buffer_size=0", Assert.Throws<ArgumentOutOfRangeException>(() => ds.Shuffle(0)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ds.Prefetch(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ds.GetBatch(4));
        var e = Assert.Throws<ArgumentException>(() => Dataset.FromArrays(Column(4), Column(5)));
        Assert.Contains("'y' size: 5", e.Message);
    }

    [Fact]
    public void Batch_OfDifferentStructures_NamesTheElement()
    {
        var ds = Dataset.FromFunction(3, i => i == 2
            ? new DataBatch(torch.zeros(1), torch.zeros(1))
            : new DataBatch(torch.zeros(1))).Batch(3);
        var e = Assert.Throws<ArgumentException>(() => ds.GetBatch(0));
        Assert.Contains("element 2", e.Message);
    }
}
