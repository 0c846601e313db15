using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>Multi-head attention, as in "Attention is all you need" (<c>keras.layers.MultiHeadAttention</c>).</summary>
/// <remarks>
/// <para>The query <c>(batch, T, dim)</c>, key and value <c>(batch, S, dim_k/dim_v)</c> are projected to
/// <c>numHeads</c> heads of <c>keyDim</c> (query, key) and <c>valueDim</c> (value) channels; each head computes
/// <c>softmax(q·kᵀ/√keyDim)·v</c> over the attention axes, and the heads are projected back to the query's last
/// dimension (or <c>outputShape</c>). Weights follow Keras 3: sublayers <c>query</c>, <c>key</c>, <c>value</c>,
/// <c>attention_output</c>, each with <c>kernel</c> and <c>bias</c>; for rank-3 inputs the query kernel is
/// <c>(dim, heads, key_dim)</c>, its bias <c>(heads, key_dim)</c>, the output kernel <c>(heads, value_dim, dim_out)</c>
/// and its bias <c>(dim_out,)</c>.</para>
/// <para>Masks: the query, value and key masks (e.g. from <c>Embedding(maskZero: true)</c>), the causal mask and
/// <c>attentionMask</c> (<c>(batch, T, S)</c>, true = may attend) combine with AND, as Keras'
/// <c>_compute_attention_mask</c>. Masked scores become -1e9 before the softmax and their weights 0 after it, so a
/// fully masked query row attends to nothing. The output carries the query mask.</para>
/// </remarks>
/// <example><code>
/// var mha = new MultiHeadAttention(numHeads: 4, keyDim: 16);
/// Tensor y = mha.Call(x, x, useCausalMask: true);           // self-attention on real tensors
/// KerasTensor z = mha.Call([queryInput, valueInput]);       // symbolic, [query, value] or [query, value, key]
/// </code></example>
public sealed class MultiHeadAttention : Layer
{
    /// <inheritdoc />
    internal override bool InputsAreSeparateArguments => true;

    [ThreadStatic]
    private static CallOptions? _pending;

    private readonly int[]? _requestedAxes;
    private EinsumProjection? _query;
    private EinsumProjection? _key;
    private EinsumProjection? _value;
    private EinsumProjection? _output;
    private int[]? _attentionAxes;
    private string _dotProductEquation = "";
    private string _combineEquation = "";
    private int[] _normAxes = [];

    /// <summary>Creates the layer.</summary>
    /// <param name="numHeads">The number of heads; must be positive.</param>
    /// <param name="keyDim">The size of each head for query and key; must be positive.</param>
    /// <param name="valueDim">The size of each head for value. Defaults to <paramref name="keyDim"/>.</param>
    /// <param name="dropout">Dropout on the attention weights while training, in [0, 1). Defaults to 0.</param>
    /// <param name="useBias">Whether the projections have biases. Defaults to true.</param>
    /// <param name="outputShape">The output's feature dimensions. Defaults to the query's last dimension.</param>
    /// <param name="attentionAxes">The axes attention runs over (not batch, heads or features). Defaults to all
    /// axes between the batch and feature axes.</param>
    /// <param name="kernelInitializer">Projection kernel initializer. Defaults to <c>glorot_uniform</c>.</param>
    /// <param name="biasInitializer">Projection bias initializer. Defaults to <c>zeros</c>.</param>
    /// <param name="kernelRegularizer">Penalty on the projection kernels. Defaults to none.</param>
    /// <param name="biasRegularizer">Penalty on the projection biases. Defaults to none.</param>
    /// <param name="activityRegularizer">Penalty on the output and, as in Keras, on the outputs of the four
    /// projections. Defaults to none.</param>
    /// <param name="kernelConstraint">Constraint on the projection kernels. Defaults to none.</param>
    /// <param name="biasConstraint">Constraint on the projection biases. Defaults to none.</param>
    /// <param name="name">The layer name. Defaults to <c>multi_head_attention</c>, ...</param>
    /// <param name="trainable">Whether the weights train. Defaults to true.</param>
    public MultiHeadAttention(int numHeads, int keyDim, int? valueDim = null, double dropout = 0.0, bool useBias = true,
        int[]? outputShape = null, int[]? attentionAxes = null, Initializer? kernelInitializer = null,
        Initializer? biasInitializer = null, Regularizer? kernelRegularizer = null, Regularizer? biasRegularizer = null,
        Regularizer? activityRegularizer = null, Constraint? kernelConstraint = null, Constraint? biasConstraint = null,
        string? name = null, bool trainable = true)
        : base(name, trainable)
    {
        Positive(numHeads, "num_heads", nameof(numHeads));
        Positive(keyDim, "key_dim", nameof(keyDim));
        Positive(valueDim ?? keyDim, "value_dim", nameof(valueDim));
        if (dropout < 0 || dropout >= 1 || double.IsNaN(dropout))
        {
            throw new ArgumentException(
                "Invalid value received for argument `dropout`. Expected a float value between 0 and 1. " +
                $"Received: dropout={dropout}", nameof(dropout));
        }
        if (outputShape is not null && (outputShape.Length == 0 || outputShape.Any(d => d <= 0)))
        {
            throw new ArgumentException(
                $"Invalid `output_shape`: [{string.Join(", ", outputShape)}]. When specified, the `output_shape` " +
                "should list positive dimensions.", nameof(outputShape));
        }
        NumHeads = numHeads;
        KeyDim = keyDim;
        ValueDim = valueDim ?? keyDim;
        Dropout = dropout;
        UseBias = useBias;
        OutputShape = outputShape?.ToArray();
        _requestedAxes = attentionAxes?.ToArray();
        KernelInitializer = kernelInitializer ?? new GlorotUniform();
        BiasInitializer = biasInitializer ?? new Zeros();
        KernelRegularizer = kernelRegularizer;
        BiasRegularizer = biasRegularizer;
        ActivityRegularizer = activityRegularizer;
        KernelConstraint = kernelConstraint;
        BiasConstraint = biasConstraint;
        SupportsMasking = true;
    }

