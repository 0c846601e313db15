using Keras.Initializers;

namespace Keras.Layers;

/// <summary>Shifts and scales inputs to zero mean and unit variance: <c>(x - mean) / sqrt(variance)</c>
/// (<c>keras.layers.Normalization</c>).</summary>
/// <remarks>
/// The statistics are either given to the constructor (then they are constants, not weights) or learned by
/// <see cref="Adapt(ArrayLike)"/>, which stores them as the non-trainable weights <c>mean</c>, <c>variance</c> and
/// <c>count</c> (Keras' layout, so saved models load). The <c>axis</c> entries are kept (one statistic per index);
/// every other axis is reduced. The divisor is <c>max(sqrt(variance), 1e-7)</c>. Calling the layer before
/// <see cref="Adapt(ArrayLike)"/> without given statistics is an error (Keras silently passes inputs through).
/// </remarks>
/// <example><code>
/// var norm = new Normalization();               // one mean/variance per feature (last axis)
/// norm.Adapt(xTrain);                           // float[,] or a tensor; a list [b1, b2] is read as batches
/// var model = new Sequential(new Input([8]), norm, new Dense(1));
///
/// var fixedStats = new Normalization(mean: [0.485, 0.456, 0.406], variance: [0.052, 0.050, 0.051]);
/// </code></example>
public sealed class Normalization : Layer
{
    private readonly int[] _axis;
    private readonly double[]? _inputMean;
    private readonly double[]? _inputVariance;
    private readonly int[] _statShape;
    private Tensor? _mean;
    private Tensor? _variance;
    private int[] _keepAxis = [];
    private long[] _broadcastShape = [];
    private Variable? _adaptMean;
    private Variable? _adaptVariance;
    private bool _ready;

    /// <summary>Creates the layer.</summary>
    /// <param name="axis">The axes that keep one statistic per index. Defaults to <c>[-1]</c> (features on the last
    /// axis); an empty array normalizes by one scalar mean and variance (Keras' <c>axis=None</c>).</param>
    /// <param name="mean">The mean per index of the kept axes (broadcast to them), or null to learn it with
    /// <see cref="Adapt(ArrayLike)"/>. Must be given together with <paramref name="variance"/>.</param>
    /// <param name="variance">The variance, shaped like <paramref name="mean"/>.</param>
    /// <param name="invert">Apply the inverse, <c>mean + x * sqrt(variance)</c>, to de-normalize. Defaults to false.</param>
    /// <param name="name">The layer name. Defaults to <c>normalization</c>, ...</param>
    public Normalization(int[]? axis = null, double[]? mean = null, double[]? variance = null, bool invert = false,
        string? name = null)
        : this(axis, mean, variance, mean is null ? [] : [mean.Length], invert, name)
    {
    }

    /// <summary>Creates the layer with one scalar mean and variance for every value.</summary>
    /// <param name="mean">The mean.</param>
    /// <param name="variance">The variance.</param>
    /// <param name="axis">The kept axes (the statistics broadcast over them). Defaults to <c>[-1]</c>.</param>
    /// <param name="invert">Apply the inverse transformation. Defaults to false.</param>
    /// <param name="name">The layer name. Defaults to <c>normalization</c>, ...</param>
    public Normalization(double mean, double variance, int[]? axis = null, bool invert = false, string? name = null)
        : this(axis, [mean], [variance], [], invert, name)
    {
    }

    /// <summary>The general form: statistics of any shape (<paramref name="statShape"/>, empty for a scalar).</summary>
    internal Normalization(int[]? axis, double[]? mean, double[]? variance, int[] statShape, bool invert,
        string? name)
        : base(name)
    {
        _axis = axis is null ? [-1] : (int[])axis.Clone();
        if ((mean is null) != (variance is null))
        {
            throw new ArgumentException(
                "When setting values directly, both `mean` and `variance` must be set. " +
                $"Received: mean={Describe(mean)} and variance={Describe(variance)}",
                mean is null ? nameof(mean) : nameof(variance));
        }
        if (mean is not null && mean.Length != variance!.Length)
        {
            throw new ArgumentException(
                "When setting values directly, `mean` and `variance` must have the same shape. " +
                $"Received: mean shape ({mean.Length},) and variance shape ({variance.Length},)", nameof(variance));
        }
        if (mean is not null && statShape.Length > _axis.Length)
        {
            throw new ArgumentException(
                $"The rank of `mean` must be less than or equal to the number of axes ({_axis.Length}). " +
                $"Received: mean shape {new Shape(statShape.Select(d => (int?)d).ToArray())} for axis " +
                $"({string.Join(", ", _axis)})", nameof(mean));
        }
        _inputMean = mean is null ? null : (double[])mean.Clone();
        _inputVariance = variance is null ? null : (double[])variance.Clone();
        _statShape = (int[])statShape.Clone();
        Invert = invert;
        _ready = mean is not null;
        SupportsMasking = true;
    }

