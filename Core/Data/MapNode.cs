namespace Keras.Data;

/// <summary>A function applied to every element (<c>tf.data.Dataset.map</c>); the seeded form hands it a
/// <see cref="Random"/> derived from (seed, epoch, index).</summary>
internal sealed class MapNode : DatasetNode
{
    private readonly DatasetNode _input;
    private readonly Func<DataBatch, Random?, DataBatch> _map;
    private readonly long? _seed;

    internal MapNode(DatasetNode input, Func<DataBatch, Random?, DataBatch> map, long? seed)
    {
        _input = input;
        _map = map;
        _seed = seed;
    }

    internal override int Count => _input.Count;

    internal override DataBatch Get(int index, int epoch)
    {
        var random = _seed is { } seed ? new Random(SeedMix.Derive(seed, epoch, index)) : null;
        return _map(_input.Get(index, epoch), random) ?? throw new InvalidOperationException(
            $"The function given to `Dataset.Map` returned null for element {index}; expected a DataBatch.");
    }
}
