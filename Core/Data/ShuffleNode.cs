namespace Keras.Data;

/// <summary>The input's elements in the order of a <c>tf.data</c> shuffle buffer (<c>Dataset.shuffle</c>).</summary>
/// <remarks>The input is random access, so the buffer is simulated on indices: the epoch's order is computed once
/// (4 bytes per element) and elements are read in that order. The order depends only on (seed, epoch).</remarks>
internal sealed class ShuffleNode(DatasetNode input, int bufferSize, long seed, bool reshuffleEachIteration) : DatasetNode
{
    private readonly Lock _gate = new();
    private (int Epoch, int[] Order)? _cached;

    internal override int Count => input.Count;

    internal override DataBatch Get(int index, int epoch) => input.Get(Order(epoch)[index], epoch);

    internal override DataBatch GetMany(int[] indices, int epoch)
    {
        var order = Order(epoch);
        return input.GetMany(indices.Select(i => order[i]).ToArray(), epoch);
    }

    /// <summary>tf.data's buffer: fill it with the first <c>bufferSize</c> elements; then repeatedly emit a uniformly
    /// chosen buffered element and put the next input element in its place.</summary>
    internal static int[] BufferOrder(int count, int bufferSize, Random random)
    {
        var buffer = new List<int>(Math.Min(bufferSize, count));
        int next = 0;
        while (next < count && buffer.Count < bufferSize)
        {
            buffer.Add(next++);
        }
        var order = new int[count];
        for (int k = 0; buffer.Count > 0; k++)
        {
            int j = random.Next(buffer.Count);
            order[k] = buffer[j];
            if (next < count)
            {
                buffer[j] = next++;
            }
            else
            {
                buffer[j] = buffer[^1];
                buffer.RemoveAt(buffer.Count - 1);
            }
        }
        return order;
    }

    private int[] Order(int epoch)
    {
        int key = reshuffleEachIteration ? epoch : 0;
        lock (_gate)
        {
            if (_cached is { } c && c.Epoch == key)
            {
                return c.Order;
            }
            var order = BufferOrder(input.Count, bufferSize, new Random(SeedMix.Derive(seed, key, 0)));
            _cached = (key, order);
            return order;
        }
    }
}