    /// <summary>The kept axes (empty for a scalar mean and variance).</summary>
    public IReadOnlyList<int> Axis => _axis;

    /// <summary>Whether the layer de-normalizes.</summary>
    public bool Invert { get; }

    /// <summary>The learned mean (a non-trainable weight), or null when statistics were given or before building.</summary>
    public Variable? AdaptMean => _adaptMean;

    /// <summary>The learned variance (a non-trainable weight), or null when statistics were given or before building.</summary>
    public Variable? AdaptVariance => _adaptVariance;

    /// <summary>Computes the mean and (biased) variance of <paramref name="data"/> over every axis but the kept ones
    /// and stores them in the layer's weights.</summary>
    /// <param name="data">A .NET array or a tensor holding the whole data set; a list (<c>[batch1, batch2]</c>) is
    /// read as batches and combined as Keras does.</param>
    /// <exception cref="ArgumentException">The data's kept dimensions differ from the built ones.</exception>
    public void Adapt(ArrayLike data)
    {
        if (data.IsList)
        {
            AdaptBatches(data.Items.Select(item => (item, true)));
            return;
        }
        AdaptBatches([(data, false)]);
    }

    /// <summary>Computes the mean and variance over a sequence of batches (Keras' <c>adapt</c> on a dataset), combining
    /// the batch statistics with the lack-of-fit sum of squares formula.</summary>
    /// <param name="batches">The batches; each is read once.</param>
    public void Adapt(IEnumerable<Tensor> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        AdaptBatches(batches.Select(b => ((ArrayLike)b, true)));
    }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => inputShape;

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["axis"] = _axis.ToArray();
        config["invert"] = Invert;
        config["mean"] = StatConfig(_inputMean);
        config["variance"] = StatConfig(_inputVariance);
        return config;
    }

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape)
    {
        int ndim = inputShape.Rank;
        if (_axis.Any(a => a < -ndim || a >= ndim))
        {
            throw new ArgumentException(
                "All `axis` values must be in the range [-ndim, ndim). " +
                $"Received inputs with ndim={ndim}, while axis=({string.Join(", ", _axis)})");
        }
        _keepAxis = _axis.Select(a => a < 0 ? a + ndim : a).Distinct().Order().ToArray();
        foreach (int d in _keepAxis)
        {
            if (inputShape[d] is null)
            {
                throw new ArgumentException(
                    $"All `axis` values to be kept must have a known shape. Received axis=({string.Join(", ", _axis)}), " +
                    $"inputs.shape={inputShape}, with unknown axis at index {d}");
            }
        }
        _broadcastShape = Enumerable.Range(0, ndim).Select(d => _keepAxis.Contains(d) ? (long)inputShape[d]!.Value : 1)
            .ToArray();
        var statShape = new Shape(_keepAxis.Select(d => inputShape[d]).ToArray());
        if (_inputMean is null)
        {
            _adaptMean = AddWeight("mean", statShape, new Zeros(), trainable: false);
            _adaptVariance = AddWeight("variance", statShape, new Ones(), trainable: false);
            // Keras keeps an (int64) count for older saved models; it stays 0 after Keras 3's adapt.
            AddWeight("count", new Shape(), new Zeros(), trainable: false);
            return;
        }
        for (int i = 1; i <= _statShape.Length; i++)
        {
            if (_statShape[^i] != 1 && _statShape[^i] != _broadcastShape[_keepAxis[^i]])
            {
                throw new ArgumentException(
                    $"Layer \"{Name}\" cannot broadcast `mean` and `variance` of shape " +
                    $"{new Shape(_statShape.Select(d => (int?)d).ToArray())} to the kept axes " +
                    $"({string.Join(", ", _keepAxis)}) of inputs of shape {inputShape}.");
            }
        }
        _mean = BroadcastStat(_inputMean, ndim);
        _variance = BroadcastStat(_inputVariance!, ndim);
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training)
    {
        var x = ImageLayers.Float(inputs);
        var (mean, variance) = Statistics();
        var std = Ops.Maximum(variance.sqrt(), Ops.Scalar(1e-7, variance));
        return Invert ? mean + x * std : (x - mean) / std;
    }

    /// <summary>The mean and variance the layer applies, shaped to broadcast against its input (for ONNX export).</summary>
    internal (Tensor Mean, Tensor Variance) InferenceStatistics() => Statistics();

    private (Tensor Mean, Tensor Variance) Statistics()
    {
        if (_mean is not null)
        {
            return (_mean, _variance!);
        }
        if (!_ready)
        {
            // Weights loaded from a file (or set by hand) count as adapted; fresh zeros/ones do not.
            using var scope = torch.NewDisposeScope();
            bool untouched = _adaptMean!.Value.eq(0).all().item<bool>() && _adaptVariance!.Value.eq(1).all().item<bool>();
            if (untouched)
            {
                throw new InvalidOperationException(
                    $"Normalization layer \"{Name}\" has no mean and variance yet. Call `Adapt(data)` on it before " +
                    "using it, or pass `mean` and `variance` to its constructor.");
            }
            _ready = true;
        }
        return (_adaptMean!.Value.reshape(_broadcastShape), _adaptVariance!.Value.reshape(_broadcastShape));
    }

    private void AdaptBatches(IEnumerable<(ArrayLike Data, bool IsBatch)> batches)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = Ops.NoGrad();
        var moments = new RunningMoments();
        foreach (var (data, _) in batches)
        {
            var batch = data.ToTensor("data", out _).to_type(torch.ScalarType.Float64);
            var reduce = PrepareAdapt(new Shape(batch.shape));
            var mean = reduce.Length == 0 ? batch : batch.mean(reduce);
            var variance = reduce.Length == 0 ? batch * 0 : batch.var(reduce, unbiased: false);
            moments.Add(mean, variance, reduce.Aggregate(1L, (n, d) => n * batch.shape[d]));
        }
        if (moments.Mean is not { } totalMean)
        {
            throw new ArgumentException(
                "adapt() received an empty iterable (no batches). Expected at least one batch.", "data");
        }
        var totalVariance = moments.Variance!;
        _adaptMean!.Assign(totalMean.reshape(_adaptMean.Shape.ToLongArray()));
        _adaptVariance!.Assign(totalVariance!.reshape(_adaptVariance.Shape.ToLongArray()));
        _ready = true;
    }

    /// <summary>Builds on the first batch (Keras builds with the data's shape) and checks later ones; returns the
    /// axes to reduce.</summary>
    private long[] PrepareAdapt(Shape dataShape)
    {
        if (_inputMean is not null)
        {
            throw new InvalidOperationException(
                $"Normalization layer \"{Name}\" was given `mean` and `variance`; it has nothing to adapt.");
        }
        if (!Built)
        {
            Build(dataShape);
        }
        var built = BuildInputShape!.Value;
        foreach (int d in _keepAxis)
        {
            if (d >= dataShape.Rank || dataShape[d] != built[d])
            {
                throw new ArgumentException(
                    $"The layer was built with input_shape={built}, but adapt() is being called with data with an " +
                    $"incompatible shape, data.shape={dataShape}", "data");
            }
        }
        return Enumerable.Range(0, dataShape.Rank).Where(d => !_keepAxis.Contains(d)).Select(d => (long)d).ToArray();
    }

    /// <summary>Aligns given statistics to the kept axes from the right and broadcasts them (Keras' build).</summary>
    private Tensor BroadcastStat(double[] values, int ndim)
    {
        var stat = Ops.Constant(values.Select(v => (float)v).ToArray());
        var expanded = Enumerable.Repeat(1L, ndim).ToArray();
        for (int i = 1; i <= _statShape.Length; i++)
        {
            expanded[_keepAxis[^i]] = _statShape[^i];
        }
        return stat.reshape(expanded).expand(_broadcastShape).contiguous().DetachFromDisposeScope();
    }

    private object? StatConfig(double[]? values) =>
        values is null ? null : ImageLayers.NestedLists(values, _statShape);

    private static string Describe(double[]? values) =>
        values is null ? "None" : $"[{string.Join(", ", values.Select(FactorRange.Format))}]";
}
