using Keras.Metrics;
using static TorchSharp.torch;

namespace Keras.Benchmarks;

/// <summary>Replays Keras.Net's <c>TrainStep</c> one step at a time from its public pieces (<c>model.Call</c>,
/// <c>model.Loss.Call</c>, <c>autograd.grad</c>, <c>model.Optimizer.Apply</c>, the metrics' <c>UpdateState</c>) with a
/// <see cref="PhaseRecorder"/> between them, so each engine component's cost can be set against the hand loop's
/// equivalent. What Fit spends beyond their sum is its epoch loop (callbacks, logs, batch cursor, step scope).</summary>
internal sealed class KerasReplay : IDisposable
{
    internal static readonly string[] PhaseNames =
    [
        "batch slicing", "forward (model.Call)", "loss (Loss.Call)", "gradients (autograd.grad)",
        "optimizer (Adam.Apply)", "metrics (loss tracker + accuracy)", "step scope dispose",
        "TrainableWeights walk (ComputeLoss)",
    ];

    private readonly Model _model;
    private readonly IReadOnlyList<Variable> _variables;
    private readonly List<Tensor> _values;
    private readonly Mean _lossTracker;
    private readonly List<Metric> _metrics;
    private readonly Tensor _xs;
    private readonly Tensor _ys;
    private readonly int _batchSize;
    private readonly long _stepsPerPass;
    private long _step;

    internal KerasReplay(Model model, FashionData data, int batchSize)
    {
        _model = model;
        _batchSize = batchSize;
        _variables = model.TrainableWeights;
        _values = _variables.Select(v => v.Value).ToList();
        _lossTracker = (Mean)model.Metrics[0];
        // Metrics[0] is the engine's loss tracker; per-output loss trackers (also Mean) are not metrics of (y, ŷ).
        _metrics = model.Metrics.Skip(1).Where(m => m is not Mean).ToList();
        _stepsPerPass = data.Count / batchSize;
        using var scope = torch.NewDisposeScope();
        var perm = torch.randperm(data.Count);
        _xs = data.X.index_select(0, perm).DetachFromDisposeScope();
        _ys = data.Y.index_select(0, perm).DetachFromDisposeScope();
    }

    internal void Step(PhaseRecorder recorder)
    {
        long offset = _step++ % _stepsPerPass * _batchSize;
        recorder.Begin();
        using (var stepScope = torch.NewDisposeScope())
        {
            var xb = _xs.narrow(0, offset, _batchSize);
            var yb = _ys.narrow(0, offset, _batchSize);
            recorder.Mark(0);
            var yPred = _model.Call(xb, training: true);
            recorder.Mark(1);
            var loss = _model.Loss!.Call(yb, yPred);
            recorder.Mark(2);
            var grads = torch.autograd.grad([loss], _values, allow_unused: true);
            recorder.Mark(3);
            _model.Optimizer!.Apply(grads.Select(g => g is null || g.IsInvalid ? null : g).ToList(), _variables);
            recorder.Mark(4);
            using (torch.no_grad())
            {
                _lossTracker.UpdateState(loss, _batchSize);
                var detached = yPred.detach();
                foreach (var metric in _metrics)
                {
                    metric.UpdateState(yb, detached);
                }
            }
            recorder.Mark(5);
        }
        recorder.Mark(6);
        // ComputeLoss walks TrainableWeights each step looking for regularizers; timed on its own.
        foreach (var variable in _model.TrainableWeights)
        {
            _ = variable.Regularizer;
        }
        recorder.Mark(7);
        recorder.EndStep();
    }

    public void Dispose()
    {
        _xs.Dispose();
        _ys.Dispose();
    }
}