    /// <summary>The number of heads.</summary>
    public int NumHeads { get; }

    /// <summary>The size of each head for query and key.</summary>
    public int KeyDim { get; }

    /// <summary>The size of each head for value.</summary>
    public int ValueDim { get; }

    /// <summary>The dropout rate on the attention weights while training.</summary>
    public double Dropout { get; }

    /// <summary>Whether the projections have biases.</summary>
    public bool UseBias { get; }

    /// <summary>The output's feature dimensions, or null for the query's last dimension.</summary>
    public IReadOnlyList<int>? OutputShape { get; }

    /// <summary>The attention axes: as given, or resolved (e.g. <c>[1]</c> for rank-3 inputs) once built.</summary>
    public IReadOnlyList<int>? AttentionAxes => _attentionAxes ?? _requestedAxes;

    /// <summary>The projection kernels' initializer.</summary>
    public Initializer KernelInitializer { get; }

    /// <summary>The projection biases' initializer.</summary>
    public Initializer BiasInitializer { get; }

    /// <summary>The projection kernels' penalty, if any.</summary>
    public Regularizer? KernelRegularizer { get; }

    /// <summary>The projection biases' penalty, if any.</summary>
    public Regularizer? BiasRegularizer { get; }

    /// <summary>The projection kernels' constraint, if any.</summary>
    public Constraint? KernelConstraint { get; }

    /// <summary>The projection biases' constraint, if any.</summary>
    public Constraint? BiasConstraint { get; }

    /// <summary>Runs the attention on real tensors.</summary>
    /// <param name="query">Shape <c>(batch, T, dim)</c>.</param>
    /// <param name="value">Shape <c>(batch, S, dim_v)</c>.</param>
    /// <param name="key">Shape <c>(batch, S, dim_k)</c>. Defaults to <paramref name="value"/>.</param>
    /// <param name="attentionMask">Boolean <c>(batch, T, S)</c> (broadcastable): which query positions may attend to
    /// which key positions. Defaults to none.</param>
    /// <param name="useCausalMask">Whether query position <c>i</c> may only attend to key positions <c>j ≤ i</c>.
    /// Defaults to false.</param>
    /// <param name="training">Training mode (dropout); null inherits the enclosing call's.</param>
    /// <returns>Shape <c>(batch, T, dim_out)</c>, carrying the query's mask.</returns>
    public Tensor Call(Tensor query, Tensor value, Tensor? key = null, Tensor? attentionMask = null,
        bool useCausalMask = false, bool? training = null) =>
        Invoke(query, value, key, new CallOptions(this, attentionMask, useCausalMask, false), training)[0];

    /// <summary>Runs the attention and also returns the attention weights <c>(batch, heads, T, S)</c> (after masking
    /// and softmax, before dropout), as Keras' <c>return_attention_scores=True</c>.</summary>
    /// <param name="query">Shape <c>(batch, T, dim)</c>.</param>
    /// <param name="value">Shape <c>(batch, S, dim_v)</c>.</param>
    /// <param name="key">Shape <c>(batch, S, dim_k)</c>. Defaults to <paramref name="value"/>.</param>
    /// <param name="attentionMask">Boolean <c>(batch, T, S)</c>: which positions may attend. Defaults to none.</param>
    /// <param name="useCausalMask">Whether to apply the causal mask. Defaults to false.</param>
    /// <param name="training">Training mode (dropout); null inherits the enclosing call's.</param>
    /// <returns>The output and the attention weights.</returns>
    public (Tensor Output, Tensor Scores) CallWithAttentionScores(Tensor query, Tensor value, Tensor? key = null,
        Tensor? attentionMask = null, bool useCausalMask = false, bool? training = null)
    {
        var outputs = Invoke(query, value, key, new CallOptions(this, attentionMask, useCausalMask, true), training);
        return (outputs[0], outputs[1]);
    }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => throw NeedsList();

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShapes(IReadOnlyList<Shape> inputShapes)
    {
        var (query, _, _) = Validate(inputShapes);
        return OutputShape is null
            ? [query]
            : [new Shape([.. query.Take(query.Rank - 1), .. OutputShape.Select(d => (int?)d)])];
    }

