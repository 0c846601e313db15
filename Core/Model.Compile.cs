using Keras.Losses;
using Keras.Metrics;
using Keras.Optimizers;
using Keras.Saving;
using Keras.Training;

namespace Keras;

public abstract partial class Model
{
    private CompiledState? _compiled;

    /// <summary>The arguments of the last <c>Compile</c>, as saving writes them (<c>compile_config</c>); null before
    /// compiling.</summary>
    internal CompileArguments? CompileArguments { get; private set; }

    /// <summary>Configures the model for training (<c>model.compile</c>).</summary>
    /// <param name="optimizer">An optimizer or its name. Defaults to <c>"rmsprop"</c>, as Keras.</param>
    /// <param name="loss">A loss or its name (e.g. <c>"sparse_categorical_crossentropy"</c>); with several outputs it
    /// applies to each.</param>
    /// <param name="metrics">Metrics or their names; <c>"accuracy"</c> resolves to binary, categorical or sparse
    /// categorical accuracy from the shapes, as in Keras.</param>
    /// <remarks>Call it again after changing <see cref="Layer.Trainable"/> so that training picks the change up.</remarks>
    public void Compile(Optimizer? optimizer = null, Loss? loss = null, IEnumerable<Metric>? metrics = null)
    {
        var names = OutputNames;
        if (names.Count > 1 && metrics is not null && metrics.Any())
        {
            throw new ArgumentException(
                $"Model \"{Name}\" has {names.Count} outputs ({string.Join(", ", names)}): pass `metrics` per output, " +
                "as a list with one entry per output or a dictionary keyed by output name.", nameof(metrics));
        }
        var metricList = metrics?.ToList();
        var record = CompileConfig.Record(loss, metricList);
        var outputs = names
            .Select((n, i) => NewOutput(n, loss, 1.0,
                i == 0 ? metricList : null, names.Count > 1))
            .ToList();
        SetCompiled(optimizer, outputs, loss);
        CompileArguments = record;
    }

    /// <summary>Configures a model with several outputs, with one loss (and optionally weights and metrics) per output,
    /// in <see cref="OutputNames"/> order.</summary>
    /// <param name="optimizer">An optimizer or its name. Defaults to <c>"rmsprop"</c>.</param>
    /// <param name="loss">One loss per output (null to leave an output out of the loss).</param>
    /// <param name="lossWeights">The weight of each output's loss in the total. Defaults to 1 each.</param>
    /// <param name="metrics">The metrics of each output. Defaults to none.</param>
    public void Compile(Optimizer? optimizer, IReadOnlyList<Loss?> loss, IReadOnlyList<double>? lossWeights = null,
        IReadOnlyList<IEnumerable<Metric>?>? metrics = null)
    {
        var names = OutputNames;
        CheckCount(loss.Count, names, "loss");
        if (lossWeights is not null)
        {
            CheckCount(lossWeights.Count, names, "loss_weights");
        }
        if (metrics is not null)
        {
            CheckCount(metrics.Count, names, "metrics");
        }
        var metricLists = metrics?.Select(m => m?.ToList()).ToList();
        var record = CompileConfig.Record(loss, lossWeights, metricLists);
        var outputs = names
            .Select((n, i) => NewOutput(n, loss[i], lossWeights?[i] ?? 1.0, metricLists?[i], names.Count > 1))
            .ToList();
        SetCompiled(optimizer, outputs, loss.FirstOrDefault(l => l is not null));
        CompileArguments = record;
    }

    /// <summary>Configures a model with several outputs, with losses (and optionally weights and metrics) keyed by output
    /// name; outputs not named get no loss.</summary>
    /// <param name="optimizer">An optimizer or its name. Defaults to <c>"rmsprop"</c>.</param>
    /// <param name="loss">Losses by output name.</param>
    /// <param name="lossWeights">Loss weights by output name. Defaults to 1 each.</param>
    /// <param name="metrics">Metrics by output name. Defaults to none.</param>
    public void Compile(Optimizer? optimizer, IReadOnlyDictionary<string, Loss> loss,
        IReadOnlyDictionary<string, double>? lossWeights = null,
        IReadOnlyDictionary<string, IEnumerable<Metric>>? metrics = null)
    {
        var names = OutputNames;
        CheckKeys(loss.Keys, names, "loss");
        CheckKeys(lossWeights?.Keys ?? [], names, "loss_weights");
        CheckKeys(metrics?.Keys ?? [], names, "metrics");
        var metricLists = metrics?.ToDictionary(kv => kv.Key, kv => kv.Value.ToList());
        var record = CompileConfig.Record(loss, lossWeights, metricLists);
        var outputs = names.Select(n => NewOutput(n, loss.GetValueOrDefault(n),
                lossWeights?.GetValueOrDefault(n, 1.0) ?? 1.0, metricLists?.GetValueOrDefault(n), names.Count > 1))
            .ToList();
        SetCompiled(optimizer, outputs, loss.Values.FirstOrDefault());
        CompileArguments = record;
    }

    /// <summary>The names of the model's outputs, used for per-output losses and log keys (<c>{output}_loss</c>).</summary>
    public virtual IReadOnlyList<string> OutputNames => [Layers.Count > 0 ? Layers[^1].Name : Name];

    /// <summary>The names of the model's inputs, used to match dictionary data.</summary>
    public virtual IReadOnlyList<string> InputNames => ["input"];

    /// <summary>The dtype each input is converted to before the first layer, in <see cref="InputNames"/> order.</summary>
    public virtual IReadOnlyList<string> InputDTypes => [InputDType];

    private static CompiledOutput NewOutput(string name, Loss? loss, double weight, IEnumerable<Metric>? metrics,
        bool prefix)
    {
        var list = metrics?.ToList() ?? [];
        var duplicate = list.GroupBy(m => m.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException(
                $"Metric names must be unique; \"{duplicate.Key}\" was given {duplicate.Count()} times.", nameof(metrics));
        }
        if (prefix)
        {
            foreach (var m in list)
            {
                m.Name = $"{name}_{m.Name}";
            }
        }
        return new CompiledOutput(name, loss, weight, list, prefix && loss is not null ? new Mean($"{name}_loss") : null);
    }

    private void SetCompiled(Optimizer? optimizer, List<CompiledOutput> outputs, Loss? firstLoss)
    {
        _compiled?.Dispose();
        Optimizer = optimizer ?? Optimizer.Get("rmsprop");
        Loss = firstLoss;
        _compiled = new CompiledState(Optimizer, outputs, () => TrainableWeights);
    }

    private static void CheckCount(int count, IReadOnlyList<string> names, string argument)
    {
        if (count != names.Count)
        {
            throw new ArgumentException(
                $"`{argument}` has {count} entries but the model has {names.Count} outputs ({string.Join(", ", names)}).",
                argument);
        }
    }

    private static void CheckKeys(IEnumerable<string> keys, IReadOnlyList<string> names, string argument)
    {
        var unknown = keys.Where(k => !names.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"`{argument}` names unknown outputs [{string.Join(", ", unknown)}]. " +
                $"Expected names from: [{string.Join(", ", names)}].", argument);
        }
    }

    private CompiledState RequireCompiled(string method) => _compiled ?? throw new InvalidOperationException(
        $"You must call `Compile()` before using the model in `{method}`.");

    private CompiledState RequireLoss(string method)
    {
        var compiled = RequireCompiled(method);
        return !compiled.HasLoss
            ? throw new InvalidOperationException(
                $"Model \"{Name}\" was compiled without a `loss`; `{method}` needs one. Pass `loss:` to `Compile`.")
            : compiled;
    }
}
