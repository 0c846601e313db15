namespace Keras.Tests.Core.Metrics;

/// <summary>Metric tests that count live tensors run alone: the count is process-wide.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsTensorCountCollection
{
    public const string Name = "Metrics tensor count";
}
