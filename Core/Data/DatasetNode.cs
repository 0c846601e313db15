namespace Keras.Data;

/// <summary>One stage of a <see cref="Dataset"/> pipeline: a random-access list of elements for a given epoch.</summary>
/// <remarks>Stages are immutable and thread-safe; they create tensors in the caller's dispose scope (the dataset opens
/// one per batch). The epoch is a parameter so that shuffles and seeded maps are a pure function of (epoch, index).</remarks>
internal abstract class DatasetNode
{
    /// <summary>The number of elements.</summary>
    internal abstract int Count { get; }

    /// <summary>Element <paramref name="index"/> of epoch <paramref name="epoch"/>.</summary>
    internal abstract DataBatch Get(int index, int epoch);

    /// <summary>The elements at <paramref name="indices"/> stacked into one batch; sources override it to gather rows
    /// in one copy.</summary>
    internal virtual DataBatch GetMany(int[] indices, int epoch) =>
        BatchTensors.Stack(indices.Select(i => Get(i, epoch)).ToList());
}
