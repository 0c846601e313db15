using Keras.Metrics;
using Keras.Optimizers;

namespace Keras.Training;

/// <summary>What <c>Compile</c> fixed: optimizer, per-output losses and metrics, the loss trackers, and the variables
/// that train.</summary>
internal sealed class CompiledState : IDisposable
{
    private int _version = -1;
    private IReadOnlyList<Variable> _current = [];

    private readonly Func<IReadOnlyList<Variable>> _trainable;
    private IReadOnlyList<Variable>? _snapshot;

    internal CompiledState(Optimizer optimizer, IReadOnlyList<CompiledOutput> outputs,
        Func<IReadOnlyList<Variable>> trainable)
    {
        Optimizer = optimizer;
        Outputs = outputs;
        LossTracker = new Mean("loss");
        _trainable = trainable;
    }

    internal Optimizer Optimizer { get; }
    internal IReadOnlyList<CompiledOutput> Outputs { get; }
    internal Mean LossTracker { get; }
    /// <summary>The weights that were trainable when training first ran after <c>Compile</c> (a model that builds lazily,
    /// like a subclassed one, has its weights only then).</summary>
    internal IReadOnlyList<Variable> TrainableVariables => _snapshot ??= _trainable();
    internal bool HasLoss => Outputs.Any(o => o.Loss is not null);

    /// <summary>Keras' <c>model.metrics</c> order: the loss tracker, compiled metrics, then per-output loss trackers.</summary>
    internal IReadOnlyList<Metric> AllMetrics =>
    [
        LossTracker,
        .. Outputs.SelectMany(o => o.Metrics),
        .. Outputs.Where(o => o.LossTracker is not null).Select(o => (Metric)o.LossTracker!),
    ];

    /// <summary>The variables to update now: those trainable at compile time that are still trainable (freezing after
    /// compile takes effect, as in Keras 3; unfreezing needs a new compile).</summary>
    internal IReadOnlyList<Variable> TrainableVariablesNow()
    {
        if (_version != Layer.TrainableVersion)
        {
            _current = TrainableVariables.Where(v => v.Trainable).ToList();
            _version = Layer.TrainableVersion;
        }
        return _current;
    }

    internal void ResetMetrics()
    {
        foreach (var m in AllMetrics)
        {
            m.ResetState();
        }
    }

    public void Dispose()
    {
        LossTracker.Dispose();
        foreach (var output in Outputs)
        {
            output.LossTracker?.Dispose();
        }
    }
}
