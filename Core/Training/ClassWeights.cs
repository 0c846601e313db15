namespace Keras.Training;

/// <summary>Keras' <c>class_weight</c>: each sample's weight is its class's weight (labels sparse or one-hot).</summary>
internal static class ClassWeights
{
    internal static TensorData Apply(TensorData data, IReadOnlyDictionary<int, double> classWeight)
    {
        if (data.Ys is not { Count: 1 })
        {
            throw new ArgumentException("`class_weight` needs exactly one target `y` (a single-output model).");
        }
        using var scope = Backend.KerasBackend.Current.MemoryScope();
        var weights = SampleWeights(data.Ys[0], classWeight).DetachFromDisposeScope();
        return TensorData.View(data.Xs, data.Ys, weights).WithOwned(weights);
    }

    /// <summary>Each sample's class weight (1 for classes not listed), in the caller's dispose scope.</summary>
    internal static Tensor SampleWeights(Tensor y, IReadOnlyDictionary<int, double> classWeight)
    {
        var labels = y.dim() > 1 && y.shape[^1] > 1
            ? Ops.ArgMax(y, -1)
            : y.reshape(y.shape[0]).to_type(TorchSharp.torch.ScalarType.Int64);
        long maxLabel = labels.max().item<long>();
        var table = new float[Math.Max(maxLabel + 1, classWeight.Keys.DefaultIfEmpty(0).Max() + 1)];
        Array.Fill(table, 1f);
        foreach (var (cls, weight) in classWeight)
        {
            if (cls < 0)
            {
                throw new ArgumentException($"`class_weight` keys must be class indices >= 0. Received: {cls}");
            }
            table[cls] = (float)weight;
        }
        return Ops.Constant(table).to(labels.device).index_select(0, labels);
    }
}
