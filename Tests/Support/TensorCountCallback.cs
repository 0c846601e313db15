using Keras.Backend;
using Keras.Callbacks;

namespace Keras.Tests.Support;

/// <summary>Records the live tensor count at each epoch end (leak checks).</summary>
internal sealed class TensorCountCallback : Callback
{
    internal List<long> Counts { get; } = [];

    public override void OnEpochEnd(int epoch, Logs logs)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Counts.Add(KerasBackend.Current.LiveTensorCount);
    }
}
