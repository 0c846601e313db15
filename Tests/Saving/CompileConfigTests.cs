using System.Text.Json.Nodes;
using Keras.Losses;
using Keras.Metrics;
using Keras.Optimizers;
using Keras.Saving;
using Keras.Tests.Saving.Legacy;

namespace Keras.Tests.Saving;

[Collection(SerialCollection.Name)]
public class CompileConfigTests
{
    public static TheoryData<string> OptimizerCases => ["sgd", "adam", "adamw", "rmsprop", "adagrad", "adamax", "nadam"];

    private static Optimizer NonDefault(string name) => name switch
    {
        "sgd" => new SGD(0.05, momentum: 0.8, nesterov: true, clipnorm: 1.5),
        "adam" => new Adam(0.002, 0.8, 0.99, 1e-6, amsgrad: true, weightDecay: 0.01),
        "adamw" => new AdamW(0.003, 0.02, 0.85, 0.98, 1e-5, globalClipnorm: 2.0),
        "rmsprop" => new RMSprop(0.004, 0.8, 0.5, 1e-6, centered: true, clipvalue: 0.5),
        "adagrad" => new Adagrad(0.02, 0.2, 1e-6),
        "adamax" => new Adamax(0.005, 0.7, 0.95, 1e-6),
        _ => new Nadam(0.006, 0.75, 0.97, 1e-6, name: "my_nadam"),
    };

    [Theory]
    [MemberData(nameof(OptimizerCases))]
    public void EveryOptimizer_RoundTripsThroughItsEnvelope(string name)
    {
        var original = NonDefault(name);
        var envelope = CompileConfig.SerializeOptimizer(original, legacy: false);
        Assert.Equal("keras.optimizers", (string?)envelope["module"]);
        Assert.Equal(original.GetType().Name, (string?)envelope["class_name"]);
        Assert.Equal((double)(float)original.LearningRate, (double)envelope["config"]!["learning_rate"]!);

        var restored = KerasSerialization.Deserialize<Optimizer>(envelope);
        Assert.Equal(original.GetType(), restored.GetType());
        Assert.Equal(original.LearningRate, restored.LearningRate);
        Assert.Equal(Json(original.GetConfig()), Json(restored.GetConfig()));

        var legacy = CompileConfig.SerializeOptimizer(original, legacy: true);
        Assert.Null(legacy["module"]);
        Assert.Equal(Json(original.GetConfig()),
            Json(KerasSerialization.Deserialize<Optimizer>(legacy).GetConfig()));
    }

    public static TheoryData<string> LossCases => [.. Losses().Select(l => l.GetType().Name)];

    private static IEnumerable<Loss> Losses() =>
    [
        new Keras.Losses.MeanSquaredError(reduction: "sum"), new Keras.Losses.MeanAbsoluteError(name: "l1"),
        new MeanAbsolutePercentageError(), new MeanSquaredLogarithmicError(), new Huber(delta: 2.0),
        new LogCosh(), new BinaryCrossentropy(fromLogits: true, labelSmoothing: 0.1),
        new CategoricalCrossentropy(labelSmoothing: 0.2, axis: -1), new SparseCategoricalCrossentropy(true, 255),
        new KLDivergence(), new Hinge(), new SquaredHinge(), new CategoricalHinge(), new Poisson(),
        new CosineSimilarity(axis: 1, reduction: "none"),
    ];

    [Theory]
    [MemberData(nameof(LossCases))]
    public void EveryLoss_RoundTripsThroughItsEnvelope(string className)
    {
        var original = Losses().Single(l => l.GetType().Name == className);
        var envelope = CompileConfig.SerializeLoss(original)!.AsObject();
        Assert.Equal("keras.losses", (string?)envelope["module"]);
        var restored = new CompileConfigReader(null).ReadLoss(envelope);
        Assert.Equal(original.GetType(), restored.GetType());
        Assert.Equal(Json(original.GetConfig()), Json(restored.GetConfig()));
    }

    public static TheoryData<string> MetricCases => [.. MetricObjects().Select(m => m.GetType().Name)];

