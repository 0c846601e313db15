namespace Keras.Training;

/// <summary>Hands out training batches, reshuffling after each full pass over the data (so <c>stepsPerEpoch</c> may
/// cycle the data as Keras does). Shuffled copies live outside the step scopes and are freed on the next pass.</summary>
internal sealed class BatchCursor : IDisposable
{
    private readonly TensorData _data;
    private readonly int _batchSize;
    private readonly bool _shuffle;
    private readonly int _stepsPerPass;
    private TensorData? _shuffled;
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
    internal DataBatch Next()
    {
        if (_position >= _stepsPerPass)
        {
            _shuffled?.Dispose();
            _shuffled = _shuffle ? _data.Shuffled() : null;
            _position = 0;
        }
        return (_shuffled ?? _data).Batch(_position++, _batchSize);
    }

    public void Dispose() => _shuffled?.Dispose();
}
