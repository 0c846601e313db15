using System.Diagnostics;
using static TorchSharp.torch;

namespace Keras.Benchmarks;

/// <summary>The tutorial CNN trained by a hand-written TorchSharp loop: NCHW functional ops (conv2d, relu,
/// max_pool2d, dropout, addmm, softmax), Keras' sparse cross-entropy on probabilities, autograd.grad and Keras' Adam in
/// place, one dispose scope per step.</summary>
/// <remarks>Two layouts: the natural TorchSharp way, images as contiguous (N, 1, 28, 28); or, with
/// <c>channelsLastViews</c>, images stored (N, 28, 28, 1) and viewed as NCHW by a permute, which is what Keras.Net's
/// channels_last Conv2D hands libtorch (libtorch then keeps the channels-last memory format through the network).</remarks>
internal sealed class CnnHandLoop : IDisposable
{
    private readonly Tensor[] _parameters;
    private readonly HandAdam _adam;
    private readonly bool _channelsLastViews;

    internal CnnHandLoop(int seed, bool channelsLastViews = false)
    {
        _channelsLastViews = channelsLastViews;
        torch.manual_seed(seed);
        _parameters =
        [
            GlorotUniform([32, 1, 3, 3], 9, 9 * 32), torch.zeros(32),
            GlorotUniform([64, 32, 3, 3], 9 * 32, 9 * 64), torch.zeros(64),
            GlorotUniform([1600, 10], 1600, 10), torch.zeros(10),
        ];
        foreach (var p in _parameters)
        {
            p.requires_grad_().DetachFromDisposeScope();
        }
        _adam = new HandAdam(_parameters);
    }

    /// <summary>One epoch over <paramref name="data"/> (or its first <paramref name="maxSteps"/> steps), timed whole.</summary>
    internal EpochResult RunEpoch(FashionData data, int batchSize, long? maxSteps)
    {
        var cpu = CpuClock.Start();
        long start = Stopwatch.GetTimestamp();
        long steps = Math.Min((data.Count + batchSize - 1) / batchSize, maxSteps ?? long.MaxValue);
        using var epochScope = torch.NewDisposeScope();
        var perm = torch.randperm(data.Count);
        var xs = _channelsLastViews
            ? data.X.index_select(0, perm).unsqueeze(-1).permute(0, 3, 1, 2)
            : data.X.index_select(0, perm).unsqueeze(1);
        var ys = data.Y.index_select(0, perm);
        var lossTotal = torch.zeros(Array.Empty<long>());
        var correctTotal = torch.zeros(Array.Empty<long>());
        long seen = 0;
        for (long step = 0; step < steps; step++)
        {
            using var scope = torch.NewDisposeScope();
            long offset = step * batchSize;
            long length = Math.Min(batchSize, data.Count - offset);
            var xb = xs.narrow(0, offset, length);
            var yb = ys.narrow(0, offset, length);
            var probs = Forward(xb);
            var loss = HandLoop.SparseCrossentropy(probs, yb);
            _adam.Update(torch.autograd.grad([loss], _parameters));
            using (torch.no_grad())
            {
                lossTotal.add_(loss.detach(), length);
                correctTotal.add_(probs.detach().argmax(1).eq(yb).sum());
            }
            seen += length;
        }
        double meanLoss = lossTotal.item<float>() / (double)seen;
        double accuracy = correctTotal.item<float>() / (double)seen;
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return new EpochResult(seconds, seen / seconds, meanLoss, accuracy, cpu.Elapsed());
    }

    /// <summary>Conv(32, 3×3) relu → max-pool 2 → Conv(64, 3×3) relu → max-pool 2 → flatten → dropout 0.5 (training)
    /// → dense softmax.</summary>
    private Tensor Forward(Tensor xb)
    {
        var p = _parameters;
        var h = torch.nn.functional.max_pool2d(torch.nn.functional.relu(torch.nn.functional.conv2d(xb, p[0], p[1])), 2);
        h = torch.nn.functional.max_pool2d(torch.nn.functional.relu(torch.nn.functional.conv2d(h, p[2], p[3])), 2);
        h = torch.nn.functional.dropout(h.flatten(1), 0.5, training: true);
        return torch.nn.functional.softmax(torch.addmm(p[5], h, p[4], 1, 1), 1);
    }

    private static Tensor GlorotUniform(long[] shape, long fanIn, long fanOut)
    {
        double limit = Math.Sqrt(6.0 / (fanIn + fanOut));
        return torch.rand(shape).mul_(2 * limit).sub_(limit);
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
