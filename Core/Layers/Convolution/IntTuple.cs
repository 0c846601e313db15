using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Keras.Layers;

/// <summary>An integer or a tuple of integers, as Keras accepts for <c>kernel_size</c>, <c>strides</c>,
/// <c>dilation_rate</c> and <c>output_padding</c>: one integer stands for the same value on every spatial
/// axis.</summary>
/// <remarks>Converts implicitly from an <see cref="int"/> and from an <c>int[]</c>, and a collection expression
/// (<c>[3, 5]</c>) builds one. Layers expand it to one value per axis with Keras' <c>standardize_tuple</c>
/// validation (<see cref="Standardize"/>).</remarks>
/// <example><code>
/// var square = new Conv2D(16, kernelSize: 3);            // (3, 3)
/// var wide = new Conv2D(16, kernelSize: [1, 7], strides: 2);
/// </code></example>
[CollectionBuilder(typeof(IntTuple), nameof(Create))]
public sealed class IntTuple : IEnumerable<int>
{
    private readonly int[] _values;

    private IntTuple(int[] values, bool isScalar)
    {
        _values = values;
        IsScalar = isScalar;
    }

    /// <summary>True when this is a single integer that applies to every axis.</summary>
    public bool IsScalar { get; }

    /// <summary>The values as given: one value for a scalar, else one per axis.</summary>
    public IReadOnlyList<int> Values => _values;

    /// <summary>A tuple of the given values (the collection-expression builder).</summary>
    /// <param name="values">The values.</param>
    /// <returns>The tuple.</returns>
    public static IntTuple Create(ReadOnlySpan<int> values) => new(values.ToArray(), isScalar: false);

    /// <summary>One integer for every axis.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator IntTuple(int value) => new([value], isScalar: true);

    /// <summary>One integer per axis; a null array gives null (e.g. an inferred <c>output_padding</c>).</summary>
    /// <param name="values">The values; the array is copied.</param>
    [return: NotNullIfNotNull(nameof(values))]
    public static implicit operator IntTuple?(int[]? values) =>
        values is null ? null : new((int[])values.Clone(), isScalar: false);

    /// <summary>Expands to <paramref name="rank"/> values and validates them, as Keras'
    /// <c>standardize_tuple(value, n, name, allow_zero)</c>.</summary>
    /// <param name="rank">The number of values wanted.</param>
    /// <param name="name">The Keras argument name, for the error message (<c>kernel_size</c>); the exception's
    /// parameter name is its C# spelling (<c>kernelSize</c>).</param>
    /// <param name="allowZero">Whether zeros are allowed (<c>output_padding</c>). Defaults to false.</param>
    /// <returns>A new array of <paramref name="rank"/> values.</returns>
    /// <exception cref="ArgumentException">The length is wrong or a value is negative (or zero when not
    /// allowed).</exception>
    public int[] Standardize(int rank, string name, bool allowZero = false)
    {
        string message = $"The `{name}` argument must be a tuple of {rank} integers. Received {name}={this}";
        string parameter = CamelCase(name);
        var values = IsScalar ? Enumerable.Repeat(_values[0], rank).ToArray() : (int[])_values.Clone();
        if (values.Length != rank)
        {
            throw new ArgumentException(message, parameter);
        }
        var bad = values.Where(v => allowZero ? v < 0 : v <= 0).Distinct().ToArray();
        if (bad.Length > 0)
        {
            throw new ArgumentException(
                message + $", including values {{{string.Join(", ", bad)}}} that do not satisfy " +
                $"`value {(allowZero ? ">= 0" : "> 0")}`", parameter);
        }
        return values;
    }

    /// <summary>Python's spelling: <c>3</c> for a scalar, <c>(3, 5)</c> or <c>(3,)</c> for a tuple.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        IsScalar ? _values[0].ToString(System.Globalization.CultureInfo.InvariantCulture) : FormatTuple(_values);

    /// <inheritdoc />
    public IEnumerator<int> GetEnumerator() => ((IEnumerable<int>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static string CamelCase(string snake)
    {
        var parts = snake.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    /// <summary>Python's tuple spelling of integers: <c>(2, 2)</c>, <c>(2,)</c>.</summary>
    internal static string FormatTuple(IReadOnlyList<int> values) => SpatialArguments.Format(values);
}
