using System.Diagnostics;
using static TorchSharp.torch;

namespace Keras.Benchmarks;

/// <summary>The tutorial model trained by a hand-written TorchSharp loop: plain functional ops, Keras' Adam formula in
/// place, one dispose scope per step, and the same running loss and accuracy as Fit reports.</summary>
/// <remarks>Semantics mirror Keras: glorot-uniform kernels (in, out) and zero biases; softmax output, then sparse
/// cross-entropy on the normalised probabilities clipped to [1e-7, 1 - 1e-7]; Adam with lr 1e-3, betas 0.9/0.999,
/// epsilon 1e-7 added to sqrt(v) without bias correction; a fresh shuffle each epoch.</remarks>
internal sealed class HandLoop : IDisposable
{
    private const double ClipEpsilon = 1e-7;

    private readonly Tensor _w1;
    private readonly Tensor _b1;
    private readonly Tensor _w2;
    private readonly Tensor _b2;
    private readonly Tensor[] _parameters;
    private readonly HandAdam _adam;

    internal HandLoop(int seed)
    {
        torch.manual_seed(seed);
        _w1 = GlorotUniform(784, 128);
        _b1 = torch.zeros(128).requires_grad_().DetachFromDisposeScope();
        _w2 = GlorotUniform(128, 10);
        _b2 = torch.zeros(10).requires_grad_().DetachFromDisposeScope();
        _parameters = [_w1, _b1, _w2, _b2];
        _adam = new HandAdam(_parameters);
    }

    internal IReadOnlyList<Tensor> Parameters => _parameters;

    /// <summary>Phase names reported by <see cref="HandEpoch.Step"/> when it is given a recorder.</summary>
    internal static readonly string[] PhaseNames =
        ["batch slicing", "forward", "loss", "gradients (autograd.grad)", "optimizer (Adam)", "metrics", "step scope dispose"];

    /// <summary>One epoch over <paramref name="data"/> (or its first <paramref name="maxSteps"/> steps), timed whole.</summary>
    internal EpochResult RunEpoch(FashionData data, int batchSize, long? maxSteps = null)
    {
        var cpu = CpuClock.Start();
        long start = Stopwatch.GetTimestamp();
        using var epoch = BeginEpoch(data, batchSize, maxSteps);
        while (epoch.HasNext)
        {
            epoch.Step();
        }
        return epoch.Finish(start, cpu);
    }

    /// <summary>Starts an epoch (draws this epoch's shuffled copy) whose steps the caller runs one at a time.</summary>
    internal HandEpoch BeginEpoch(FashionData data, int batchSize, long? maxSteps = null) =>
        new(this, data, batchSize, maxSteps);

    /// <summary>One training step on a batch: forward, loss, gradients, Adam, running metrics; with
    /// <paramref name="phases"/> each phase is timed.</summary>
    internal void TrainStep(Tensor xb, Tensor yb, Tensor lossTotal, Tensor correctTotal, PhaseRecorder? phases)
    {
        phases?.Mark(0);
        var probs = Forward(xb);
        phases?.Mark(1);
        var loss = SparseCrossentropy(probs, yb);
        phases?.Mark(2);
        var grads = torch.autograd.grad([loss], _parameters);
        phases?.Mark(3);
        AdamUpdate(grads);
        phases?.Mark(4);
        using (torch.no_grad())
        {
            lossTotal.add_(loss.detach(), xb.shape[0]);
            correctTotal.add_(probs.detach().argmax(1).eq(yb).sum());
        }
        phases?.Mark(5);
    }

    /// <summary>Flatten, dense+relu, dropout 0.2 (training), dense+softmax.</summary>
    internal Tensor Forward(Tensor xb)
    {
        var flat = xb.reshape(xb.shape[0], -1);
        var hidden = torch.nn.functional.relu(torch.addmm(_b1, flat, _w1, 1, 1));
        hidden = torch.nn.functional.dropout(hidden, 0.2, training: true);
        return torch.nn.functional.softmax(torch.addmm(_b2, hidden, _w2, 1, 1), 1);
    }

    /// <summary>Keras' sparse categorical cross-entropy on probabilities, averaged over the batch.</summary>
    internal static Tensor SparseCrossentropy(Tensor probs, Tensor labels)
    {
        var normalised = probs / probs.sum(-1, keepdim: true);
        var logProbs = normalised.clamp(ClipEpsilon, 1 - ClipEpsilon).log();
        return -logProbs.gather(1, labels.unsqueeze(1)).mean();
    }

    /// <summary>Keras' Adam (see <see cref="HandAdam"/>).</summary>
    internal void AdamUpdate(IList<Tensor> grads) => _adam.Update(grads);

    private static Tensor GlorotUniform(long fanIn, long fanOut)
    {
        double limit = Math.Sqrt(6.0 / (fanIn + fanOut));
        return torch.rand(fanIn, fanOut).mul_(2 * limit).sub_(limit).requires_grad_().DetachFromDisposeScope();
    }

    public void Dispose()
    {
        foreach (var t in _parameters)
        {
            t.Dispose();
        }
        _adam.Dispose();
    }
}
