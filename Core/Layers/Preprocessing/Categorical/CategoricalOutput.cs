namespace Keras.Layers;

/// <summary>The output modes shared by the categorical preprocessing layers: validation with Keras' wording and the
/// output shape of Keras' <c>encode_categorical_inputs</c>.</summary>
internal static class CategoricalOutput
{
    /// <summary>Validates an output mode, mapping Keras' deprecated spellings (<c>binary</c>, <c>tf-idf</c>).</summary>
    /// <param name="outputMode">The requested mode.</param>
    /// <param name="className">The layer class, for the message.</param>
    /// <param name="allowed">The modes the layer accepts.</param>
    /// <returns>The canonical mode.</returns>
    public static string Validate(string outputMode, string className, params string[] allowed)
    {
        string mode = outputMode switch
        {
            "binary" => "multi_hot",
            "tf-idf" => "tf_idf",
            _ => outputMode,
        };
        if (!allowed.Contains(mode))
        {
            throw new ArgumentException(
                $"Unknown value for `output_mode` argument of {className}. Allowed values are: " +
                $"({string.Join(", ", allowed.Select(a => $"'{a}'"))}). Received: output_mode={outputMode}",
                nameof(outputMode));
        }
        return mode;
    }

    /// <summary>The shape of encoded indices: the input's for <c>int</c>; for <c>one_hot</c> a new last axis of
    /// <paramref name="depth"/> (replacing a last axis of size 1); for the others the last (sample) axis replaced.</summary>
    /// <param name="indexShape">The shape of the indices (with batch dimension).</param>
    /// <param name="outputMode">The canonical mode (<c>tf_idf</c> counts as <c>count</c>).</param>
    /// <param name="depth">The number of output columns, or null when unknown.</param>
    /// <returns>The output shape.</returns>
    public static Shape OutputShape(Shape indexShape, string outputMode, int? depth)
    {
        var dims = indexShape.ToList();
        if (outputMode == "int")
        {
            return indexShape;
        }
        if (dims.Count == 0)
        {
            return new Shape(depth);
        }
        if (outputMode == "one_hot")
        {
            if (dims.Count > 1 && dims[^1] == 1)
            {
                dims.RemoveAt(dims.Count - 1);
            }
            return new Shape([.. dims, depth]);
        }
        dims[^1] = depth;
        return new Shape([.. dims]);
    }

    /// <summary>Rejects inputs of rank above 2 for the modes that reduce the sample axis, as Keras documents
    /// ("currently only output up to rank 2 is supported").</summary>
    /// <param name="rank">The input rank.</param>
    /// <param name="outputMode">The canonical mode.</param>
    /// <param name="layerName">The layer's name, for the message.</param>
    /// <param name="shape">The input shape, for the message.</param>
    public static void CheckRank(int rank, string outputMode, string layerName, string shape)
    {
        if (rank > 2 && outputMode is "multi_hot" or "count" or "tf_idf")
        {
            throw new ArgumentException(
                $"Layer \"{layerName}\": when output_mode is not `'int'` or `'one_hot'`, maximum supported input " +
                $"rank is 2. Received output_mode {outputMode} and input shape {shape}.");
        }
    }
}
