namespace Keras.Data;

/// <summary>Consecutive elements stacked into batches (<c>tf.data.Dataset.batch</c>).</summary>
internal sealed class BatchNode(DatasetNode input, int batchSize, bool dropRemainder) : DatasetNode
{
    internal override int Count => dropRemainder ? input.Count / batchSize : (input.Count + batchSize - 1) / batchSize;

    internal override DataBatch Get(int index, int epoch)
    {
        int start = index * batchSize;
        int length = Math.Min(batchSize, input.Count - start);
        return input.GetMany(Enumerable.Range(start, length).ToArray(), epoch);
    }
}
