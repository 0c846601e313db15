using System.Numerics;

namespace Keras;

public static partial class Utils
{
    /// <summary>Pads (or truncates) sequences to one length (<c>keras.utils.pad_sequences</c>).</summary>
    /// <typeparam name="T">The element type, which is also the output's (Keras' default <c>dtype="int32"</c> is
    /// <c>int</c>); use the <c>dtype</c> overload to convert.</typeparam>
    /// <param name="sequences">The sequences (for example <c>int[][]</c> or <c>List&lt;int[]&gt;</c>).</param>
    /// <param name="maxlen">The output length. Defaults to null: the longest sequence's length.</param>
    /// <param name="padding"><c>"pre"</c> (the default) pads before each sequence, <c>"post"</c> after.</param>
    /// <param name="truncating"><c>"pre"</c> (the default) drops values from the start of longer sequences,
    /// <c>"post"</c> from the end.</param>
    /// <param name="value">The padding value. Defaults to 0.</param>
    /// <returns>A fresh <c>T[sequences.Count, maxlen]</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="padding"/> or <paramref name="truncating"/> is not
    /// <c>"pre"</c> or <c>"post"</c>, or <paramref name="maxlen"/> is negative.</exception>
    /// <example><code>
    /// int[,] x = Utils.PadSequences(new[] { new[] { 1 }, new[] { 2, 3 }, new[] { 4, 5, 6 } });
    /// // [[0, 0, 1], [0, 2, 3], [4, 5, 6]]
    /// int[,] last2 = Utils.PadSequences(new[] { new[] { 1 }, new[] { 2, 3 }, new[] { 4, 5, 6 } }, maxlen: 2);
    /// // [[0, 1], [2, 3], [5, 6]]
    /// </code></example>
    public static T[,] PadSequences<T>(IEnumerable<IEnumerable<T>> sequences, int? maxlen = null,
        string padding = "pre", string truncating = "pre", T value = default)
        where T : struct, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(sequences);
        if (truncating is not ("pre" or "post"))
        {
            throw new ArgumentException($"Truncating type \"{truncating}\" not understood", nameof(truncating));
        }
        if (padding is not ("pre" or "post"))
        {
            throw new ArgumentException($"Padding type \"{padding}\" not understood", nameof(padding));
        }
        if (maxlen < 0)
        {
            throw new ArgumentException($"`maxlen` must be 0 or greater. Received: maxlen={maxlen}", nameof(maxlen));
        }
        var rows = sequences.Select((s, i) => s?.ToArray() ?? throw new ArgumentException(
            $"`sequences` must be a list of iterables. Found non-iterable: null at position {i}",
            nameof(sequences))).ToList();
        int length = maxlen ?? (rows.Count == 0 ? 0 : rows.Max(r => r.Length));
        var result = new T[rows.Count, length];
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            int kept = Math.Min(row.Length, length);
            int from = truncating == "pre" ? row.Length - kept : 0;
            int to = padding == "post" ? 0 : length - kept;
            for (int j = 0; j < length; j++)
            {
                result[i, j] = value;
            }
            for (int j = 0; j < kept; j++)
            {
                result[i, to + j] = row[from + j];
            }
        }
        return result;
    }

    /// <summary>Pads sequences and converts them to a Keras dtype (<c>pad_sequences(..., dtype=...)</c>).</summary>
    /// <typeparam name="T">The input element type.</typeparam>
    /// <param name="sequences">The sequences.</param>
    /// <param name="dtype"><c>"int32"</c>, <c>"int64"</c>, <c>"float32"</c>, <c>"float64"</c>, <c>"uint8"</c>,
    /// <c>"int16"</c> or <c>"int8"</c>.</param>
    /// <param name="maxlen">The output length. Defaults to null: the longest sequence's length.</param>
    /// <param name="padding"><c>"pre"</c> (the default) or <c>"post"</c>.</param>
    /// <param name="truncating"><c>"pre"</c> (the default) or <c>"post"</c>.</param>
    /// <param name="value">The padding value. Defaults to 0.</param>
    /// <returns>A fresh 2-D array of the dtype's .NET type (<c>float[,]</c> for <c>"float32"</c>, ...). Values are
    /// converted as NumPy's <c>astype</c> (floats truncated toward zero for integer dtypes).</returns>
    /// <exception cref="ArgumentException">Unknown <paramref name="dtype"/>, or as the generic overload.</exception>
    public static Array PadSequences<T>(IEnumerable<IEnumerable<T>> sequences, string dtype, int? maxlen = null,
        string padding = "pre", string truncating = "pre", double value = 0)
        where T : struct, INumber<T>
    {
        var padded = PadSequences(sequences.Select(s => s.Select(double.CreateTruncating)), maxlen, padding,
            truncating, value);
        return dtype switch
        {
            "int32" => ConvertElements<int>(padded),
            "int64" => ConvertElements<long>(padded),
            "float32" => ConvertElements<float>(padded),
            "float64" => padded,
            "uint8" => ConvertElements<byte>(padded),
            "int16" => ConvertElements<short>(padded),
            "int8" => ConvertElements<sbyte>(padded),
            _ => throw new ArgumentException(
                "`dtype` must be one of int32, int64, float32, float64, uint8, int16, int8. " +
                $"Received: dtype={dtype}", nameof(dtype)),
        };
    }

    private static TOut[,] ConvertElements<TOut>(double[,] values)
        where TOut : struct, INumber<TOut>
    {
        var result = new TOut[values.GetLength(0), values.GetLength(1)];
        for (int i = 0; i < values.GetLength(0); i++)
        {
            for (int j = 0; j < values.GetLength(1); j++)
            {
                result[i, j] = TOut.CreateTruncating(values[i, j]);
            }
        }
        return result;
    }
}
