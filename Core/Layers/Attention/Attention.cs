namespace Keras.Layers;

/// <summary>Dot-product attention, a.k.a. Luong-style attention (<c>keras.layers.Attention</c>).</summary>
/// <remarks>
/// <para>Inputs are <c>[query, value]</c> or <c>[query, value, key]</c> with shapes <c>(batch, Tq, dim)</c>,
/// <c>(batch, Tv, dim_v)</c> and <c>(batch, Tv, dim)</c>; the key defaults to the value. Scores
/// <c>(batch, Tq, Tv)</c> are <c>query · keyᵀ</c> (<c>"dot"</c>, times the scalar <c>scale</c> when
/// <c>useScale</c>) or <c>concat_score_weight · Σ tanh(scale · (query + key))</c> (<c>"concat"</c>); their softmax
/// weights the values. Dropout (while training) applies to the weights.</para>
/// <para>Masks come from the inputs (e.g. after <c>Embedding(maskZero: true)</c>) or the typed call: value positions
/// masked out get no weight (their scores drop by 1e9 before the softmax), output rows of masked query positions are
/// zero, and the output carries the query mask. The causal mask lets query position <c>i</c> see key positions
/// <c>j ≤ i</c>.</para>
/// </remarks>
/// <example><code>
/// var attention = new Attention(useScale: true);
/// Tensor context = attention.Call(query, value, useCausalMask: true);
/// KerasTensor symbolic = attention.Call([queryInput, valueInput]);
/// </code></example>
public class Attention : Layer
{
    [ThreadStatic]
    private static CallOptions? _pending;

    /// <summary>Creates the layer.</summary>
    /// <param name="useScale">Whether to learn a scalar <c>scale</c> for the scores. Defaults to false.</param>
    /// <param name="scoreMode"><c>"dot"</c> (dot product) or <c>"concat"</c> (tanh of the sum). Defaults to
    /// <c>"dot"</c>.</param>
    /// <param name="dropout">Fraction of attention weights dropped while training, in [0, 1). Defaults to 0.</param>
    /// <param name="name">The layer name. Defaults to <c>attention</c>, ...</param>
    /// <param name="trainable">Whether the weights train. Defaults to true.</param>
    public Attention(bool useScale = false, string scoreMode = "dot", double dropout = 0.0, string? name = null,
        bool trainable = true)
        : base(name, trainable)
    {
        if (scoreMode is not ("dot" or "concat"))
        {
            throw new ArgumentException(
                "Invalid value for argument score_mode. Expected one of {'dot', 'concat'}. " +
                $"Received: score_mode={scoreMode}", nameof(scoreMode));
        }
        if (dropout < 0 || dropout >= 1 || double.IsNaN(dropout))
        {
            throw new ArgumentException(
                "Invalid value received for argument `dropout`. Expected a float value between 0 and 1. " +
                $"Received: dropout={dropout}", nameof(dropout));
        }
        UseScale = useScale;
        ScoreMode = scoreMode;
        Dropout = dropout;
        SupportsMasking = true;
    }

    /// <summary>Whether the scores are scaled by a learned <c>scale</c>.</summary>
    public bool UseScale { get; }

    /// <summary>How scores are computed: <c>"dot"</c> or <c>"concat"</c>.</summary>
    public string ScoreMode { get; }

    /// <summary>The dropout rate on the attention weights while training.</summary>
    public double Dropout { get; }

    /// <summary>The learned scale (a scalar here; shape <c>(dim,)</c> in <see cref="AdditiveAttention"/>); null
    /// before building or without <see cref="UseScale"/>.</summary>
    public Variable? Scale { get; protected set; }

    /// <summary>The learned scalar weight of <c>"concat"</c> scores; null otherwise.</summary>
    public Variable? ConcatScoreWeight { get; private set; }

    /// <summary>The input shapes the layer was built for (Keras writes them as the <c>build_config</c>).</summary>
    internal IReadOnlyList<Shape>? BuildShapes { get; private set; }

