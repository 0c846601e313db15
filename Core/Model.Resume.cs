using Keras.Backend;
using Keras.Training;

namespace Keras;

public abstract partial class Model
{
    /// <summary>The running <c>Fit</c>'s resumable state, for callbacks that back it up (BackupAndRestore); null
    /// outside <c>Fit</c>.</summary>
    internal FitSession? ActiveFit { get; private set; }

    /// <summary>A state a callback read in <c>OnTrainBegin</c> (after loading the weights), from which <c>Fit</c>
    /// continues instead of <c>initialEpoch</c> (Keras' <c>model._initial_epoch</c>). <c>Fit</c> restores it once every
    /// callback's <c>OnTrainBegin</c> ran (History clears itself there) and consumes it.</summary>
    internal FitSnapshot? PendingResume { get; set; }

    private IDisposable BeginFitSession(FitSession session)
    {
        ActiveFit = session;
        PendingResume = null;
        return new EndFitSession(this);
    }

    /// <summary>The epoch and step <c>Fit</c> starts at: a restored snapshot's, else <paramref name="initialEpoch"/>.</summary>
    private (int Epoch, int Step) ResumePoint(int initialEpoch)
    {
        var resume = PendingResume;
        PendingResume = null;
        if (resume is null)
        {
            return (initialEpoch, 0);
        }
        ActiveFit!.Restore(resume);
        return (resume.Epoch, resume.Step);
    }

    /// <summary>Creates the state of metrics that build on their first batch (<c>"accuracy"</c> picks its kind from
    /// the shapes), so a mid-epoch snapshot's accumulators can be assigned to them: one inference pass on the first
    /// training batch (no random draws), then a reset.</summary>
    private void BuildLazyMetrics(CompiledState compiled, IEpochSource train)
    {
        var outputs = compiled.Outputs;
        if (outputs.All(o => o.Metrics.All(m => m.Variables.Count > 0)))
        {
            return;
        }
        using var scope = KerasBackend.Current.MemoryScope();
        using var noGrad = Ops.NoGrad();
        var batch = train.SampleBatch();
        var predictions = CallModel(batch.Inputs, training: false);
        for (int i = 0; i < outputs.Count && batch.Targets is not null; i++)
        {
            foreach (var metric in outputs[i].Metrics.Where(m => m.Variables.Count == 0))
            {
                metric.UpdateState(batch.Targets[i], predictions[i], batch.SampleWeight);
                metric.ResetState();
            }
        }
    }

    private sealed class EndFitSession(Model model) : IDisposable
    {
        public void Dispose()
        {
            model.ActiveFit = null;
            model.PendingResume = null;
        }
    }
}
