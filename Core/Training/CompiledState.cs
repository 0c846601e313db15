using Keras.Losses;
using Keras.Metrics;
using Keras.Optimizers;

namespace Keras.Training;

/// <summary>What <c>Compile</c> fixed: optimizer, loss, the loss tracker and the metrics, and the variables that train.</summary>
internal sealed class CompiledState : IDisposable
{
    internal CompiledState(Optimizer optimizer, Loss? loss, List<Metric> metrics, IReadOnlyList<Variable> trainable)
    {
        Optimizer = optimizer;
        Loss = loss;
        CompiledMetrics = metrics;
        LossTracker = new Mean("loss");
        TrainableVariables = trainable;
    }

    internal Optimizer Optimizer { get; }
    internal Loss? Loss { get; }
    internal Mean LossTracker { get; }
    internal List<Metric> CompiledMetrics { get; }
    internal IReadOnlyList<Variable> TrainableVariables { get; }

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

    private int _version = -1;
    private IReadOnlyList<Variable> _current = [];

    internal IReadOnlyList<Metric> AllMetrics => [LossTracker, .. CompiledMetrics];

    internal void ResetMetrics()
    {
        foreach (var m in AllMetrics)
        {
            m.ResetState();
        }
    }

    public void Dispose() => LossTracker.Dispose();
}