    private static IEnumerable<Metric> MetricObjects() =>
    [
        new Accuracy(name: "acc_exact"), new BinaryAccuracy(threshold: 0.7), new CategoricalAccuracy(),
        new SparseCategoricalAccuracy(), new TopKCategoricalAccuracy(k: 3), new SparseTopKCategoricalAccuracy(k: 2),
        new Keras.Metrics.MeanAbsoluteError(), new Keras.Metrics.MeanSquaredError(name: "m2"), new Mean(name: "avg"),
        new AUC(numThresholds: 50, curve: "PR", multiLabel: true), new Precision(thresholds: [0.3, 0.6]),
        new Recall(topK: 2, classId: 1),
    ];

    [Theory]
    [MemberData(nameof(MetricCases))]
    public void EveryMetric_RoundTripsThroughItsEnvelope(string className)
    {
        var original = MetricObjects().Single(m => m.GetType().Name == className);
        var envelope = CompileConfig.SerializeMetric(original).AsObject();
        Assert.Equal("keras.metrics", (string?)envelope["module"]);
        var restored = new CompileConfigReader(null).ReadMetric(envelope);
        Assert.Equal(original.GetType(), restored.GetType());
        Assert.Equal(Json(original.GetConfig()), Json(restored.GetConfig()));
    }

    [Fact]
    public void StringsStayStrings_AsKerasRecordsWhatCompileWasGiven()
    {
        var model = SavingModels.Mlp();
        model.Compile(optimizer: "adam", loss: "mse", metrics: ["mae", "accuracy"]);
        var config = CompileConfig.SerializeCompileConfig(model);
        Assert.Equal("mse", (string?)config["loss"]);
        Assert.Equal(["mae", "accuracy"], config["metrics"]!.AsArray().Select(m => (string)m!));
        Assert.Equal("adam", (string?)config["optimizer"]!["config"]!["name"]);
        Assert.Equal(0.0010000000474974513, (double)config["optimizer"]!["config"]!["learning_rate"]!);
        Assert.Null(config["loss_weights"]);
        Assert.False((bool)config["jit_compile"]!);
        Assert.Empty(CompileConfig.SerializeCompileConfig(SavingModels.Mlp()));

        var twin = SavingModels.Mlp();
        CompileConfig.Compile(twin, config, null);
        Assert.Equal(0.001, twin.Optimizer!.LearningRate);
        Assert.Equal(["loss", "mae", "accuracy"], twin.MetricsNames);
        Assert.Equal(config.ToJsonString(), CompileConfig.SerializeCompileConfig(twin).ToJsonString());
    }

    [Fact]
    public void MultiOutputRecord_KeepsUnprefixedMetricNames()
    {
        var model = SavingModels.TwoInTwoOut();
        model.Compile(new Adam(), [new BinaryCrossentropy(), "sparse_categorical_crossentropy"], [1.0, 0.25],
            [[new BinaryAccuracy()], ["accuracy"]]);
        var config = CompileConfig.SerializeCompileConfig(model);
        Assert.Equal("binary_accuracy", (string?)config["metrics"]![0]![0]!["config"]!["name"]);
        var twin = SavingModels.TwoInTwoOut();
        CompileConfig.Compile(twin, config, null);
        Assert.Equal(model.MetricsNames, twin.MetricsNames);
        Assert.Equal(config.ToJsonString(), CompileConfig.SerializeCompileConfig(twin).ToJsonString());

        var training = CompileConfig.SerializeTrainingConfig(model)!;
        Assert.Null(training["optimizer"]);
        Assert.Equal("BinaryCrossentropy", (string?)training["loss"]![0]!["class_name"]);
        Assert.Null(training["loss"]![0]!["module"]);
        Assert.Equal("Adam", (string?)training["optimizer_config"]!["class_name"]);
    }

