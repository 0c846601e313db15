using Keras.Backend;
using Keras.Metrics;
using static Keras.Tests.Core.Metrics.MetricTestData;

namespace Keras.Tests.Core.Metrics;

/// <summary>Updating a metric allocates nothing that outlives the call: the live tensor count is unchanged after 100
/// updates (state is updated in place; temporaries are freed).</summary>
[Collection(MetricsTensorCountCollection.Name)]
public class MetricTensorCountTests
{
    public static TheoryData<string> Cases => new()
    {
        "accuracy", "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy", "top_k", "sparse_top_k",
        "mae", "mse", "auc", "auc_pr_custom", "auc_multi_label", "precision", "recall_thresholds",
        "precision_top_k_class_id", "mean", "mean_scalar",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void UpdateState_100Calls_DoesNotChangeLiveTensorCount(string which)
    {
        const int n = 16, classes = 4;
        using var scope = torch.NewDisposeScope();
        var labels = L(Ints(n, 60, classes));
        var oneHot = torch.nn.functional.one_hot(labels, classes).to_type(torch.ScalarType.Float32);
        var probs = T(Uniform(n * classes, 61), n, classes);
        var binaryPred = T(Uniform(n, 62), n, 1);
        var binaryTrue = T(Ints(n, 63, 2).Select(v => (float)v).ToArray(), n, 1);
        var weights = T(Uniform(n, 64));
        var scalar = torch.tensor(0.25f);
        Metric metric = which switch
        {
            "accuracy" => "accuracy",
            "binary_accuracy" => new BinaryAccuracy(),
            "categorical_accuracy" => new CategoricalAccuracy(),
            "sparse_categorical_accuracy" => new SparseCategoricalAccuracy(),
            "top_k" => new TopKCategoricalAccuracy(k: 2),
            "sparse_top_k" => new SparseTopKCategoricalAccuracy(k: 2),
            "mae" => new MeanAbsoluteError(),
            "mse" => new MeanSquaredError(),
            "auc" => new AUC(),
            "auc_pr_custom" => new AUC(curve: "PR", thresholds: [0.1, 0.4, 0.45, 0.9]),
            "auc_multi_label" => new AUC(multiLabel: true),
            "precision" => new Precision(),
            "recall_thresholds" => new Recall([0.2, 0.6]),
            "precision_top_k_class_id" => new Precision(topK: 2, classId: 1),
            "mean" => new Mean(),
            "mean_scalar" => new Mean(),
            _ => throw new ArgumentOutOfRangeException(nameof(which)),
        };
        Action update = which switch
        {
            "binary_accuracy" => () => metric.UpdateState(binaryTrue, binaryPred, weights),
            "sparse_categorical_accuracy" or "sparse_top_k" => () => metric.UpdateState(labels, probs, weights),
            "mean" => () => ((Mean)metric).UpdateState(probs, weights),
            "mean_scalar" => () => ((Mean)metric).UpdateState(scalar, 16),
            _ => () => metric.UpdateState(oneHot, probs, weights),
        };
        using (metric)
        {
            update(); // lazily built state ("accuracy", multi-label AUC) appears on the first update
            // Tensors other tests dropped without disposing are finalized now, not while we count.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long before = KerasBackend.Current.LiveTensorCount;
            for (int i = 0; i < 100; i++)
            {
                update();
            }
            long after = KerasBackend.Current.LiveTensorCount;
            Assert.Equal(before, after);
            Assert.True(metric is Precision { Thresholds.Count: > 1 } or Recall { Thresholds.Count: > 1 }
                || double.IsFinite(metric.Result()));
            Assert.Equal(after, KerasBackend.Current.LiveTensorCount);
        }
    }
}
