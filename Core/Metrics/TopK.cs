namespace Keras.Metrics;

/// <summary>The shared body of Keras' <c>top_k_categorical_accuracy</c> and
/// <c>sparse_top_k_categorical_accuracy</c>.</summary>
internal static class TopK
{
    internal static int Validate(int k) => k >= 1
        ? k
        : throw new ArgumentException($"Argument `k` must be a positive integer. Received: k={k}", nameof(k));

    /// <summary>Whether each label is in the top <paramref name="k"/> of its prediction row; predictions of rank
    /// above 2 are flattened to rows and the result takes the labels' shape, as Keras.</summary>
    internal static Tensor Matches(Tensor labels, Tensor yPred, int k)
    {
        long[] labelsShape = labels.shape;
        var rows = yPred.dim() > 2 ? yPred.reshape(-1, yPred.shape[^1]) : yPred;
        var flat = labels.dim() > 1 ? labels.reshape(-1) : labels;
        if (rows.dim() != 2 || flat.dim() != 1 || flat.shape[0] != rows.shape[0])
        {
            throw new ArgumentException(
                "Top-k accuracy expects one label per prediction row. Received: y_true.shape=" +
                $"{new Shape(labelsShape)}, y_pred.shape={new Shape(yPred.shape)}", "yTrue");
        }
        var matches = Ops.InTopK(flat, rows, k).to_type(Ops.DType("float32"));
        return labels.dim() > 1 ? matches.reshape(labelsShape) : matches;
    }
}
