namespace Keras.Layers;

/// <summary>Additive attention, a.k.a. Bahdanau-style attention (<c>keras.layers.AdditiveAttention</c>).</summary>
/// <remarks>As <see cref="Attention"/>, with scores <c>Σ scale · tanh(query + key)</c> over the feature axis, where
/// <c>scale</c> is a learned vector of shape <c>(dim,)</c> (Glorot-uniform) when <c>useScale</c>, else 1. Masks,
/// the causal mask, dropout and the typed calls behave as in <see cref="Attention"/>.</remarks>
/// <example><code>
/// var attention = new AdditiveAttention();
/// Tensor context = attention.Call(decoderStates, encoderStates);
/// </code></example>
public sealed class AdditiveAttention : Attention
{
    /// <summary>Creates the layer.</summary>
    /// <param name="useScale">Whether to learn the vector <c>scale</c>. Defaults to true.</param>
    /// <param name="dropout">Fraction of attention weights dropped while training, in [0, 1). Defaults to 0.</param>
    /// <param name="name">The layer name. Defaults to <c>additive_attention</c>, ...</param>
    /// <param name="trainable">Whether the weights train. Defaults to true.</param>
    public AdditiveAttention(bool useScale = true, double dropout = 0.0, string? name = null, bool trainable = true)
        : base(useScale, "dot", dropout, name, trainable)
    {
    }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config.Remove("score_mode");
        return config;
    }

    /// <inheritdoc />
    protected override void BuildCore(IReadOnlyList<Shape> inputShapes)
    {
        ValidateInputCount(inputShapes.Count, inputShapes);
        int dim = inputShapes[0][-1] ?? throw new ArgumentException(
            $"The last dimension of the query of layer \"{Name}\" must be defined. Received: {inputShapes[0]}");
        if (UseScale)
        {
            Scale = AddWeight("scale", [dim], "glorot_uniform");
        }
    }

    /// <inheritdoc />
    protected override Tensor CalculateScores(Tensor query, Tensor key)
    {
        var tanh = Ops.Tanh(query.unsqueeze(-2) + key.unsqueeze(-3));
        return (Scale is null ? tanh : Scale.Value * tanh).sum(-1);
    }
}
