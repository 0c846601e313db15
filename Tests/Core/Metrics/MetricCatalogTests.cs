using Keras.Metrics;
using static Keras.Tests.Core.Metrics.MetricTestData;

namespace Keras.Tests.Core.Metrics;

/// <summary>String lookup (<c>Metric.Get</c> and the implicit conversion), the shape-resolved <c>"accuracy"</c>, and
/// every constructor's documented defaults.</summary>
public class MetricCatalogTests
{
    [Theory]
    [InlineData("binary_accuracy", typeof(BinaryAccuracy))]
    [InlineData("BinaryAccuracy", typeof(BinaryAccuracy))]
    [InlineData("categorical_accuracy", typeof(CategoricalAccuracy))]
    [InlineData("CategoricalAccuracy", typeof(CategoricalAccuracy))]
    [InlineData("sparse_categorical_accuracy", typeof(SparseCategoricalAccuracy))]
    [InlineData("SparseCategoricalAccuracy", typeof(SparseCategoricalAccuracy))]
    [InlineData("top_k_categorical_accuracy", typeof(TopKCategoricalAccuracy))]
    [InlineData("TopKCategoricalAccuracy", typeof(TopKCategoricalAccuracy))]
    [InlineData("sparse_top_k_categorical_accuracy", typeof(SparseTopKCategoricalAccuracy))]
    [InlineData("SparseTopKCategoricalAccuracy", typeof(SparseTopKCategoricalAccuracy))]
    [InlineData("mae", typeof(MeanAbsoluteError))]
    [InlineData("MAE", typeof(MeanAbsoluteError))]
    [InlineData("mean_absolute_error", typeof(MeanAbsoluteError))]
    [InlineData("MeanAbsoluteError", typeof(MeanAbsoluteError))]
    [InlineData("mse", typeof(MeanSquaredError))]
    [InlineData("MSE", typeof(MeanSquaredError))]
    [InlineData("mean_squared_error", typeof(MeanSquaredError))]
    [InlineData("MeanSquaredError", typeof(MeanSquaredError))]
    [InlineData("auc", typeof(AUC))]
    [InlineData("AUC", typeof(AUC))]
    [InlineData("precision", typeof(Precision))]
    [InlineData("Precision", typeof(Precision))]
    [InlineData("recall", typeof(Recall))]
    [InlineData("Recall", typeof(Recall))]
    public void Get_ReturnsTheClass_NamedByTheString(string name, Type expected)
    {
        using Metric m = name;
        Assert.IsType(expected, m);
        Assert.Equal(name, m.Name);
        Assert.All(m.Variables, v => Assert.StartsWith(name + "/", v.Path));
    }

    [Fact]
    public void Get_EachCallReturnsAFreshMetric()
    {
        using var a = Metric.Get("mae");
        using var b = Metric.Get("mae");
        Assert.NotSame(a, b);
    }

