namespace Keras.Data;

/// <summary>The samples of in-memory tensors (<c>from_tensor_slices</c>): element i is row i of each tensor.</summary>
internal sealed class ArraySource : DatasetNode
{
    private readonly IReadOnlyList<Tensor> _xs;
    private readonly IReadOnlyList<Tensor>? _ys;
    private readonly Tensor? _sampleWeight;

    internal ArraySource(IReadOnlyList<Tensor> xs, IReadOnlyList<Tensor>? ys, Tensor? sampleWeight)
    {
        _xs = xs;
        _ys = ys;
        _sampleWeight = sampleWeight;
        Count = checked((int)xs[0].shape[0]);
    }

    internal override int Count { get; }

    internal override DataBatch Get(int index, int epoch) =>
        new(_xs.Select(x => x[index].clone()).ToList(), _ys?.Select(y => y[index].clone()).ToList(),
            _sampleWeight?[index].clone());

    // One gather per tensor instead of stacking row by row.
    internal override DataBatch GetMany(int[] indices, int epoch)
    {
        using var rows = torch.tensor(indices.Select(i => (long)i).ToArray(), device: _xs[0].device);
        return new DataBatch(_xs.Select(x => x.index_select(0, rows)).ToList(),
            _ys?.Select(y => y.index_select(0, rows)).ToList(), _sampleWeight?.index_select(0, rows));
    }
}
