using static TorchSharp.torch;

namespace Keras.Training;

/// <summary>Inputs, targets and sample weights as tensors on the device, with Keras' batching, shuffling and splitting.</summary>
internal sealed class TensorData : IDisposable
{
    private readonly List<Tensor> _owned = [];

    private TensorData(Tensor x, Tensor? y, Tensor? sampleWeight)
    {
        X = x;
        Y = y;
        SampleWeight = sampleWeight;
    }

    internal Tensor X { get; }
    internal Tensor? Y { get; }
    internal Tensor? SampleWeight { get; }
    internal long Count => X.shape[0];

    /// <summary>Converts user data once: inputs to the model's float dtype, integer targets to int64.</summary>
    internal static TensorData From(ArrayLike x, ArrayLike? y, ArrayLike? sampleWeight, string inputDType)
    {
        var data = new TensorData(Prepare(x, "x", inputDType, out var ownX, out var xConverted),
            null, null);
        if (ownX || xConverted)
        {
            data._owned.Add(data.X);
        }
        Tensor? yt = null;
        if (y is { IsEmpty: false } yv)
        {
            yt = Prepare(yv, "y", null, out var ownY, out var yConverted);
            if (ownY || yConverted)
            {
                data._owned.Add(yt);
            }
        }
        Tensor? sw = null;
        if (sampleWeight is { IsEmpty: false } swv)
        {
            sw = Prepare(swv, "sample_weight", "float32", out var ownW, out var wConverted);
            if (ownW || wConverted)
            {
                data._owned.Add(sw);
            }
        }
        var result = new TensorData(data.X, yt, sw);
        result._owned.AddRange(data._owned);
        result.CheckCardinality();
        return result;
    }

    /// <summary>Wraps tensors the caller keeps owning (validation splits are views of the training data).</summary>
    internal static TensorData View(Tensor x, Tensor? y, Tensor? sampleWeight) => new(x, y, sampleWeight);

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
        long valCount = Count - splitAt;
        var train = View(X.narrow(0, 0, splitAt), Y?.narrow(0, 0, splitAt), SampleWeight?.narrow(0, 0, splitAt));
        var val = View(X.narrow(0, splitAt, valCount), Y?.narrow(0, splitAt, valCount),
            SampleWeight?.narrow(0, splitAt, valCount));
        train._owned.AddRange([train.X, .. Optional(train.Y), .. Optional(train.SampleWeight)]);
        val._owned.AddRange([val.X, .. Optional(val.Y), .. Optional(val.SampleWeight)]);
        return (train, val);
    }

    /// <summary>Marks <paramref name="tensor"/> as owned: it is disposed with this data.</summary>
    internal TensorData WithOwned(Tensor tensor)
    {
        _owned.Add(tensor);
        return this;
    }

    internal int Steps(int batchSize) => (int)((Count + batchSize - 1) / batchSize);

    /// <summary>This epoch's order: a shuffled copy (freed with the caller's scope) or the data itself.</summary>
    internal TensorData ForEpoch(bool shuffle)
    {
        if (!shuffle)
        {
            return this;
        }
        var perm = Ops.RandomPermutation(Count).to(X.device);
        return View(X.index_select(0, perm), Y?.index_select(0, perm), SampleWeight?.index_select(0, perm));
    }

    /// <summary>The <paramref name="step"/>-th batch as views (no copy).</summary>
    internal (Tensor X, Tensor? Y, Tensor? SampleWeight) Batch(int step, int batchSize)
    {
        long start = (long)step * batchSize;
        long length = Math.Min(batchSize, Count - start);
        return (X.narrow(0, start, length), Y?.narrow(0, start, length), SampleWeight?.narrow(0, start, length));
    }

    public void Dispose()
    {
        foreach (var t in _owned)
        {
            t.Dispose();
        }
        _owned.Clear();
    }

    private static IEnumerable<Tensor> Optional(Tensor? t) => t is null ? [] : [t];

    private void CheckCardinality()
    {
        var sizes = new List<string> { $"'x' sizes: {Count}" };
        bool mismatch = false;
        if (Y is not null)
        {
            sizes.Add($"'y' sizes: {Y.shape[0]}");
            mismatch |= Y.dim() == 0 || Y.shape[0] != Count;
        }
        if (SampleWeight is not null)
        {
            sizes.Add($"'sample_weight' sizes: {SampleWeight.shape[0]}");
            mismatch |= SampleWeight.dim() == 0 || SampleWeight.shape[0] != Count;
        }
        if (mismatch)
        {
            throw new ArgumentException(
                "Data cardinality is ambiguous. Make sure all arrays contain the same number of samples. " +
                string.Join(" ", sizes));
        }
    }

    private static Tensor Prepare(ArrayLike value, string name, string? floatDType, out bool owned, out bool converted)
    {
        var t = value.ToTensor(name, out owned);
        if (t.dim() == 0)
        {
            if (owned)
            {
                t.Dispose();
            }
            throw new ArgumentException($"Argument `{name}` must have a batch dimension; received a scalar.", name);
        }
        converted = false;
        ScalarType? target = null;
        if (floatDType is not null && !Ops.IsFloat(t) && floatDType.StartsWith("float", StringComparison.Ordinal))
        {
            target = Ops.DType(floatDType);
        }
        else if (floatDType is null && !Ops.IsFloat(t) && t.dtype != ScalarType.Int64 && t.dtype != ScalarType.Bool)
        {
            target = ScalarType.Int64;
        }
        if (target is null)
        {
            return t;
        }
        var cast = t.to_type(target.Value).DetachFromDisposeScope();
        if (owned)
        {
            t.Dispose();
        }
        converted = true;
        return cast;
    }
}
