using System.Text.Json.Nodes;
using Keras.Losses;
using Keras.Metrics;
using Keras.Optimizers;
using MetricMae = Keras.Metrics.MeanAbsoluteError;
using MetricMse = Keras.Metrics.MeanSquaredError;

namespace Keras.Saving;

/// <summary>The built-in optimizers, losses and metrics, under Keras' modules (<c>keras.optimizers</c>,
/// <c>keras.losses</c>, <c>keras.metrics</c>), class names and snake_case names, so compile configs can be read
/// back.</summary>
/// <remarks>Factories read the keys Keras 3 writes and tf-keras' variants: an optimizer's <c>lr</c> for
/// <c>learning_rate</c>, a loss reduction of <c>"auto"</c>, tf-keras' extra optimizer keys (<c>jit_compile</c>,
/// <c>is_legacy_optimizer</c>), which are ignored.</remarks>
internal static partial class BuiltInClasses
{
    private const string OptimizersModule = "keras.optimizers";
    private const string LossesModule = "keras.losses";
    private const string MetricsModule = "keras.metrics";

    static partial void RegisterTrainingObjects()
    {
        RegisterOptimizers();
        RegisterSchedules();
        RegisterLosses();
        RegisterMetrics();
    }

    private static void RegisterOptimizers()
    {
        RegisterOptimizer<SGD>("SGD", "sgd", (r, b) => new SGD(b.LearningRate(0.01), r.GetDouble("momentum", 0.0),
            r.GetBool("nesterov", false), b.WeightDecay, b.Clipnorm, b.Clipvalue, b.GlobalClipnorm, r.Name ?? "SGD"));
        RegisterOptimizer<Adam>("Adam", "adam", (r, b) => new Adam(b.LearningRate(0.001), r.GetDouble("beta_1", 0.9),
            r.GetDouble("beta_2", 0.999), r.GetDouble("epsilon", 1e-7), r.GetBool("amsgrad", false), b.WeightDecay,
            b.Clipnorm, b.Clipvalue, b.GlobalClipnorm, r.Name ?? "adam"));
        RegisterOptimizer<AdamW>("AdamW", "adamw", (r, b) => new AdamW(b.LearningRate(0.001), b.WeightDecay ?? 0.004,
            r.GetDouble("beta_1", 0.9), r.GetDouble("beta_2", 0.999), r.GetDouble("epsilon", 1e-7),
            r.GetBool("amsgrad", false), b.Clipnorm, b.Clipvalue, b.GlobalClipnorm, r.Name ?? "adamw"));
        RegisterOptimizer<RMSprop>("RMSprop", "rmsprop", (r, b) => new RMSprop(b.LearningRate(0.001), r.GetDouble("rho", 0.9),
            r.GetDouble("momentum", 0.0), r.GetDouble("epsilon", 1e-7), r.GetBool("centered", false), b.WeightDecay,
            b.Clipnorm, b.Clipvalue, b.GlobalClipnorm, r.Name ?? "rmsprop"));
        RegisterOptimizer<Adagrad>("Adagrad", "adagrad", (r, b) => new Adagrad(b.LearningRate(0.001),
            r.GetDouble("initial_accumulator_value", 0.1), r.GetDouble("epsilon", 1e-7), b.WeightDecay, b.Clipnorm,
            b.Clipvalue, b.GlobalClipnorm, r.Name ?? "adagrad"));
        RegisterOptimizer<Adamax>("Adamax", "adamax", (r, b) => new Adamax(b.LearningRate(0.001), r.GetDouble("beta_1", 0.9),
            r.GetDouble("beta_2", 0.999), r.GetDouble("epsilon", 1e-7), b.WeightDecay, b.Clipnorm, b.Clipvalue,
            b.GlobalClipnorm, r.Name ?? "adamax"));
        RegisterOptimizer<Nadam>("Nadam", "nadam", (r, b) => new Nadam(b.LearningRate(0.001), r.GetDouble("beta_1", 0.9),
            r.GetDouble("beta_2", 0.999), r.GetDouble("epsilon", 1e-7), b.WeightDecay, b.Clipnorm, b.Clipvalue,
            b.GlobalClipnorm, r.Name ?? "nadam"));
    }

