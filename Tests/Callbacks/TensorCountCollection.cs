namespace Keras.Tests.Callbacks;

/// <summary>Tests that count live tensors run alone: the count is process-wide.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TensorCountCollection
{
    public const string Name = "Callbacks tensor count";
}
