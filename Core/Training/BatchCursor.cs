namespace Keras.Training;

/// <summary>Hands out training batches in a fresh random order for each pass over the data (so <c>stepsPerEpoch</c>
/// may cycle the data as Keras does).</summary>
/// <remarks>A shuffled pass is one permutation; each batch gathers its rows with <c>index_select</c>. That reads only
/// the batch, where copying the whole shuffled dataset once per pass cost a full memory sweep (about 0.3 ms per step
/// at batch 128 on Fashion-MNIST).</remarks>
internal sealed class BatchCursor : IDisposable
{
    private readonly TensorData _data;
    private readonly int _batchSize;
    private readonly bool _shuffle;
    private readonly int _stepsPerPass;
    private Tensor? _permutation;
    private int _position;

    internal BatchCursor(TensorData data, int batchSize, bool shuffle)
    {
        _data = data;
        _batchSize = batchSize;
        _shuffle = shuffle;
        _stepsPerPass = data.Steps(batchSize);
        _position = _stepsPerPass;
    }

    /// <summary>The next batch; its tensors belong to the caller's dispose scope.</summary>
    internal DataBatch Next()
    {
        if (_position >= _stepsPerPass)
        {
            _permutation?.Dispose();
            _permutation = null;
            if (_shuffle)
            {
                using var scope = Backend.KerasBackend.Current.MemoryScope();
                _permutation = Ops.RandomPermutation(_data.Count).to(_data.Xs[0].device).DetachFromDisposeScope();
            }
            _position = 0;
        }
        int step = _position++;
        return _permutation is null ? _data.Batch(step, _batchSize) : _data.Gather(_permutation, step, _batchSize);
    }

    public void Dispose() => _permutation?.Dispose();
}
