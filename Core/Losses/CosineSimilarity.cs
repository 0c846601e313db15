namespace Keras.Losses;

/// <summary>Negative cosine similarity between targets and predictions (<c>keras.losses.CosineSimilarity</c>):
/// <c>-sum(l2_normalize(y_true) * l2_normalize(y_pred), axis)</c>, so -1 means the same direction, 0 orthogonal (or a
/// zero vector) and 1 opposite; minimising it maximises the similarity.</summary>
/// <example><code>
/// Tensor value = new CosineSimilarity(axis: -1).Call(targets, embeddings);
/// </code></example>
public sealed class CosineSimilarity : Loss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="axis">The feature axis the similarity is computed along. Defaults to -1.</param>
    /// <param name="reduction">The reduction. Defaults to <c>"sum_over_batch_size"</c>.</param>
    /// <param name="name">The name. Defaults to <c>"cosine_similarity"</c>.</param>
    public CosineSimilarity(int axis = -1, string reduction = "sum_over_batch_size", string name = "cosine_similarity")
        : base(name, reduction)
    {
        Axis = axis;
    }

    /// <summary>The feature axis.</summary>
    public int Axis { get; }

    /// <inheritdoc />
    /// <remarks>Adds <c>axis</c>, which Keras 3's <c>CosineSimilarity.get_config</c> leaves out, so that a config round
    /// trip keeps it.</remarks>
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["axis"] = Axis;
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor yTrue, Tensor yPred) => Ops.CosineSimilarity(yTrue, yPred, Axis);
}
