namespace Keras.Benchmarks;

/// <summary>One timed training epoch: wall time, throughput, the epoch's running-mean loss and accuracy, and the CPU
/// time the process got meanwhile (all threads; CPU/wall near the thread count means the process was not starved).</summary>
internal readonly record struct EpochResult(double Seconds, double SamplesPerSecond, double Loss, double Accuracy,
    double CpuSeconds);
