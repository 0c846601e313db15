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

    public (long[]? Permutation, int Position)? GetResumeState() => _cursor.GetState();

    public void SetResumeState(long[]? permutation, int position, string source) =>
        _cursor.SetState(permutation, position, source);

    public DataBatch SampleBatch() => data.Batch(0, batchSize);

    public void Dispose() => _cursor.Dispose();
}
