namespace Keras.Data;

/// <summary>A contiguous range of the input's elements (<c>take</c> and <c>skip</c>).</summary>
internal sealed class SliceNode(DatasetNode input, int start, int count) : DatasetNode
{
    internal override int Count => count;

    internal override DataBatch Get(int index, int epoch) => input.Get(start + index, epoch);

    internal override DataBatch GetMany(int[] indices, int epoch) =>
        input.GetMany(indices.Select(i => start + i).ToArray(), epoch);
}