    /// <summary>Runs the attention on real tensors.</summary>
    /// <param name="query">Shape <c>(batch, Tq, dim)</c>.</param>
    /// <param name="value">Shape <c>(batch, Tv, dim_v)</c>.</param>
    /// <param name="key">Shape <c>(batch, Tv, dim)</c>. Defaults to <paramref name="value"/>.</param>
    /// <param name="queryMask">Boolean <c>(batch, Tq)</c>. Defaults to the mask attached to the query.</param>
    /// <param name="valueMask">Boolean <c>(batch, Tv)</c>. Defaults to the mask attached to the value.</param>
    /// <param name="useCausalMask">Whether position <c>i</c> may only attend to positions <c>j ≤ i</c>. Defaults to
    /// false.</param>
    /// <param name="training">Training mode (dropout); null inherits the enclosing call's.</param>
    /// <returns>Shape <c>(batch, Tq, dim_v)</c>, carrying the query mask.</returns>
    public Tensor Call(Tensor query, Tensor value, Tensor? key = null, Tensor? queryMask = null,
        Tensor? valueMask = null, bool useCausalMask = false, bool? training = null) =>
        Invoke(query, value, key, queryMask, valueMask, useCausalMask, false, training)[0];

    /// <summary>Runs the attention and also returns the attention weights (after masking, softmax and dropout), as
    /// Keras' <c>return_attention_scores=True</c>.</summary>
    /// <param name="query">Shape <c>(batch, Tq, dim)</c>.</param>
    /// <param name="value">Shape <c>(batch, Tv, dim_v)</c>.</param>
    /// <param name="key">Shape <c>(batch, Tv, dim)</c>. Defaults to <paramref name="value"/>.</param>
    /// <param name="queryMask">Boolean <c>(batch, Tq)</c>. Defaults to the mask attached to the query.</param>
    /// <param name="valueMask">Boolean <c>(batch, Tv)</c>. Defaults to the mask attached to the value.</param>
    /// <param name="useCausalMask">Whether position <c>i</c> may only attend to positions <c>j ≤ i</c>. Defaults to
    /// false.</param>
    /// <param name="training">Training mode (dropout); null inherits the enclosing call's.</param>
    /// <returns>The output and the weights <c>(batch, Tq, Tv)</c>.</returns>
    public (Tensor Output, Tensor Scores) CallWithAttentionScores(Tensor query, Tensor value, Tensor? key = null,
        Tensor? queryMask = null, Tensor? valueMask = null, bool useCausalMask = false, bool? training = null)
    {
        var outputs = Invoke(query, value, key, queryMask, valueMask, useCausalMask, true, training);
        return (outputs[0], outputs[1]);
    }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => throw NeedsList();

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShapes(IReadOnlyList<Shape> inputShapes)
    {
        ValidateInputCount(inputShapes.Count);
        var (query, value) = (inputShapes[0], inputShapes[1]);
        var key = inputShapes.Count > 2 ? inputShapes[2] : value;
        if (query[-1] is int q && key[-1] is int k && q != k)
        {
            throw new ArgumentException(
                $"Layer \"{Name}\" ({ClassName}) needs query and key with the same last dimension. " +
                $"Received: query shape {query}, key shape {key}");
        }
        return [query.With(-1, value[-1])];
    }

