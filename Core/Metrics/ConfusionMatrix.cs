namespace Keras.Metrics;

/// <summary>The confusion-count state a metric keeps, one entry per threshold (and per label when multi-label);
/// a null entry is not updated.</summary>
internal sealed record ConfusionVariables(
    Variable? TruePositives, Variable? FalsePositives, Variable? TrueNegatives, Variable? FalseNegatives);

/// <summary>Keras' <c>update_confusion_matrix_variables</c>: adds the weighted true/false positive/negative counts
/// of a batch at every threshold, in place and without reading anything back.</summary>
/// <remarks>A prediction is positive at threshold <c>t</c> when it is strictly above <c>t</c>; a label is positive
/// when it is non-zero. Evenly spaced thresholds use Keras' bucketed O(T + N) update, others compare every
/// prediction with every threshold.</remarks>
internal static class ConfusionMatrix
{
    internal static void Update(
        ConfusionVariables variables,
        Tensor yTrue,
        Tensor yPred,
        MetricThresholds thresholds,
        Tensor? sampleWeight,
        string metricName,
        int? topK = null,
        int? classId = null,
        bool multiLabel = false,
        Tensor? labelWeights = null)
    {
        var dtype = thresholds.Tensor.dtype;
        var pred = yPred.detach().to_type(dtype);
        var truth = yTrue.detach().to_type(dtype);
        (pred, truth) = MetricsUtils.SqueezeOrExpandToSameRank(pred, truth);
        if (!pred.shape.SequenceEqual(truth.shape))
        {
            throw new ArgumentException(
                $"Metric \"{metricName}\": `y_true` and `y_pred` must have the same shape. Received: " +
                $"y_true.shape={new Shape(yTrue.shape)}, y_pred.shape={new Shape(yPred.shape)}", nameof(yTrue));
        }
        Tensor? weight = null;
        if (sampleWeight is not null)
        {
            weight = sampleWeight.detach().to_type(dtype).unsqueeze(-1);
            (_, weight) = MetricsUtils.SqueezeOrExpandToSameRank(truth, weight, expandRank1: false);
        }
        if (topK is int k)
        {
            pred = FilterTopK(pred, k, metricName);
        }
        if (classId is int id)
        {
            (truth, pred, weight) = SelectClass(truth, pred, weight, id, metricName);
        }
        if (weight is not null)
        {
            weight = MetricsUtils.BroadcastWeight(weight, pred.shape, metricName);
        }
        if (labelWeights is not null)
        {
            var perLabel = labelWeights.unsqueeze(0);
            if (perLabel.dim() > pred.dim() || perLabel.shape[^1] != pred.shape[^1])
            {
                throw new ArgumentException(
                    $"Metric \"{metricName}\": `label_weights` has {labelWeights.shape[0]} entries but `y_pred` " +
                    $"of shape {new Shape(pred.shape)} has {pred.shape[^1]} labels.", nameof(labelWeights));
            }
            perLabel = perLabel.expand(pred.shape);
            weight = weight is null ? perLabel : weight * perLabel;
        }
        var label = truth.ne(0).to_type(dtype);
        if (!multiLabel)
        {
            pred = pred.reshape(-1);
            label = label.reshape(-1);
            weight = weight?.reshape(-1);
        }
        var trueLabels = weight is null ? label : label * weight;
        var falseLabels = weight is null ? 1.0 - label : (1.0 - label) * weight;
        var (tp, fp) = thresholds.EvenlyDistributed
            ? BucketedCounts(pred, trueLabels, falseLabels, thresholds)
            : ComparedCounts(pred, trueLabels, falseLabels, thresholds.Tensor);
        variables.TruePositives?.Value.add_(tp);
        variables.FalsePositives?.Value.add_(fp);
        variables.TrueNegatives?.Value.add_(falseLabels.sum([0]) - fp);
        variables.FalseNegatives?.Value.add_(trueLabels.sum([0]) - tp);
    }