    [Theory]
    [InlineData("foo")]
    [InlineData("Mae")]
    [InlineData("crossentropy")]
    public void Get_UnknownName_ThrowsListingValidNames(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => Metric.Get(name));
        Assert.StartsWith(
            $"Could not interpret metric identifier: {name}. Expected one of: accuracy, acc,", ex.Message);
        Assert.Contains("sparse_categorical_accuracy", ex.Message);
        Assert.Equal("name", ex.ParamName);
    }

    [Theory]
    [InlineData("accuracy")]
    [InlineData("acc")]
    [InlineData("Accuracy")]
    [InlineData("ACC")]
    public void Accuracy_String_KeepsItsName_AndIsResolvedAtTheFirstUpdate(string name)
    {
        using Metric m = name;
        Assert.Equal(name, m.Name);
        Assert.Empty(m.Variables);
        Assert.Equal(0.0, m.Result());
        m.ResetState();
        m.UpdateState(L([1, 0]), T([0.2f, 0.8f, 0.9f, 0.1f], 2, 2));
        Assert.Equal(name, m.Name);
        Assert.Equal(2, m.Variables.Count);
        Assert.Equal(1.0, m.Result(), 5);
    }

    public static TheoryData<long[], long[], Type> ResolutionCases => new()
    {
        { [8, 1], [8, 1], typeof(BinaryAccuracy) },
        { [8], [8, 1], typeof(BinaryAccuracy) },
        { [8], [8, 3], typeof(SparseCategoricalAccuracy) },
        { [8, 1], [8, 3], typeof(SparseCategoricalAccuracy) },
        { [8, 5], [8, 5, 3], typeof(SparseCategoricalAccuracy) },
        { [8, 3], [8, 3], typeof(CategoricalAccuracy) },
        { [8], [8], typeof(CategoricalAccuracy) },
    };

    [Theory]
    [MemberData(nameof(ResolutionCases))]
    public void Accuracy_String_ResolvesFromShapes_AsKerasGetMetric(long[] trueShape, long[] predShape, Type expected)
    {
        var m = (AccuracyByShape)Metric.Get("accuracy");
        m.UpdateState(torch.zeros(trueShape), torch.rand(predShape));
        Assert.IsType(expected, m.Inner);
        Assert.Equal("accuracy", m.Inner!.Name);
        Assert.Equal(expected.Name, m.Inner.GetType().Name);
        Assert.Equal("accuracy", m.GetConfig()["name"]);
        m.Dispose();
    }

    [Fact]
    public void Accuracy_String_ComputesTheResolvedMetric()
    {
        using Metric binary = "accuracy";
        binary.UpdateState(T([1, 0, 1, 0], 4, 1), T([0.9f, 0.2f, 0.3f, 0.6f], 4, 1), T([1, 1, 2, 1]));
        Assert.Equal(2.0 / 5.0, binary.Result(), 5);
        using Metric categorical = "acc";
        categorical.UpdateState(T([0, 1, 1, 0], 2, 2), T([0.3f, 0.7f, 0.4f, 0.6f], 2, 2));
        Assert.Equal(0.5, categorical.Result(), 5);
        categorical.ResetState();
        Assert.Equal(0.0, categorical.Result());
    }

    [Fact]
    public void Accuracy_String_NeedsABatchAxis()
    {
        using Metric m = "accuracy";
        var ex = Assert.Throws<ArgumentException>(() => m.UpdateState(torch.tensor(1f), torch.tensor(1f)));
        Assert.Contains("`y_true` must have rank >= 1", ex.Message);
    }

    [Fact]
    public void Ctor_Defaults()
    {
        using var accuracy = new Accuracy();
        using var binary = new BinaryAccuracy();
        using var categorical = new CategoricalAccuracy();
        using var sparse = new SparseCategoricalAccuracy();
        using var topK = new TopKCategoricalAccuracy();
        using var sparseTopK = new SparseTopKCategoricalAccuracy();
        using var mae = new MeanAbsoluteError();
        using var mse = new MeanSquaredError();
        using var mean = new Mean();
        using var wrapper = new MeanMetricWrapper((t, p) => t - p);
        using var auc = new AUC();
        using var precision = new Precision();
        using var recall = new Recall();
        Assert.Equal(
            ["accuracy", "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy",
             "top_k_categorical_accuracy", "sparse_top_k_categorical_accuracy", "mean_absolute_error",
             "mean_squared_error", "mean", "mean_metric_wrapper", "auc", "precision", "recall"],
            new Metric[] { accuracy, binary, categorical, sparse, topK, sparseTopK, mae, mse, mean, wrapper, auc,
                precision, recall }.Select(m => m.Name));
        Assert.All(new Metric[] { accuracy, binary, mae, mean, auc, precision }, m => Assert.Equal("float32", m.DType));
        Assert.Equal(0.5, binary.Threshold);
        Assert.Equal(5, topK.K);
        Assert.Equal(5, sparseTopK.K);
        Assert.Equal(["total", "count"], mean.Variables.Select(v => v.Name));

        Assert.Equal(200, auc.NumThresholds);
        Assert.Equal("ROC", auc.Curve);
        Assert.Equal("interpolation", auc.SummationMethod);
        Assert.False(auc.MultiLabel);
        Assert.Null(auc.NumLabels);
        Assert.Null(auc.LabelWeights);
        Assert.False(auc.FromLogits);
        Assert.Equal(200, auc.Thresholds.Count);
        Assert.Equal(-1e-7, auc.Thresholds[0]);
        Assert.Equal(1.0 / 199, auc.Thresholds[1], 12);
        Assert.Equal(1 + 1e-7, auc.Thresholds[^1]);
        Assert.Equal(["true_positives", "false_positives", "true_negatives", "false_negatives"],
            auc.Variables.Select(v => v.Name));

        Assert.Equal([0.5], precision.Thresholds);
        Assert.Null(precision.TopK);
        Assert.Null(precision.ClassId);
        Assert.Equal([0.5], recall.Thresholds);
        Assert.Null(recall.TopK);
        Assert.Null(recall.ClassId);
        using var topKPrecision = new Precision(topK: 3);
        Assert.Equal([-1e10], topKPrecision.Thresholds);
    }

    [Fact]
    public void GetConfig_HasKerasKeys()
    {
        using var auc = new AUC(curve: "pr", fromLogits: true);
        var config = auc.GetConfig();
        Assert.Equal(["name", "dtype", "num_thresholds", "curve", "summation_method", "multi_label", "num_labels",
            "label_weights", "from_logits"], config.Keys);
        Assert.Equal("PR", config["curve"]);
        Assert.Equal(true, config["from_logits"]);
        using var precision = new Precision(0.3, classId: 2);
        Assert.Equal(0.3, precision.GetConfig()["thresholds"]);
        Assert.Equal(2, precision.GetConfig()["class_id"]);
        Assert.Null(new Recall().GetConfig()["thresholds"]);
        using var binary = new BinaryAccuracy(threshold: 0.3);
        Assert.Equal(0.3, binary.GetConfig()["threshold"]);
        using var topK = new SparseTopKCategoricalAccuracy(k: 2);
        Assert.Equal(2, topK.GetConfig()["k"]);
    }
}