    [Fact]
    public void TfKerasTrainingConfig_CompilesAdamWithTheSameHyperparameters()
    {
        // keras-formats.md §3.8, as tf-keras writes it.
        var config = JsonNode.Parse("""
            {"loss": "categorical_crossentropy",
             "metrics": [[{"class_name": "MeanMetricWrapper",
                           "config": {"name": "accuracy", "dtype": "float32", "fn": "categorical_accuracy"}}]],
             "weighted_metrics": null, "loss_weights": null,
             "optimizer_config": {"class_name": "Custom>Adam",
                                  "config": {"name": "Adam", "weight_decay": null, "clipnorm": null,
                                             "global_clipnorm": null, "clipvalue": null, "use_ema": false,
                                             "ema_momentum": 0.99, "ema_overwrite_frequency": null,
                                             "jit_compile": true, "is_legacy_optimizer": false,
                                             "learning_rate": 0.001, "beta_1": 0.9, "beta_2": 0.999,
                                             "epsilon": 1e-07, "amsgrad": false}}}
            """)!.AsObject();
        var model = SavingModels.Mlp();
        CompileConfig.Compile(model, config, "tf.h5");
        var adam = Assert.IsType<Adam>(model.Optimizer);
        Assert.Equal("Adam", adam.Name);
        Assert.Equal(0.001, adam.LearningRate);
        Assert.Equal(0.9, adam.Beta1);
        Assert.Equal(0.999, adam.Beta2);
        Assert.Equal(1e-7, adam.Epsilon);
        Assert.False(adam.Amsgrad);
        Assert.IsType<CategoricalCrossentropy>(model.Loss);
        Assert.Equal(["loss", "accuracy"], model.MetricsNames);
        Assert.IsType<CategoricalAccuracy>(model.Metrics[1]);
    }

    [Fact]
    public void LegacyKeras2Optimizer_WithLr_IsRead()
    {
        var config = JsonNode.Parse("""
            {"loss": "mse", "metrics": ["acc"], "loss_weights": null,
             "optimizer_config": {"class_name": "SGD",
                                  "config": {"name": "SGD", "lr": 0.05, "momentum": 0.9, "decay": 0.0,
                                             "nesterov": false}}}
            """)!.AsObject();
        var model = SavingModels.Mlp();
        CompileConfig.Compile(model, config, null);
        var sgd = Assert.IsType<SGD>(model.Optimizer);
        Assert.Equal(0.05, sgd.LearningRate);
        Assert.Equal(0.9, sgd.Momentum);
    }

    [Theory]
    [InlineData("""{"loss": "mse", "optimizer_config": {"class_name": "Lion", "config": {}}}""", "Lion")]
    [InlineData("""{"loss": "focal_thing", "optimizer": "adam"}""", "focal_thing")]
    [InlineData("""{"loss": "mse", "metrics": ["f1_magic"], "optimizer": "adam"}""", "f1_magic")]
    [InlineData("""{"loss": {"class_name": "Dice", "config": {}}, "optimizer": "adam"}""", "Dice")]
    public void UnknownNames_FailNamingThem(string json, string name)
    {
        var model = SavingModels.Mlp();
        var error = Assert.Throws<KerasFileException>(
            () => CompileConfig.Compile(model, JsonNode.Parse(json)!.AsObject(), "m.h5"));
        Assert.Contains(name, error.Message);
        Assert.Contains("\"m.h5\"", error.Message);
        Assert.Equal("m.h5", error.FilePath);
    }

    [Theory]
    [InlineData("""{"loss": "mse", "optimizer": "adam", "weighted_metrics": ["mae"]}""", "weighted_metrics")]
    [InlineData("""{"loss": "mse", "optimizer": {"class_name": "Adam", "config": {"use_ema": true}}}""", "ema")]
    public void UnimplementedKerasFeatures_AreFileErrors_WithNotSupportedInside(string json, string feature)
    {
        var model = SavingModels.Mlp();
        var error = Assert.Throws<KerasFileException>(
            () => CompileConfig.Compile(model, JsonNode.Parse(json)!.AsObject(), "m.keras"));
        Assert.IsType<NotSupportedException>(error.InnerException);
        Assert.Contains(feature, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"m.keras\"", error.Message);
    }

    private static string Json(Dictionary<string, object?> config) =>
        KerasSerialization.SerializeConfig(config).ToJsonString();
}
