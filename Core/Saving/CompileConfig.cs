using System.Text.Json.Nodes;
using Keras.Losses;
using Keras.Metrics;
using Keras.Optimizers;

namespace Keras.Saving;

/// <summary>A model's compile settings as Keras saves them: Keras 3's <c>compile_config</c> (in <c>.keras</c>
/// archives) and the legacy <c>training_config</c> (in <c>.h5</c> files), and compiling a model from either, including
/// the variants tf-keras wrote (keras-formats.md §3.8).</summary>
internal static class CompileConfig
{
    /// <summary>Records a single-loss <c>Compile</c>.</summary>
    internal static CompileArguments Record(Loss? loss, IReadOnlyList<Metric>? metrics) =>
        new(SerializeLoss(loss), null, metrics is null ? null : MetricList(metrics));

    /// <summary>Records a per-output-list <c>Compile</c>.</summary>
    internal static CompileArguments Record(IReadOnlyList<Loss?> loss, IReadOnlyList<double>? lossWeights,
        IReadOnlyList<List<Metric>?>? metrics) => new(
        new JsonArray(loss.Select(SerializeLoss).ToArray()),
        lossWeights is null ? null : new JsonArray(lossWeights.Select(w => (JsonNode?)JsonValue.Create(w)).ToArray()),
        metrics is null ? null : new JsonArray(metrics.Select(m => m is null ? null : (JsonNode)MetricList(m)).ToArray()));

    /// <summary>Records a by-output-name <c>Compile</c>.</summary>
    internal static CompileArguments Record(IReadOnlyDictionary<string, Loss> loss,
        IReadOnlyDictionary<string, double>? lossWeights, IReadOnlyDictionary<string, List<Metric>>? metrics)
    {
        var losses = new JsonObject();
        foreach (var (name, value) in loss)
        {
            losses[name] = SerializeLoss(value);
        }
        JsonObject? weights = null;
        if (lossWeights is not null)
        {
            weights = [];
            foreach (var (name, value) in lossWeights)
            {
                weights[name] = value;
            }
        }
        JsonObject? metricsByName = null;
        if (metrics is not null)
        {
            metricsByName = [];
            foreach (var (name, value) in metrics)
            {
                metricsByName[name] = MetricList(value);
            }
        }
        return new CompileArguments(losses, weights, metricsByName);
    }

    /// <summary>Keras 3's <c>compile_config</c>: <c>{}</c> for a model that was not compiled.</summary>
    internal static JsonObject SerializeCompileConfig(Model model)
    {
        if (!model.Compiled || model.CompileArguments is not { } arguments || model.Optimizer is not { } optimizer)
        {
            return [];
        }
        return new JsonObject
        {
            ["optimizer"] = SerializeOptimizer(optimizer, legacy: false),
            ["loss"] = arguments.Loss?.DeepClone(),
            ["loss_weights"] = arguments.LossWeights?.DeepClone(),
            ["metrics"] = arguments.Metrics?.DeepClone(),
            ["weighted_metrics"] = null,
            ["run_eagerly"] = false,
            ["steps_per_execution"] = 1,
            ["jit_compile"] = false,
        };
    }

    /// <summary>The legacy <c>training_config</c> as Keras 3's legacy <c>.h5</c> writer writes it: the compile
    /// arguments without the optimizer (losses and metrics in the legacy <c>{"class_name", "config"}</c> form), then
    /// <c>optimizer_config</c>. Null for a model that was not compiled.</summary>
    internal static JsonObject? SerializeTrainingConfig(Model model)
    {
        if (!model.Compiled || model.CompileArguments is not { } arguments || model.Optimizer is not { } optimizer)
        {
            return null;
        }
        return new JsonObject
        {
            ["loss"] = ToLegacy(arguments.Loss),
            ["loss_weights"] = arguments.LossWeights?.DeepClone(),
            ["metrics"] = ToLegacy(arguments.Metrics),
            ["weighted_metrics"] = null,
            ["run_eagerly"] = false,
            ["steps_per_execution"] = 1,
            ["jit_compile"] = false,
            ["optimizer_config"] = SerializeOptimizer(optimizer, legacy: true),
        };
    }

    /// <summary>An optimizer's envelope; a fixed learning rate is written as the float32 value Keras keeps in its
    /// variable (0.001 → 0.0010000000474974513), a schedule as its envelope (legacy form in a legacy
    /// envelope).</summary>
    internal static JsonObject SerializeOptimizer(Optimizer optimizer, bool legacy)
    {
        var config = KerasSerialization.SerializeConfig(optimizer.GetConfig(), legacy);
        if (optimizer.Schedule is null)
        {
            config["learning_rate"] = (double)(float)optimizer.LearningRate;
        }
        return Envelope(optimizer, config, legacy);
    }

    /// <summary>Compiles <paramref name="model"/> from a Keras 3 <c>compile_config</c> or a legacy
    /// <c>training_config</c> (tf-keras, old Keras 2, Keras 3's legacy writer).</summary>
    /// <param name="model">The model.</param>
    /// <param name="config">The config.</param>
    /// <param name="file">The file it came from, for messages.</param>
    /// <exception cref="KerasFileException">An optimizer, loss or metric is unknown or malformed, the losses do not
    /// fit the model's outputs, or the config uses a Keras feature Keras.Net does not implement
    /// (<c>weighted_metrics</c>, EMA; the inner exception is a
    /// <see cref="NotSupportedException"/>).</exception>
    internal static void Compile(Model model, JsonObject config, string? file)
    {
        try
        {
            CompileCore(model, config, file);
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException or NotSupportedException
                                      or InvalidOperationException or FormatException or InvalidCastException)
        {
            throw new KerasFileException(
                $"Cannot compile the model from the compile settings in {KerasFileException.Describe(file)}: " +
                e.Message, file, e);
        }
    }

