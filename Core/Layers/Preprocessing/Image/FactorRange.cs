using System.Globalization;

namespace Keras.Layers;

/// <summary>The <c>factor</c> of a Keras augmentation layer: one number (a range symmetric around zero, <c>0.2</c> →
/// <c>[-0.2, 0.2]</c>) or a pair <c>(lower, upper)</c>.</summary>
/// <remarks>Converts implicitly from a number, a tuple and a two-element array, so arguments read as in Keras:
/// <c>new RandomRotation(0.2)</c>, <c>new RandomRotation((-0.1, 0.3))</c>. Each layer checks the bounds it
/// accepts.</remarks>
/// <example><code>
/// FactorRange symmetric = 0.2;            // [-0.2, 0.2]
/// FactorRange pair = (-0.1, 0.3);         // [-0.1, 0.3]
/// </code></example>
public readonly record struct FactorRange
{
    private FactorRange(double first, double second, bool isPair)
    {
        First = first;
        Second = second;
        IsPair = isPair;
    }

    /// <summary>True when given as a pair, false for a single number.</summary>
    public bool IsPair { get; }

    /// <summary>The single number, or the pair's first element.</summary>
    public double First { get; }

    /// <summary>The pair's second element (equal to <see cref="First"/> for a single number).</summary>
    public double Second { get; }

    /// <summary>A single number.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator FactorRange(double value) => new(value, value, false);

    /// <summary>A pair <c>(lower, upper)</c>.</summary>
    /// <param name="pair">The pair.</param>
    public static implicit operator FactorRange((double Lower, double Upper) pair) => new(pair.Lower, pair.Upper, true);

    /// <summary>A pair from a two-element array; other lengths are kept so the layer can report them.</summary>
    /// <param name="values">The values.</param>
    public static implicit operator FactorRange(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Length == 2 ? new(values[0], values[1], true) : new(double.NaN, double.NaN, true)
        {
            InvalidLength = values.Length,
        };
    }

    /// <summary>The number of elements when an array of another length than two was given.</summary>
    internal int? InvalidLength { get; init; }

    /// <summary>The config form: a number or a two-element list.</summary>
    internal object ToConfig() => IsPair ? new[] { First, Second } : First;

    /// <summary>Python's rendering, for error messages (<c>0.2</c>, <c>[0.1, 0.3]</c>).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => InvalidLength is int length
        ? $"a list of {length} numbers"
        : IsPair ? $"[{Format(First)}, {Format(Second)}]" : Format(First);

    internal static string Format(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? value.ToString("0.0", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
}
