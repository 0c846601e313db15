namespace Keras.Tests;

/// <summary>Tests that depend on process-wide state run alone: automatic layer names, the global random seed and the
/// live tensor count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Process-wide state";
}
