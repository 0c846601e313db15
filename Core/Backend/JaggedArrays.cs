using static TorchSharp.torch;

namespace Keras.Backend;

/// <summary>Converts jagged .NET arrays (<c>float[][]</c>, <c>byte[][][]</c>) into tensors, checking they are rectangular.</summary>
internal static class JaggedArrays
{
    internal static readonly Type[] SupportedElementTypes =
    [
        typeof(float), typeof(double), typeof(byte), typeof(sbyte), typeof(short), typeof(int), typeof(long),
        typeof(bool), typeof(Half),
    ];

    internal static bool IsJagged(Array array) => array.GetType().GetElementType()!.IsArray;

    internal static Tensor ToTensor(Array array, string argumentName)
    {
        var shape = new List<long>();
        Array level = array;
        while (true)
        {
            shape.Add(level.Length);
            if (level.Length == 0 || level.GetValue(0) is not Array inner)
            {
                break;
            }
            level = inner;
        }
        Type leaf = level.GetType().GetElementType()!;
        if (!SupportedElementTypes.Contains(leaf) || level.Rank != 1)
        {
            throw new ArgumentException(
                $"Argument `{argumentName}` is a jagged array of {leaf.Name}; expected nested one-dimensional " +
                "arrays of a numeric type.", argumentName);
        }
        long total = shape.Aggregate(1L, (a, b) => a * b);
        if (total == 0)
        {
            throw new ArgumentException($"Argument `{argumentName}` is empty.", argumentName);
        }
        Array flat = Array.CreateInstance(leaf, total);
        long offset = 0;
        Flatten(array, shape, 0, flat, ref offset, argumentName, []);
        return torch.from_array(flat).reshape(shape.ToArray());
    }

    private static void Flatten(Array node, List<long> shape, int depth, Array flat, ref long offset,
        string argumentName, List<int> path)
    {
        if (node.Length != shape[depth])
        {
            string at = string.Concat(path.Select(i => $"[{i}]"));
            throw new ArgumentException(
                $"Argument `{argumentName}` is a ragged jagged array: {argumentName}{at} has length {node.Length}, " +
                $"expected {shape[depth]} like its first sibling. All rows must have the same length.", argumentName);
        }
        if (depth == shape.Count - 1)
        {
            Array.Copy(node, 0, flat, offset, node.Length);
            offset += node.Length;
            return;
        }
        for (int i = 0; i < node.Length; i++)
        {
            path.Add(i);
            Flatten((Array)node.GetValue(i)!, shape, depth + 1, flat, ref offset, argumentName, path);
            path.RemoveAt(path.Count - 1);
        }
    }
}
