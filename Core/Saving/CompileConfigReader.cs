using System.Text.Json.Nodes;
using Keras.Losses;
using Keras.Metrics;
using Keras.Optimizers;

namespace Keras.Saving;

/// <summary>Turns the values of a compile config into optimizers, losses, metrics and loss weights, accepting the forms
/// Keras 3, Keras 3's legacy writer, tf-keras and old Keras 2 wrote; unknown names fail with a
/// <see cref="KerasFileException"/> naming them.</summary>
internal sealed class CompileConfigReader
{
    private readonly string? _file;

    internal CompileConfigReader(string? file) => _file = file;

    /// <summary>An optimizer from its name or envelope (<c>Adam</c>, tf-keras' <c>Custom&gt;Adam</c>).</summary>
    internal Optimizer ReadOptimizer(JsonNode node)
    {
        if (JsonValues.TryGetString(node, out string name))
        {
            return Lookup(() => Optimizer.Get(name), "optimizer", name);
        }
        return Envelope<Optimizer>(node, "optimizer");
    }

    /// <summary>A loss from its name, a function envelope (<c>{"class_name": "function", "config": "mse"}</c>) or a
    /// class envelope.</summary>
    internal Loss ReadLoss(JsonNode node)
    {
        if (FunctionName(node) is { } name)
        {
            return Lookup(() => Loss.Get(name), "loss", name);
        }
        return Envelope<Loss>(node, "loss");
    }

    /// <summary>A metric from its name, a class envelope, or tf-keras' <c>MeanMetricWrapper</c> envelope whose
    /// <c>fn</c> names the function (the metric keeps the envelope's <c>name</c>).</summary>
    internal Metric ReadMetric(JsonNode node)
    {
        if (FunctionName(node) is { } name)
        {
            return Lookup(() => Metric.Get(name), "metric", name);
        }
        if (node is JsonObject { } envelope && JsonValues.TryGetString(envelope["class_name"], out string cls) &&
            cls == nameof(MeanMetricWrapper) && envelope["config"] is JsonObject config)
        {
            string fn = FunctionName(config["fn"]) ?? throw new KerasFileException(
                $"Cannot compile from {KerasFileException.Describe(_file)}: the MeanMetricWrapper metric " +
                $"{JsonValues.Preview(node)} has no \"fn\" naming its function.", _file);
            var metric = Lookup(() => Metric.Get(fn), "metric", fn);
            if (JsonValues.TryGetString(config["name"], out string metricName) && metricName.Length > 0)
            {
                metric.Name = metricName;
                metric.Identifier = metricName == fn ? fn : null;
            }
            return metric;
        }
        return Envelope<Metric>(node, "metric");
    }

    /// <summary>Metrics per output, from a flat list (applied to every output, a fresh copy each), a list with one
    /// list per output (tf-keras nests even a single output's), or an object keyed by output name.</summary>
    internal IReadOnlyList<IEnumerable<Metric>?>? MetricsPerOutput(JsonNode? node, IReadOnlyList<string> outputs)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonArray list when list.Count > 0 && list.All(item => item is JsonArray or null):
                if (list.Count != outputs.Count)
                {
                    throw Mismatch("metrics", list.Count, outputs);
                }
                return list.Select(item => item is JsonArray inner ? MetricList(inner) : null).ToList();
            case JsonArray list:
                return outputs.Select(_ => (IEnumerable<Metric>?)MetricList(list)).ToList();
            case JsonObject byName when byName["class_name"] is null:
                CheckNames(byName, outputs, "metrics");
                return outputs.Select(o => byName[o] switch
                {
                    null => null,
                    JsonArray inner => MetricList(inner),
                    var single => (IEnumerable<Metric>)[ReadMetric(single)],
                }).ToList();
            default:
                return outputs.Select(_ => (IEnumerable<Metric>?)[ReadMetric(node)]).ToList();
        }
    }

    /// <summary>Loss weights as a list in output order (from a list or an object keyed by output name).</summary>
    internal IReadOnlyList<double>? WeightsList(JsonNode? node, IReadOnlyList<string> outputs)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonArray list:
                if (list.Count != outputs.Count)
                {
                    throw Mismatch("loss_weights", list.Count, outputs);
                }
                return list.Select(w => Weight(w, "loss_weights")).ToList();
            case JsonObject byName:
                CheckNames(byName, outputs, "loss_weights");
                return outputs.Select(o => byName[o] is null ? 1.0 : Weight(byName[o], $"loss_weights.{o}")).ToList();
            default:
                return outputs.Select(_ => Weight(node, "loss_weights")).ToList();
        }
    }

    /// <summary>Loss weights keyed by output name.</summary>
    internal IReadOnlyDictionary<string, double>? WeightsByName(JsonNode? node, IReadOnlyList<string> outputs)
    {
        var list = WeightsList(node, outputs);
        return list?.Select((w, i) => (outputs[i], w)).ToDictionary(p => p.Item1, p => p.w);
    }

    private List<Metric> MetricList(JsonArray list) =>
        list.Where(m => m is not null).Select(m => ReadMetric(m!)).ToList();

    private double Weight(JsonNode? node, string what) => JsonValues.TryGetDouble(node, out double w)
        ? w
        : throw new KerasFileException(
            $"Cannot compile from {KerasFileException.Describe(_file)}: `{what}` must be a number. Received: " +
            JsonValues.Preview(node), _file);

    private T Envelope<T>(JsonNode node, string kind) where T : class
    {
        try
        {
            return KerasSerialization.Deserialize<T>(node);
        }
        catch (Exception e) when (e is KeyNotFoundException or ArgumentException or InvalidCastException
                                      or FormatException or InvalidOperationException)
        {
            string name = node is JsonObject o && JsonValues.TryGetString(o["class_name"], out string c)
                ? c
                : JsonValues.Preview(node);
            throw new KerasFileException(
                $"Cannot compile from {KerasFileException.Describe(_file)}: unknown or malformed {kind} \"{name}\". " +
                e.Message, _file, e);
        }
    }

    private T Lookup<T>(Func<T> create, string kind, string name)
    {
        try
        {
            return create();
        }
        catch (ArgumentException e)
        {
            throw new KerasFileException(
                $"Cannot compile from {KerasFileException.Describe(_file)}: unknown {kind} \"{name}\". {e.Message}",
                _file, e);
        }
    }

    private KerasFileException Mismatch(string what, int count, IReadOnlyList<string> outputs) => new(
        $"Cannot compile from {KerasFileException.Describe(_file)}: `{what}` has {count} entries but the model has " +
        $"{outputs.Count} outputs ({string.Join(", ", outputs)}).", _file);

    private void CheckNames(JsonObject byName, IReadOnlyList<string> outputs, string what)
    {
        var unknown = byName.Select(kv => kv.Key).Where(k => !outputs.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new KerasFileException(
                $"Cannot compile from {KerasFileException.Describe(_file)}: `{what}` names unknown outputs " +
                $"[{string.Join(", ", unknown)}]; the model's outputs are [{string.Join(", ", outputs)}].", _file);
        }
    }

    /// <summary>The name of a function given as a string or as Keras 3's <c>{"class_name": "function", "config":
    /// name}</c> envelope; null for anything else.</summary>
    private static string? FunctionName(JsonNode? node)
    {
        if (JsonValues.TryGetString(node, out string name))
        {
            return name;
        }
        return node is JsonObject envelope && JsonValues.TryGetString(envelope["class_name"], out string cls) &&
               cls == "function" && JsonValues.TryGetString(envelope["config"], out string fn)
            ? fn
            : null;
    }
}
