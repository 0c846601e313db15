namespace Keras.Saving.Tfjs;

/// <summary>One entry of a tfjs-layers <c>weightsManifest</c> group: a weight's name, shape and dtype, with its values
/// once the group's shards have been read.</summary>
/// <param name="Name">The tfjs weight name (<c>dense/kernel</c>, <c>bidirectional/forward_lstm/kernel</c>).</param>
/// <param name="Shape">The shape in Keras layout.</param>
/// <param name="DType">The tfjs dtype: <c>float32</c> or <c>int32</c>.</param>
internal sealed record TfjsWeightSpec(string Name, long[] Shape, string DType)
{
    /// <summary>The number of elements (checked against overflow by the manifest reader).</summary>
    public long Count => Shape.Aggregate(1L, (a, d) => checked(a * d));

    /// <summary>The values, little-endian as in the shard, once read.</summary>
    public byte[] Bytes { get; set; } = [];
}
