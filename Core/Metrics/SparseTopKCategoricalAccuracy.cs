namespace Keras.Metrics;

/// <summary>How often the integer target is among the <see cref="K"/> highest predictions
/// (<c>keras.metrics.SparseTopKCategoricalAccuracy</c>).</summary>
/// <remarks>Ties with the k-th highest prediction count as hits, as Keras' torch backend; a <see cref="K"/> of at
/// least the number of classes makes every sample a hit.</remarks>
/// <example><code>
/// var m = new SparseTopKCategoricalAccuracy(k: 1);
/// m.UpdateState(Ops.Constant([2f, 1f]), Ops.Constant([0.1f, 0.9f, 0.8f, 0.05f, 0.95f, 0f], [2, 3]));
/// double value = m.Result();   // 0.5
/// </code></example>
public sealed class SparseTopKCategoricalAccuracy : MeanMetricWrapper
{
    /// <summary>Creates the metric.</summary>
    /// <param name="k">How many top predictions to look at. Defaults to 5.</param>
    /// <param name="name">The name. Defaults to <c>"sparse_top_k_categorical_accuracy"</c>.</param>
    /// <param name="dtype">The state dtype. Defaults to <c>"float32"</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="k"/> is below 1.</exception>
    public SparseTopKCategoricalAccuracy(int k = 5, string name = "sparse_top_k_categorical_accuracy",
        string dtype = "float32") : base(Function(TopK.Validate(k)), name, dtype)
    {
        K = k;
    }

    /// <summary>How many top predictions are looked at.</summary>
    public int K { get; }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["k"] = K;
        return config;
    }

    private static Func<Tensor, Tensor, Tensor> Function(int k) => (yTrue, yPred) => TopK.Matches(yTrue, yPred, k);
}
