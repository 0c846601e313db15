using Keras.Data;

namespace Keras.Tests.KerasUtils;

public sealed class TimeseriesDatasetTests
{
    [Fact]
    public void DocstringExample1_StrideAndSamplingRate()
    {
        var indices = Enumerable.Range(0, 99).Select(i => (float)i).ToArray();

        var ds = Keras.Utils.TimeseriesDatasetFromArray(indices, null, sequenceLength: 10, sequenceStride: 3,
            samplingRate: 2, batchSize: null);

        var windows = Windows(ds);
        Assert.Equal(27, windows.Count);
        Assert.Equal([0f, 2, 4, 6, 8, 10, 12, 14, 16, 18], windows[0]);
        Assert.Equal([3f, 5, 7, 9, 11, 13, 15, 17, 19, 21], windows[1]);
        Assert.Equal([6f, 8, 10, 12, 14, 16, 18, 20, 22, 24], windows[2]);
        Assert.Equal([78f, 80, 82, 84, 86, 88, 90, 92, 94, 96], windows[^1]);
    }

    [Fact]
    public void DocstringExample2_TemporalRegressionTargets()
    {
        var data = Enumerable.Range(0, 50).Select(i => i * 0.5f).ToArray();

        var ds = Keras.Utils.TimeseriesDatasetFromArray(data[..^10], data[10..], sequenceLength: 10);

        Assert.Equal(1, ds.Count);
        using var scope = torch.NewDisposeScope();
        var batch = ds.GetBatch(0);
        Assert.Equal([31L, 10], batch.X.shape);
        Assert.Equal(data[..10], batch.X[0].data<float>().ToArray());
        Assert.Equal(data[10], batch.Y![0].ToSingle());
        Assert.Equal(data[40], batch.Y[30].ToSingle());
    }

    [Fact]
    public void DocstringExample3_NonOverlappingWindowsOfFeatures()
    {
        var x = new float[100, 2];
        for (int i = 0; i < 100; i++)
        {
            x[i, 0] = i;
            x[i, 1] = 2 * i;
        }

        var ds = Keras.Utils.TimeseriesDatasetFromArray(x, null, sequenceLength: 20, sequenceStride: 20,
            batchSize: 2);

        Assert.Equal(3, ds.Count);
        using var scope = torch.NewDisposeScope();
        var batch = ds.GetBatch(0);
        Assert.Equal([2L, 20, 2], batch.X.shape);
        Assert.Equal(20f, batch.X[1, 0, 0].ToSingle());
        Assert.Equal(78f, batch.X[1, 19, 1].ToSingle());
        Assert.Equal([1L, 20, 2], ds.GetBatch(2).X.shape);
    }

    [Fact]
    public void StartAndEndIndex_LimitTheSteps()
    {
        var data = Enumerable.Range(0, 30).ToArray();
        var targets = Enumerable.Range(100, 30).ToArray();

        var ds = Keras.Utils.TimeseriesDatasetFromArray(data, targets, sequenceLength: 4, startIndex: 5,
            endIndex: 15, batchSize: null);

        var windows = Windows(ds);
        Assert.Equal(7, windows.Count);
        Assert.Equal([5f, 6, 7, 8], windows[0]);
        Assert.Equal([11f, 12, 13, 14], windows[^1]);
        using var scope = torch.NewDisposeScope();
        Assert.Equal(105, ds.GetBatch(0).Y!.ToInt32());
        Assert.Equal(torch.int32, ds.GetBatch(0).X.dtype);
    }

    public static TheoryData<int> ShuffleCases() => [0, 1];

    [Theory]
    [MemberData(nameof(ShuffleCases))]
    public void Shuffle_StartsAsKerasNumpyShuffle(int caseIndex)
    {
        var c = UtilsGolden.Cases("timeseries_shuffle").ElementAt(caseIndex);
        var data = Enumerable.Range(0, (int)c["n"]!).Select(i => (float)i).ToArray();
        var positions = UtilsGolden.Ints(c["positions"]);

        // A buffer of 8 single windows cannot reach far: the first window comes from Keras' first 8 starts.
        var ds = Keras.Utils.TimeseriesDatasetFromArray(data, data, (int)c["sequence_length"]!, (int)c["stride"]!,
            (int)c["rate"]!, batchSize: 1, shuffle: true, seed: (int)c["seed"]!);

        var starts = Windows(ds, batched: true).Select(w => (int)w[0]).ToList();
        Assert.Equal(positions.Order(), starts.Order());
        Assert.Contains(starts[0], positions.Take(8));
        Assert.Equal(starts, Windows(Keras.Utils.TimeseriesDatasetFromArray(data, data, (int)c["sequence_length"]!,
            (int)c["stride"]!, (int)c["rate"]!, batchSize: 1, shuffle: true, seed: (int)c["seed"]!), batched: true)
            .Select(w => (int)w[0]));
    }

    [Fact]
    public void Errors_AreKeras()
    {
        var data = new float[10];

        Assert.Contains("`start_index` must be lower than the length of the data", Assert.Throws<ArgumentException>(
            () => Keras.Utils.TimeseriesDatasetFromArray(data, null, 3, startIndex: 10)).Message);
        Assert.Contains("`end_index` must be higher than `start_index`", Assert.Throws<ArgumentException>(() =>
            Keras.Utils.TimeseriesDatasetFromArray(data, null, 3, startIndex: 5, endIndex: 4)).Message);
        Assert.Contains("`sampling_rate` must be higher than 0", Assert.Throws<ArgumentException>(() =>
            Keras.Utils.TimeseriesDatasetFromArray(data, null, 3, samplingRate: 0)).Message);
        Assert.Contains("`sequence_stride` must be lower than the length of the data", Assert.Throws<ArgumentException>(
            () => Keras.Utils.TimeseriesDatasetFromArray(data, null, 3, sequenceStride: 10)).Message);
    }

    private static List<float[]> Windows(Dataset ds, bool batched = false)
    {
        using var scope = torch.NewDisposeScope();
        var windows = new List<float[]>();
        for (int i = 0; i < ds.Count; i++)
        {
            var x = ds.GetBatch(i).X.to_type(torch.float32);
            if (!batched)
            {
                windows.Add(x.data<float>().ToArray());
                continue;
            }
            for (int r = 0; r < x.shape[0]; r++)
            {
                windows.Add(x[r].data<float>().ToArray());
            }
        }
        return windows;
    }
}
