namespace Keras.Training;

/// <summary>Batches of in-memory tensors: Keras' array adapter (shuffled per pass, cycling for <c>stepsPerEpoch</c>).</summary>
internal sealed class ArrayEpochSource(TensorData data, int batchSize, bool shuffle, int? steps) : IEpochSource
{
    private readonly BatchCursor _cursor = new(data, batchSize, shuffle);

    public int Steps { get; } = steps ?? data.Steps(batchSize);

    public int BeginEpoch() => Steps;

    public DataBatch Next() => _cursor.Next();

    public void EndEpoch()
    {
    }

    public void Dispose() => _cursor.Dispose();
}
