namespace Keras;

/// <summary>Keras' <c>labels_to_dataset</c>: one label as the tensor a directory loader yields for it.</summary>
internal static class LabelEncoding
{
    /// <summary><c>"int"</c>: an int32 scalar; <c>"binary"</c>: float32 of shape (1); <c>"categorical"</c>: a
    /// float32 one-hot vector of <paramref name="numClasses"/>.</summary>
    internal static Tensor Encode(int label, string labelMode, int numClasses) => labelMode switch
    {
        "int" => torch.tensor(label, torch.int32),
        "binary" => torch.tensor(new float[] { label }, torch.float32),
        _ => OneHot(label, numClasses),
    };

    /// <summary>The labels of a batch as a .NET array: <c>int[]</c> (int), <c>float[n, 1]</c> (binary) or
    /// <c>float[n, classes]</c> (categorical).</summary>
    internal static Array EncodeAll(IReadOnlyList<int> labels, string labelMode, int numClasses)
    {
        switch (labelMode)
        {
            case "int":
                return labels.ToArray();
            case "binary":
                var binary = new float[labels.Count, 1];
                for (int i = 0; i < labels.Count; i++)
                {
                    binary[i, 0] = labels[i];
                }
                return binary;
            default:
                return Utils.ToCategorical(labels.ToArray(), numClasses);
        }
    }

    private static Tensor OneHot(int label, int numClasses)
    {
        var values = new float[numClasses];
        values[label] = 1f;
        return torch.tensor(values, torch.float32);
    }
}