    private static void CompileCore(Model model, JsonObject config, string? file)
    {
        var reader = new CompileConfigReader(file);
        if (config["weighted_metrics"] is JsonArray { Count: > 0 } or JsonObject { Count: > 0 })
        {
            throw new NotSupportedException(
                $"The compile config in {KerasFileException.Describe(file)} uses `weighted_metrics`, which Keras.Net " +
                "does not implement. Load with compile: false and compile the model yourself.");
        }
        var optimizerNode = config["optimizer_config"] ?? config["optimizer"];
        var optimizer = optimizerNode is null ? Optimizer.Get("rmsprop") : reader.ReadOptimizer(optimizerNode);
        var names = model.OutputNames;
        var lossNode = config["loss"];
        var weightsNode = config["loss_weights"];
        var metricsNode = config["metrics"];
        try
        {
            if (lossNode is JsonObject byName && byName["class_name"] is null)
            {
                var losses = new Dictionary<string, Loss>();
                foreach (var (name, value) in byName)
                {
                    if (value is not null)
                    {
                        losses[name] = reader.ReadLoss(value);
                    }
                }
                var weights = reader.WeightsByName(weightsNode, names);
                var metrics = reader.MetricsPerOutput(metricsNode, names);
                model.Compile(optimizer, losses, weights,
                    metrics?.Select((m, i) => (names[i], m)).Where(p => p.m is not null)
                        .ToDictionary(p => p.Item1, p => (IEnumerable<Metric>)p.m!));
            }
            else if (lossNode is JsonArray list)
            {
                var losses = list.Select(l => l is null ? null : reader.ReadLoss(l)).ToList();
                model.Compile(optimizer, losses, reader.WeightsList(weightsNode, names),
                    reader.MetricsPerOutput(metricsNode, names));
            }
            else if (names.Count == 1 && weightsNode is null)
            {
                var metrics = reader.MetricsPerOutput(metricsNode, names);
                model.Compile(optimizer, lossNode is null ? null : reader.ReadLoss(lossNode), metrics?[0]);
            }
            else
            {
                // One loss for several outputs (or with weights): Keras applies it to each output.
                var losses = names.Select(_ => lossNode is null ? null : reader.ReadLoss(lossNode)).ToList();
                model.Compile(optimizer, losses, reader.WeightsList(weightsNode, names),
                    reader.MetricsPerOutput(metricsNode, names));
            }
        }
        catch (ArgumentException e)
        {
            throw new KerasFileException(
                $"Cannot compile model \"{model.Name}\" from the compile config in {KerasFileException.Describe(file)}: " +
                e.Message, file, e);
        }
    }

    /// <summary>A loss as given: its lookup string, or its envelope.</summary>
    internal static JsonNode? SerializeLoss(Loss? loss) => loss switch
    {
        null => null,
        { Identifier: { } identifier } => JsonValue.Create(identifier),
        _ => Envelope(loss, KerasSerialization.SerializeConfig(loss.GetConfig()), legacy: false),
    };

    /// <summary>A metric as given: its lookup string, or its envelope.</summary>
    internal static JsonNode SerializeMetric(Metric metric) => metric.Identifier is { } identifier
        ? JsonValue.Create(identifier)
        : Envelope(metric, KerasSerialization.SerializeConfig(metric.GetConfig()), legacy: false);

    private static JsonArray MetricList(IEnumerable<Metric> metrics) =>
        new(metrics.Select(m => (JsonNode?)SerializeMetric(m)).ToArray());

    /// <summary>The Keras 3 envelope of a training object: module and class name from the registry; unregistered
    /// classes are written under their type name (loading them then needs a registration).</summary>
    private static JsonObject Envelope(object value, JsonObject config, bool legacy) =>
        KerasSerialization.Envelope(SerializationRegistry.Find(value.GetType()), value.GetType().Name, config, legacy);

    /// <summary>Keras 3 envelopes (anywhere in a loss or metrics value) in the legacy form: without <c>module</c> and
    /// <c>registered_name</c>, a registered class named by its registered name.</summary>
    private static JsonNode? ToLegacy(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                return new JsonArray(array.Select(ToLegacy).ToArray());
            case JsonObject envelope when envelope["class_name"] is not null && envelope.ContainsKey("module"):
                JsonValues.TryGetString(envelope["registered_name"], out string registered);
                bool custom = envelope["module"] is null && registered.Contains('>');
                return new JsonObject
                {
                    ["class_name"] = custom ? registered : envelope["class_name"]!.DeepClone(),
                    ["config"] = envelope["config"]?.DeepClone(),
                };
            case JsonObject byName:
                var result = new JsonObject();
                foreach (var (key, value) in byName)
                {
                    result[key] = ToLegacy(value);
                }
                return result;
            default:
                return node?.DeepClone();
        }
    }
}
