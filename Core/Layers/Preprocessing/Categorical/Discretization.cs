namespace Keras.Layers;

/// <summary>Buckets continuous features by ranges (<c>keras.layers.Discretization</c>).</summary>
/// <remarks>Boundaries <c>[0, 1, 2]</c> make the bins <c>(-inf, 0)</c>, <c>[0, 1)</c>, <c>[1, 2)</c> and
/// <c>[2, inf)</c>. Give them, or give <c>numBins</c> and call <see cref="Adapt(Tensor)"/>, which computes approximate
/// quantile boundaries exactly as Keras does. The adapted boundaries are part of the config.</remarks>
/// <example><code>
/// var layer = new Discretization(binBoundaries: [0.0, 1.0, 2.0]);
/// Tensor bins = layer.Call(x);   // x [[-1.5, 1.0, 3.4, 0.5], [0.0, 3.0, 1.3, 0.0]] → [[0, 2, 3, 1], [1, 3, 2, 1]]
/// </code></example>
public sealed class Discretization : Layer
{
    private static readonly string[] OutputModes = ["int", "one_hot", "multi_hot", "count"];
    private QuantileSummary? _summary;
    private double[]? _binBoundaries;

    /// <summary>Creates the layer.</summary>
    /// <param name="binBoundaries">Increasing bin boundaries; give these or <paramref name="numBins"/>.</param>
    /// <param name="numBins">The number of bins to learn with <see cref="Adapt(Tensor)"/>.</param>
    /// <param name="epsilon">The quantile approximation tolerance used by <see cref="Adapt(Tensor)"/>. Defaults to
    /// 0.01.</param>
    /// <param name="outputMode"><c>"int"</c> (the default, bin indices as int64), <c>"one_hot"</c>,
    /// <c>"multi_hot"</c> or <c>"count"</c>.</param>
    /// <param name="dtype">The layer dtype. Defaults to <c>"float32"</c>.</param>
    /// <param name="name">The layer name. Defaults to <c>discretization</c>, ...</param>
    public Discretization(IEnumerable<double>? binBoundaries = null, int? numBins = null, double epsilon = 0.01,
        string outputMode = "int", string dtype = "float32", string? name = null)
        : base(name, dtype: dtype)
    {
        OutputMode = CategoricalOutput.Validate(outputMode, nameof(Discretization), OutputModes);
        if (numBins is < 0)
        {
            throw new ArgumentException(
                $"`num_bins` must be greater than or equal to 0. Received: `num_bins={numBins}`", nameof(numBins));
        }
        var boundaries = binBoundaries?.ToArray();
        if (numBins is not null && boundaries is not null)
        {
            throw new ArgumentException(
                $"Both `num_bins` and `bin_boundaries` should not be set. Received: `num_bins={numBins}` and " +
                $"`bin_boundaries=[{string.Join(", ", boundaries)}]`", nameof(binBoundaries));
        }
        if (numBins is null && boundaries is null)
        {
            throw new ArgumentException("You need to set either `num_bins` or `bin_boundaries`.", nameof(numBins));
        }
        if (!(epsilon > 0))
        {
            throw new ArgumentException($"`epsilon` must be positive. Received: epsilon={epsilon}", nameof(epsilon));
        }
        Ops.DType(dtype);
        _binBoundaries = boundaries;
        NumBins = numBins;
        Epsilon = epsilon;
    }

    /// <summary>The bin boundaries, given or adapted; null before <see cref="Adapt(Tensor)"/>.</summary>
    public IReadOnlyList<double>? BinBoundaries => _binBoundaries;

    /// <summary>The number of bins to learn, or null when boundaries were given.</summary>
    public int? NumBins { get; }

    /// <summary>The quantile approximation tolerance.</summary>
    public double Epsilon { get; }

    /// <summary>The output mode: <c>int</c>, <c>one_hot</c>, <c>multi_hot</c> or <c>count</c>.</summary>
    public string OutputMode { get; }

    /// <summary>Computes the bin boundaries from the quantiles of <paramref name="data"/> (Keras' <c>adapt</c>).</summary>
    /// <param name="data">Numeric data of any shape.</param>
    public void Adapt(Tensor data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Adapt([data]);
    }

    /// <summary>Computes the bin boundaries from batches, merging their summaries as Keras does for a dataset.</summary>
    /// <param name="batches">Numeric batches.</param>
    public void Adapt(IEnumerable<Tensor> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        if (NumBins is not int numBins)
        {
            throw new InvalidOperationException(
                "Cannot adapt a Discretization layer that has been initialized with `bin_boundaries`, use `num_bins` " +
                "instead.");
        }
        _summary = QuantileSummary.Empty;
        foreach (var batch in batches)
        {
            var values = Ops.ToFloat32Array(batch);
            _summary = _summary.Merge(QuantileSummary.Summarize(values, Epsilon), Epsilon);
        }
        _binBoundaries = _summary.BinBoundaries(numBins);
    }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) =>
        CategoricalOutput.OutputShape(inputShape, OutputMode, _binBoundaries is null ? null : _binBoundaries.Length + 1);

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => new()
    {
        ["bin_boundaries"] = _binBoundaries,
        ["num_bins"] = NumBins,
        ["epsilon"] = Epsilon,
        ["output_mode"] = OutputMode,
        ["sparse"] = false,
        ["name"] = Name,
        ["dtype"] = DType,
    };

    /// <summary>Sets adapted boundaries read from a config (Keras' <c>from_config</c> does the same when both
    /// <c>num_bins</c> and <c>bin_boundaries</c> are present).</summary>
    internal void RestoreBoundaries(IEnumerable<double> boundaries) => _binBoundaries = boundaries.ToArray();

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training)
    {
        var boundaries = _binBoundaries ?? throw new InvalidOperationException(
            $"Layer \"{Name}\": you need to either pass the `bin_boundaries` argument at construction time or call " +
            "`adapt(dataset)` before you can start using the `Discretization` layer.");
        CategoricalOutput.CheckRank((int)inputs.dim(), OutputMode, Name, new Shape(inputs.shape).ToString());
        using var indices = Ops.Digitize(inputs, boundaries.Select(b => (float)b).ToArray());
        return Ops.EncodeCategorical(indices, OutputMode, boundaries.Length + 1, OutputMode == "int" ? "int64" : "float32");
    }

    /// <inheritdoc />
    protected override string OutputDType(IReadOnlyList<KerasTensor> inputs) => OutputMode == "int" ? "int64" : "float32";
}