    private static void RegisterLosses()
    {
        RegisterLoss<Losses.MeanSquaredError>("MeanSquaredError", (r, red, n) => new Losses.MeanSquaredError(red, n),
            "mean_squared_error", "mse", "MSE");
        RegisterLoss<Losses.MeanAbsoluteError>("MeanAbsoluteError", (r, red, n) => new Losses.MeanAbsoluteError(red, n),
            "mean_absolute_error", "mae", "MAE");
        RegisterLoss<MeanAbsolutePercentageError>("MeanAbsolutePercentageError",
            (r, red, n) => new MeanAbsolutePercentageError(red, n), "mean_absolute_percentage_error", "mape", "MAPE");
        RegisterLoss<MeanSquaredLogarithmicError>("MeanSquaredLogarithmicError",
            (r, red, n) => new MeanSquaredLogarithmicError(red, n), "mean_squared_logarithmic_error", "msle", "MSLE");
        RegisterLoss<Huber>("Huber", (r, red, n) => new Huber(r.GetDouble("delta", 1.0), red, n), "huber", "huber_loss");
        RegisterLoss<LogCosh>("LogCosh", (r, red, n) => new LogCosh(red, n), "log_cosh", "logcosh");
        RegisterLoss<BinaryCrossentropy>("BinaryCrossentropy", (r, red, n) => new BinaryCrossentropy(
            r.GetBool("from_logits", false), r.GetDouble("label_smoothing", 0.0), r.GetInt("axis", -1), red, n),
            "binary_crossentropy", "bce", "BCE");
        RegisterLoss<CategoricalCrossentropy>("CategoricalCrossentropy", (r, red, n) => new CategoricalCrossentropy(
            r.GetBool("from_logits", false), r.GetDouble("label_smoothing", 0.0), r.GetInt("axis", -1), red, n),
            "categorical_crossentropy");
        RegisterLoss<SparseCategoricalCrossentropy>("SparseCategoricalCrossentropy", (r, red, n) =>
        {
            if (r.Has("axis") && r.GetInt("axis") != -1)
            {
                throw r.Error($"only axis=-1 is supported. Received: axis={r.GetInt("axis")}");
            }
            return new SparseCategoricalCrossentropy(r.GetBool("from_logits", false),
                r.Has("ignore_class") ? r.GetInt("ignore_class") : null, red, n);
        }, "sparse_categorical_crossentropy");
        RegisterLoss<KLDivergence>("KLDivergence", (r, red, n) => new KLDivergence(red, n), "kl_divergence", "kld", "KLD");
        RegisterLoss<Hinge>("Hinge", (r, red, n) => new Hinge(red, n), "hinge");
        RegisterLoss<SquaredHinge>("SquaredHinge", (r, red, n) => new SquaredHinge(red, n), "squared_hinge");
        RegisterLoss<CategoricalHinge>("CategoricalHinge", (r, red, n) => new CategoricalHinge(red, n), "categorical_hinge");
        RegisterLoss<Poisson>("Poisson", (r, red, n) => new Poisson(red, n), "poisson");
        RegisterLoss<CosineSimilarity>("CosineSimilarity",
            (r, red, n) => new CosineSimilarity(r.GetInt("axis", -1), red, n), "cosine_similarity");
    }

    private static void RegisterMetrics()
    {
        RegisterMetric<Accuracy>("Accuracy", r => new Accuracy(r.Name ?? "accuracy", r.DType));
        RegisterMetric<BinaryAccuracy>("BinaryAccuracy",
            r => new BinaryAccuracy(r.Name ?? "binary_accuracy", r.DType, r.GetDouble("threshold", 0.5)),
            "binary_accuracy");
        RegisterMetric<CategoricalAccuracy>("CategoricalAccuracy",
            r => new CategoricalAccuracy(r.Name ?? "categorical_accuracy", r.DType), "categorical_accuracy");
        RegisterMetric<SparseCategoricalAccuracy>("SparseCategoricalAccuracy",
            r => new SparseCategoricalAccuracy(r.Name ?? "sparse_categorical_accuracy", r.DType),
            "sparse_categorical_accuracy");
        RegisterMetric<TopKCategoricalAccuracy>("TopKCategoricalAccuracy",
            r => new TopKCategoricalAccuracy(r.GetInt("k", 5), r.Name ?? "top_k_categorical_accuracy", r.DType),
            "top_k_categorical_accuracy");
        RegisterMetric<SparseTopKCategoricalAccuracy>("SparseTopKCategoricalAccuracy",
            r => new SparseTopKCategoricalAccuracy(r.GetInt("k", 5), r.Name ?? "sparse_top_k_categorical_accuracy",
                r.DType), "sparse_top_k_categorical_accuracy");
        RegisterMetric<MetricMae>("MeanAbsoluteError", r => new MetricMae(r.Name ?? "mean_absolute_error", r.DType),
            "mean_absolute_error");
        RegisterMetric<MetricMse>("MeanSquaredError", r => new MetricMse(r.Name ?? "mean_squared_error", r.DType),
            "mean_squared_error");
        RegisterMetric<Mean>("Mean", r => new Mean(r.Name ?? "mean", r.DType));
        RegisterMetric<AUC>("AUC", r => new AUC(r.GetInt("num_thresholds", 200), r.GetString("curve", "ROC"),
            r.GetString("summation_method", "interpolation"), r.Name ?? "auc", r.DType, NumberList(r, "thresholds"),
            r.GetBool("multi_label", false), r.Has("num_labels") ? r.GetInt("num_labels") : null,
            NumberList(r, "label_weights"), r.GetBool("from_logits", false)), "auc");
        RegisterMetric<Precision>("Precision", r => new Precision(NumberList(r, "thresholds"),
            r.Has("top_k") ? r.GetInt("top_k") : null, r.Has("class_id") ? r.GetInt("class_id") : null,
            r.Name ?? "precision", r.DType), "precision");
        RegisterMetric<Recall>("Recall", r => new Recall(NumberList(r, "thresholds"),
            r.Has("top_k") ? r.GetInt("top_k") : null, r.Has("class_id") ? r.GetInt("class_id") : null,
            r.Name ?? "recall", r.DType), "recall");
    }

