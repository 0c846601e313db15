using static TorchSharp.torch;

namespace Keras.Training;

/// <summary>Inputs, targets and sample weights as tensors on the device, with Keras' batching, shuffling and splitting.</summary>
internal sealed class TensorData : IDisposable
{
    private readonly List<Tensor> _owned = [];

    private TensorData(IReadOnlyList<Tensor> xs, IReadOnlyList<Tensor>? ys, Tensor? sampleWeight)
    {
        Xs = xs;
        Ys = ys;
        SampleWeight = sampleWeight;
    }

    internal IReadOnlyList<Tensor> Xs { get; }
    internal IReadOnlyList<Tensor>? Ys { get; }
    internal Tensor? SampleWeight { get; }
    internal long Count => Xs[0].shape[0];

    /// <summary>Converts user data once: inputs to each input's float dtype, integer targets to int64.</summary>
    internal static TensorData From(IReadOnlyList<ArrayLike> xs, IReadOnlyList<ArrayLike>? ys, ArrayLike? sampleWeight,
        IReadOnlyList<string> inputDTypes)
    {
        var owned = new List<Tensor>();
        try
        {
            var xt = xs.Select((x, i) => Prepare(x, xs.Count == 1 ? "x" : $"x[{i}]", inputDTypes[i], owned)).ToList();
            var yt = ys?.Select((y, i) => Prepare(y, ys.Count == 1 ? "y" : $"y[{i}]", null, owned)).ToList();
            Tensor? sw = sampleWeight is { IsEmpty: false } w ? Prepare(w, "sample_weight", "float32", owned) : null;
            var data = new TensorData(xt, yt, sw);
            data._owned.AddRange(owned);
            data.CheckCardinality();
            return data;
        }
        catch
        {
            foreach (var t in owned)
            {
                t.Dispose();
            }
            throw;
        }
    }

    /// <summary>Wraps tensors the caller keeps owning.</summary>
    internal static TensorData View(IReadOnlyList<Tensor> xs, IReadOnlyList<Tensor>? ys, Tensor? sampleWeight) =>
        new(xs, ys, sampleWeight);

    /// <summary>Keras' <c>validation_split</c>: the last fraction of the samples, taken before shuffling.</summary>
    internal (TensorData Train, TensorData Validation) Split(double validationSplit)
    {
        if (!(validationSplit > 0 && validationSplit < 1))
        {
            throw new ArgumentException(
                $"`validation_split` must be between 0 and 1 (exclusive). Received: validation_split={validationSplit}",
                nameof(validationSplit));
        }
        long splitAt = (long)Math.Floor(Count * (1.0 - validationSplit));
        if (splitAt <= 0 || splitAt >= Count)
        {
            throw new ArgumentException(
                $"Training data contains {Count} samples, which is not sufficient to split it into a validation and " +
                $"training set as specified by `validation_split={validationSplit}`. Either provide more data, or a " +
                "different value for the `validation_split` argument.");
        }
        return (Slice(0, splitAt), Slice(splitAt, Count - splitAt));
    }

    internal int Steps(int batchSize) => (int)((Count + batchSize - 1) / batchSize);

    /// <summary>The <paramref name="step"/>-th batch of the order given by <paramref name="permutation"/> (copies of
    /// just those rows), in the caller's dispose scope.</summary>
    internal DataBatch Gather(Tensor permutation, int step, int batchSize)
    {
        long start = (long)step * batchSize;
        long length = Math.Min(batchSize, Count - start);
        var rows = permutation.narrow(0, start, length);
        return new DataBatch(
            Xs.Select(x => x.index_select(0, rows)).ToList(),
            Ys?.Select(y => y.index_select(0, rows)).ToList(),
            SampleWeight?.index_select(0, rows));
    }

    /// <summary>The <paramref name="step"/>-th batch as views (no copy), in the caller's dispose scope.</summary>
    internal DataBatch Batch(int step, int batchSize)
    {
        long start = (long)step * batchSize;
        long length = Math.Min(batchSize, Count - start);
        return new DataBatch(
            Xs.Select(x => x.narrow(0, start, length)).ToList(),
            Ys?.Select(y => y.narrow(0, start, length)).ToList(),
            SampleWeight?.narrow(0, start, length));
    }

    /// <summary>Marks <paramref name="tensor"/> as owned: it is disposed with this data.</summary>
    internal TensorData WithOwned(Tensor tensor)
    {
        _owned.Add(tensor);
        return this;
    }

    public void Dispose()
    {
        foreach (var t in _owned)
        {
            t.Dispose();
        }
        _owned.Clear();
    }

    private TensorData Slice(long start, long length)
    {
        var slice = new TensorData(
            Xs.Select(x => x.narrow(0, start, length)).ToList(),
            Ys?.Select(y => y.narrow(0, start, length)).ToList(),
            SampleWeight?.narrow(0, start, length));
        slice.OwnAll();
        return slice;
    }

    private void OwnAll()
    {
        _owned.AddRange(Xs);
        if (Ys is not null)
        {
            _owned.AddRange(Ys);
        }
        if (SampleWeight is not null)
        {
            _owned.Add(SampleWeight);
        }
    }

    private void CheckCardinality()
    {
        var sizes = new List<string>();
        var all = new List<(string Name, Tensor Tensor)>();
        all.AddRange(Xs.Select(x => ("x", x)));
        all.AddRange((Ys ?? []).Select(y => ("y", y)));
        if (SampleWeight is not null)
        {
            all.Add(("sample_weight", SampleWeight));
        }
        bool mismatch = all.Any(a => a.Tensor.shape[0] != Count);
        if (mismatch)
        {
            foreach (var group in all.GroupBy(a => a.Name))
            {
                sizes.Add($"'{group.Key}' sizes: {string.Join(", ", group.Select(g => g.Tensor.shape[0]))}");
            }
            throw new ArgumentException(
                "Data cardinality is ambiguous. Make sure all arrays contain the same number of samples. " +
                string.Join(" ", sizes));
        }
    }

    private static Tensor Prepare(ArrayLike value, string name, string? floatDType, List<Tensor> owned)
    {
        var t = value.ToTensor(name, out bool isOwned);
        if (isOwned)
        {
            owned.Add(t);
        }
        if (t.dim() == 0)
        {
            throw new ArgumentException($"Argument `{name}` must have a batch dimension; received a scalar.", name);
        }
        ScalarType? target = null;
        if (floatDType is not null && floatDType.StartsWith("float", StringComparison.Ordinal) && !Ops.IsFloat(t))
        {
            target = Ops.DType(floatDType);
        }
        else if (floatDType is null && !Ops.IsFloat(t) && t.dtype != ScalarType.Int64 && t.dtype != ScalarType.Bool)
        {
            target = ScalarType.Int64;
        }
        else if (floatDType is not null && !floatDType.StartsWith("float", StringComparison.Ordinal) &&
                 t.dtype != Ops.DType(floatDType))
        {
            target = Ops.DType(floatDType);
        }
        if (target is null)
        {
            return t;
        }
        var cast = t.to_type(target.Value).DetachFromDisposeScope();
        owned.Add(cast);
        return cast;
    }
}
