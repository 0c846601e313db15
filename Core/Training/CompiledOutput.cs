using Keras.Losses;
using Keras.Metrics;

namespace Keras.Training;

/// <summary>What <c>Compile</c> attached to one model output: its loss, loss weight, metrics and (for several outputs)
/// a per-output loss tracker named <c>{output}_loss</c>.</summary>
internal sealed class CompiledOutput(string name, Loss? loss, double weight, List<Metric> metrics, Mean? lossTracker)
{
    internal string Name { get; } = name;
    internal Loss? Loss { get; } = loss;
    internal double Weight { get; } = weight;
    internal List<Metric> Metrics { get; } = metrics;
    internal Mean? LossTracker { get; } = lossTracker;
}