    /// <inheritdoc />
    public override IReadOnlyList<Tensor?> ComputeMasks(IReadOnlyList<Tensor> inputs,
        IReadOnlyList<Tensor?> previousMasks, int outputCount)
    {
        var masks = new Tensor?[outputCount];
        masks[0] = previousMasks[0];
        return masks;
    }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["num_heads"] = NumHeads;
        config["key_dim"] = KeyDim;
        config["value_dim"] = ValueDim;
        config["dropout"] = Dropout;
        config["use_bias"] = UseBias;
        config["output_shape"] = OutputShape;
        config["attention_axes"] = AttentionAxes;
        config["kernel_initializer"] = KernelInitializer;
        config["bias_initializer"] = BiasInitializer;
        config["kernel_regularizer"] = KernelRegularizer;
        config["bias_regularizer"] = BiasRegularizer;
        config["activity_regularizer"] = ActivityRegularizer;
        config["kernel_constraint"] = KernelConstraint;
        config["bias_constraint"] = BiasConstraint;
        config["seed"] = null;
        return config;
    }

    /// <summary>The shapes the layer was built for, as Keras' <c>build_config</c> <c>shapes_dict</c>.</summary>
    internal IReadOnlyDictionary<string, Shape>? BuildShapes { get; private set; }

    /// <inheritdoc />
    protected override void BuildCore(IReadOnlyList<Shape> inputShapes)
    {
        var (query, value, key) = Validate(inputShapes);
        var (equation, projectedRank) = EinsumEquations.Projection(query.Rank - 1, 1, 2);
        BuildAttention(projectedRank);
        _query = Projection("query", equation, 1, [NumHeads, KeyDim], query);
        _key = Projection("key", EinsumEquations.Projection(key.Rank - 1, 1, 2).Equation, 1, [NumHeads, KeyDim], key);
        _value = Projection("value", EinsumEquations.Projection(value.Rank - 1, 1, 2).Equation, 1,
            [NumHeads, ValueDim], value);
        int[] outputDims = OutputShape?.ToArray() ?? [query[-1] ?? throw new ArgumentException(
            $"The last dimension of the query of layer \"{Name}\" must be defined. Received: {query}")];
        var outputInput = new Shape([.. query.Take(query.Rank - 1), NumHeads, ValueDim]);
        var (outputEquation, _) = EinsumEquations.Projection(query.Rank - 1, 2, outputDims.Length);
        _output = Projection("attention_output", outputEquation, 2, outputDims, outputInput);
        var shapes = new Dictionary<string, Shape> { ["query_shape"] = query, ["value_shape"] = value };
        if (inputShapes.Count > 2)
        {
            shapes["key_shape"] = key;
        }
        BuildShapes = shapes;
    }

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape) => throw NeedsList();

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) => throw NeedsList();

    /// <inheritdoc />
    protected override IReadOnlyList<Tensor> CallCore(IReadOnlyList<Tensor> inputs, bool training) =>
        CallCore(inputs, new Tensor?[inputs.Count], training);

    /// <inheritdoc />
    protected override IReadOnlyList<Tensor> CallCore(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?> masks,
        bool training)
    {
        var options = _pending is { } pending && ReferenceEquals(pending.Layer, this) ? pending : null;
        var (query, value) = (inputs[0], inputs[1]);
        var key = inputs.Count > 2 ? inputs[2] : value;
        var keyMask = inputs.Count > 2 ? masks[2] : null;
        var mask = Ops.AttentionMask(query.shape[1], value.shape[1], masks[0], masks[1], keyMask,
            options?.AttentionMask, options?.UseCausalMask ?? false);
        var q = _query!.Call(query, training) * (1.0 / Math.Sqrt(KeyDim));
        var k = _key!.Call(key, training);
        var v = _value!.Call(value, training);
        var scores = Ops.Einsum(_dotProductEquation, k, q);
        if (mask is not null)
        {
            int expansionAxis = -_attentionAxes!.Length * 2 - 1;
            while (mask.dim() < scores.dim())
            {
                mask = mask.unsqueeze(expansionAxis);
            }
        }
        var weights = Ops.MaskedSoftmax(scores, mask, _normAxes);
        var dropped = training && Dropout > 0 ? Ops.Dropout(weights, Dropout) : weights;
        var output = _output!.Call(Ops.Einsum(_combineEquation, dropped, v), training);
        return options?.ReturnScores == true ? [output, weights] : [output];
    }

    private void BuildAttention(int rank)
    {
        _attentionAxes = _requestedAxes is null
            ? Enumerable.Range(1, rank - 3).ToArray()
            : _requestedAxes.Select(a => a >= 0 ? a : rank - 1 + a).ToArray();
        if (_attentionAxes.Any(a => a <= 0 || a >= rank - 2))
        {
            throw new ArgumentException(
                $"Invalid `attention_axes` for layer \"{Name}\": [{string.Join(", ", _requestedAxes!)}]. " +
                $"For inputs of rank {rank - 1}, attention axes must lie between the batch axis and the feature axis.");
        }
        (_dotProductEquation, _combineEquation, int scoresRank) = EinsumEquations.Attention(rank, _attentionAxes);
        _normAxes = Enumerable.Range(scoresRank - _attentionAxes.Length, _attentionAxes.Length).ToArray();
    }

    private EinsumProjection Projection(string name, string equation, int boundDims, int[] outputDims, Shape inputShape)
    {
        var layer = TrackLayer(new EinsumProjection(name, equation, boundDims, outputDims, UseBias, KernelInitializer,
            BiasInitializer, KernelRegularizer, BiasRegularizer, ActivityRegularizer, KernelConstraint,
            BiasConstraint) { Trainable = Trainable });
        layer.Build(inputShape);
        foreach (var weight in layer.Weights)
        {
            weight.Path = $"{Name}/{name}/{weight.Name}";
        }
        return layer;
    }

    private (Shape Query, Shape Value, Shape Key) Validate(IReadOnlyList<Shape> inputShapes)
    {
        if (inputShapes.Count is < 2 or > 3)
        {
            throw new ArgumentException(
                $"Layer \"{Name}\" (MultiHeadAttention) expects [query, value] or [query, value, key]. " +
                $"Received {inputShapes.Count} input(s): [{string.Join(", ", inputShapes)}]");
        }
        var (query, value) = (inputShapes[0], inputShapes[1]);
        var key = inputShapes.Count > 2 ? inputShapes[2] : value;
        if (value.Rank != key.Rank || !value.Skip(1).Take(value.Rank - 2).SequenceEqual(key.Skip(1).Take(key.Rank - 2)))
        {
            throw new ArgumentException(
                "All dimensions of `value` and `key`, except the last one, must be equal. " +
                $"Received: value_shape={value} and key_shape={key}");
        }
        if (query.Rank < 3)
        {
            throw new ArgumentException(
                $"Layer \"{Name}\" (MultiHeadAttention) needs inputs of rank >= 3, (batch, ..., features). " +
                $"Received: query_shape={query}");
        }
        return (query, value, key);
    }

    private IReadOnlyList<Tensor> Invoke(Tensor query, Tensor value, Tensor? key, CallOptions options, bool? training)
    {
        var previous = _pending;
        _pending = options;
        try
        {
            IReadOnlyList<Tensor> inputs = key is null ? [query, value] : [query, value, key];
            return Call(inputs, training);
        }
        finally
        {
            _pending = previous;
        }
    }

    private ArgumentException NeedsList() => new(
        $"Layer \"{Name}\" (MultiHeadAttention) takes a query and a value: call it with `Call(query, value)` or " +
        "`Call([query, value])` (or [query, value, key]).");

    private static void Positive(int value, string argument, string parameter)
    {
        if (value <= 0)
        {
            throw new ArgumentException(
                $"Received an invalid value for `{argument}`, expected a positive integer. " +
                $"Received: {argument}={value}",
                parameter);
        }
    }

    private sealed record CallOptions(MultiHeadAttention Layer, Tensor? AttentionMask, bool UseCausalMask,
        bool ReturnScores);

    /// <summary>Keras 3's attribute names for the projections (public properties first, as Keras visits them), plus
    /// its variable-free <c>_dropout_layer</c> and <c>_softmax</c> sublayers, which Keras.Net computes inline.</summary>
    internal override IEnumerable<Saving.KerasV3.SaveableChild> SaveableChildren
    {
        get
        {
            if (_query is null || _key is null || _value is null || _output is null)
            {
                return [];
            }
            return
            [
                new("key_dense", _key),
                new("output_dense", _output),
                new("query_dense", _query),
                new("value_dense", _value),
                Saving.KerasV3.SaveableChild.Placeholder("_dropout_layer", "dropout"),
                Saving.KerasV3.SaveableChild.Placeholder("_softmax", "softmax"),
            ];
        }
    }
}