    /// <summary>The query mask (Keras' <c>compute_mask</c>), for the output; the scores carry no mask.</summary>
    /// <param name="inputs">The inputs.</param>
    /// <param name="previousMasks">Their masks.</param>
    /// <param name="outputCount">1, or 2 with the scores.</param>
    /// <returns>The output masks.</returns>
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
        config["use_scale"] = UseScale;
        config["score_mode"] = ScoreMode;
        config["dropout"] = Dropout;
        return config;
    }

    /// <summary>The raw scores <c>(batch, Tq, Tv)</c> of a query and a key.</summary>
    /// <param name="query">Shape <c>(batch, Tq, dim)</c>.</param>
    /// <param name="key">Shape <c>(batch, Tv, dim)</c>.</param>
    /// <returns>The scores.</returns>
    protected virtual Tensor CalculateScores(Tensor query, Tensor key)
    {
        if (ScoreMode == "dot")
        {
            var scores = Ops.Matmul(query, key.transpose(1, 2));
            return Scale is null ? scores : scores * Scale.Value;
        }
        var sum = query.unsqueeze(-2) + key.unsqueeze(-3);
        if (Scale is not null)
        {
            sum = Scale.Value * sum;
        }
        return ConcatScoreWeight!.Value * Ops.Tanh(sum).sum(-1);
    }

    /// <inheritdoc />
    protected override void BuildCore(IReadOnlyList<Shape> inputShapes)
    {
        ValidateInputCount(inputShapes.Count);
        BuildShapes = inputShapes.ToArray();
        if (UseScale)
        {
            Scale = AddWeight("scale", [], "ones");
        }
        if (ScoreMode == "concat")
        {
            ConcatScoreWeight = AddWeight("concat_score_weight", [], "ones");
        }
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
        ValidateInputCount(inputs.Count);
        var options = _pending is { } pending && ReferenceEquals(pending.Layer, this) ? pending : null;
        var (query, value) = (inputs[0], inputs[1]);
        var key = inputs.Count > 2 ? inputs[2] : value;
        var scores = CalculateScores(query, key);
        var scoresMask = masks[1]?.unsqueeze(-2);
        if (options?.UseCausalMask == true)
        {
            var causal = Ops.CausalMask(scores.shape[^2], scores.shape[^1]);
            scoresMask = scoresMask is null ? causal : scoresMask.logical_and(causal);
        }
        if (scoresMask is not null)
        {
            scores = scores - scoresMask.logical_not().to_type(scores.dtype) * 1e9;
        }
        var weights = Ops.Softmax(scores, -1);
        if (training && Dropout > 0)
        {
            weights = Ops.Dropout(weights, Dropout);
        }
        var result = Ops.Matmul(weights, value);
        if (masks[0] is { } queryMask)
        {
            result = result * queryMask.unsqueeze(-1).to_type(result.dtype);
        }
        return options?.ReturnScores == true ? [result, weights] : [result];
    }

    /// <summary>The error for a single-tensor call.</summary>
    private protected ArgumentException NeedsList() => new(
        $"{ClassName} layer must be called on a list of inputs, namely [query, value] or [query, value, key]. " +
        $"Layer \"{Name}\" received a single tensor; use `layer.Call([query, value])` or the typed " +
        "`Call(query, value, key)`.");

    private protected void ValidateInputCount(int count, IReadOnlyList<Shape>? shapes = null)
    {
        if (shapes is not null)
        {
            BuildShapes = shapes.ToArray();
        }
        if (count is < 2 or > 3)
        {
            throw new ArgumentException(
                $"{ClassName} layer accepts inputs list of length 2 or 3, namely [query, value] or " +
                $"[query, value, key]. Received length: {count}.");
        }
    }

    private IReadOnlyList<Tensor> Invoke(Tensor query, Tensor value, Tensor? key, Tensor? queryMask, Tensor? valueMask,
        bool useCausalMask, bool returnScores, bool? training)
    {
        IReadOnlyList<Tensor> inputs = key is null ? [query, value] : [query, value, key];
        var masks = new List<Tensor?> { queryMask ?? KerasMask.Get(query), valueMask ?? KerasMask.Get(value) };
        if (key is not null)
        {
            masks.Add(KerasMask.Get(key));
        }
        var previous = _pending;
        _pending = new CallOptions(this, useCausalMask, returnScores);
        try
        {
            return Call(inputs, training, masks);
        }
        finally
        {
            _pending = previous;
        }
    }

    private sealed record CallOptions(Attention Layer, bool UseCausalMask, bool ReturnScores);
}