    /// <summary>Keras' <c>_update_confusion_matrix_variables_optimized</c>: each prediction falls in bucket
    /// <c>ceil(p (T - 1)) - 1</c>, and the count above threshold <c>i</c> is the reversed cumulative sum from bucket
    /// <c>i</c>.</summary>
    private static (Tensor Tp, Tensor Fp) BucketedCounts(Tensor pred, Tensor trueLabels, Tensor falseLabels,
        MetricThresholds thresholds)
    {
        long n = thresholds.Count;
        var clipped = pred.clamp(0.0, 1.0);
        var buckets = (clipped * (n - 1)).ceil() - 1;
        if (thresholds.WithEpsilon)
        {
            buckets = buckets.relu();
        }
        var ids = buckets.to_type(Ops.DType("int64"));
        var tp = ReverseCumsum(Ops.SegmentSum(trueLabels.expand(pred.shape), ids, n));
        var fp = ReverseCumsum(Ops.SegmentSum(falseLabels.expand(pred.shape), ids, n));
        return (tp, fp);
    }

    private static Tensor ReverseCumsum(Tensor x) => x.flip(0).cumsum(0).flip(0);

    /// <summary>The general update: <c>pred &gt; t</c> for every threshold <c>t</c> and every prediction.</summary>
    private static (Tensor Tp, Tensor Fp) ComparedCounts(Tensor pred, Tensor trueLabels, Tensor falseLabels,
        Tensor thresholds)
    {
        var view = new long[pred.dim() + 1];
        Array.Fill(view, 1L);
        view[0] = thresholds.shape[0];
        var positive = pred.unsqueeze(0).gt(thresholds.reshape(view)).to_type(pred.dtype);
        var tp = (positive * trueLabels.unsqueeze(0)).sum(1);
        var fp = (positive * falseLabels.unsqueeze(0)).sum(1);
        return (tp, fp);
    }

    /// <summary>Keras' <c>_filter_top_k</c>: keeps the top <paramref name="k"/> values of the last axis and sets the
    /// rest to <see cref="MetricThresholds.NegInf"/>.</summary>
    private static Tensor FilterTopK(Tensor x, int k, string metricName)
    {
        long classes = x.dim() == 0 ? 1 : x.shape[^1];
        if (k > classes)
        {
            throw new ArgumentException(
                $"Metric \"{metricName}\": `top_k`={k} is larger than the last dimension of `y_pred` " +
                $"(shape {new Shape(x.shape)}).", "topK");
        }
        var indices = Ops.TopKIndices(x, k);
        var mask = x.zeros_like().scatter_(-1, indices, indices.ones_like(dtype: x.dtype));
        return x * mask + MetricThresholds.NegInf * (1.0 - mask);
    }

    /// <summary>Keeps only column <paramref name="classId"/> of labels, predictions and per-class weights.</summary>
    private static (Tensor Truth, Tensor Pred, Tensor? Weight) SelectClass(Tensor truth, Tensor pred, Tensor? weight,
        int classId, string metricName)
    {
        if (pred.dim() < 2)
        {
            throw new ArgumentException(
                $"Metric \"{metricName}\": when class_id is provided, y_pred must be a 2D array with shape " +
                $"(num_samples, num_classes), found shape: {new Shape(pred.shape)}", "yPred");
        }
        long classes = pred.shape[^1];
        if (classId >= classes)
        {
            throw new ArgumentException(
                $"Metric \"{metricName}\": class_id={classId} is out of range for y_pred with {classes} classes " +
                $"(shape {new Shape(pred.shape)}); expected a value in [0, {classes}).", "classId");
        }
        if (weight is not null && weight.dim() == pred.dim() && weight.shape[^1] == classes && classes > 1)
        {
            weight = weight.narrow(-1, classId, 1);
        }
        return (truth.narrow(-1, classId, 1), pred.narrow(-1, classId, 1), weight);
    }
}