    private static void RegisterOptimizer<T>(string className, string alias, Func<ConfigReader, OptimizerBase, T> create)
        where T : Optimizer =>
        SerializationRegistry.RegisterBuiltIn(OptimizersModule, className, c =>
        {
            var r = new ConfigReader(className, c);
            return create(r, new OptimizerBase(r));
        }, aliases: [alias]);

    private static void RegisterLoss<T>(string className, Func<ConfigReader, string, string, T> create,
        params string[] aliases) where T : Loss =>
        SerializationRegistry.RegisterBuiltIn(LossesModule, className, c =>
        {
            var r = new ConfigReader(className, c);
            // tf-keras writes "auto", which means sum_over_batch_size outside distribution strategies.
            string reduction = r.GetString("reduction", "sum_over_batch_size");
            return create(r, reduction == "auto" ? "sum_over_batch_size" : reduction, r.Name ?? aliases[0]);
        }, aliases: aliases);

    private static void RegisterMetric<T>(string className, Func<ConfigReader, T> create, params string[] aliases)
        where T : Metric =>
        SerializationRegistry.RegisterBuiltIn(MetricsModule, className, c => create(new ConfigReader(className, c)),
            aliases: aliases);

    /// <summary>A list of numbers, or one number as a one-element list (Precision's <c>thresholds</c>); null when
    /// absent.</summary>
    private static double[]? NumberList(ConfigReader r, string key) => r.Config[key] switch
    {
        null => null,
        JsonArray items => items.Select(i => JsonValues.TryGetDouble(i, out double d)
            ? d
            : throw r.Error($"\"{key}\" must be a list of numbers. Received: {JsonValues.Preview(items)}")).ToArray(),
        var single => [r.GetDouble(key)],
    };

    /// <summary>The arguments every optimizer shares, with Keras 2 spellings and unsupported settings rejected.</summary>
    private sealed class OptimizerBase
    {
        private readonly ConfigReader _reader;

        internal OptimizerBase(ConfigReader reader)
        {
            _reader = reader;
            if (reader.GetBool("use_ema", false))
            {
                throw new NotSupportedException(
                    $"Optimizer {reader.ClassName} with use_ema=True is not supported by Keras.Net.");
            }
            if (reader.Has("decay") && reader.GetDouble("decay") != 0)
            {
                throw new NotSupportedException(
                    $"Optimizer {reader.ClassName} with the Keras 2 learning-rate `decay` " +
                    $"({reader.GetDouble("decay")}) is not supported by Keras.Net.");
            }
            WeightDecay = Nullable("weight_decay");
            Clipnorm = Nullable("clipnorm");
            Clipvalue = Nullable("clipvalue");
            GlobalClipnorm = Nullable("global_clipnorm");
        }

        internal double? WeightDecay { get; }

        internal double? Clipnorm { get; }

        internal double? Clipvalue { get; }

        internal double? GlobalClipnorm { get; }

        /// <summary><c>learning_rate</c> (Keras 2.0–2.2: <c>lr</c>): a schedule envelope (Keras 3 or legacy form),
        /// or a number; a float32-rounded value reads back as the decimal it came from (0.0010000000474974513 →
        /// 0.001).</summary>
        internal LearningRateOrSchedule LearningRate(double defaultValue)
        {
            string key = _reader.Has("learning_rate") ? "learning_rate" : "lr";
            if (_reader.Config[key] is JsonObject schedule)
            {
                return KerasSerialization.Deserialize<Optimizers.Schedules.LearningRateSchedule>(schedule);
            }
            double lr = _reader.GetDouble(key, defaultValue);
            return (double)(float)lr == lr ? Optimizers.Optimizer.FromFloat32((float)lr) : lr;
        }

        private double? Nullable(string key) => _reader.Has(key) ? _reader.GetDouble(key) : null;
    }
}
