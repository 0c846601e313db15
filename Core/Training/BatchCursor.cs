namespace Keras.Training;

/// <summary>Hands out training batches, reshuffling after each full pass over the data (so <c>stepsPerEpoch</c> may
/// cycle the data as Keras does). Shuffled copies live outside the step scopes and are freed on the next pass.</summary>
internal sealed class BatchCursor : IDisposable
{
    private readonly TensorData _data;
    private readonly int _batchSize;
    private readonly bool _shuffle;
    private readonly int _stepsPerPass;
    private TensorData? _order;
    private int _position;

    internal BatchCursor(TensorData data, int batchSize, bool shuffle)
    {
        _data = data;
        _batchSize = batchSize;
        _shuffle = shuffle;
        _stepsPerPass = data.Steps(batchSize);
        _position = _stepsPerPass;
    }

    /// <summary>The next batch as views; they belong to the caller's dispose scope.</summary>
    internal (Tensor X, Tensor? Y, Tensor? SampleWeight) Next()
    {
        if (_position >= _stepsPerPass)
        {
            Reorder();
        }
        return _order!.Batch(_position++, _batchSize);
    }

    private void Reorder()
    {
        DisposeOrder();
        if (_shuffle)
        {
            using var scope = Backend.KerasBackend.Current.MemoryScope();
            var shuffled = _data.ForEpoch(shuffle: true);
            _order = TensorData.View(
                shuffled.X.DetachFromDisposeScope(),
                shuffled.Y?.DetachFromDisposeScope(),
                shuffled.SampleWeight?.DetachFromDisposeScope());
            _ownsOrder = true;
        }
        else
        {
            _order = _data;
            _ownsOrder = false;
        }
        _position = 0;
    }

    private bool _ownsOrder;

    private void DisposeOrder()
    {
        if (_ownsOrder && _order is not null)
        {
            _order.X.Dispose();
            _order.Y?.Dispose();
            _order.SampleWeight?.Dispose();
        }
        _order = null;
    }

    public void Dispose() => DisposeOrder();
}
