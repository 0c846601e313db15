using Keras.Backend;
using Keras.Callbacks;

namespace Keras.Benchmarks;

/// <summary>One epoch's memory: the peak and end-of-epoch resident set, private memory, and live tensors.</summary>
internal sealed record MemoryEpoch(int Epoch, double Seconds, double PeakRssMb, double RssMb, double RssAnonMb,
    double PrivateBytesMb, double GcHeapMb, long LiveTensors, double Loss);

/// <summary>A callback that records <see cref="MemoryEpoch"/> rows during <c>Fit</c>: the kernel's peak-RSS mark is
/// reset at each epoch start, so each row's peak belongs to that epoch alone.</summary>
internal sealed class MemoryProbe : Callback
{
    private long _start;

    internal List<MemoryEpoch> Epochs { get; } = [];

    internal bool PeakIsPerEpoch { get; private set; } = true;

    public override void OnEpochBegin(int epoch, Logs logs)
    {
        PeakIsPerEpoch &= ProcessMemory.ResetPeak();
        _start = System.Diagnostics.Stopwatch.GetTimestamp();
    }

    public override void OnEpochEnd(int epoch, Logs logs)
    {
        double seconds = System.Diagnostics.Stopwatch.GetElapsedTime(_start).TotalSeconds;
        var snapshot = ProcessMemory.Read();
        Epochs.Add(new MemoryEpoch(epoch + 1, seconds, snapshot.PeakRssMb, snapshot.RssMb, snapshot.RssAnonMb,
            snapshot.PrivateBytesMb, snapshot.GcHeapMb, KerasBackend.Current.LiveTensorCount, logs["loss"]));
    }
}
