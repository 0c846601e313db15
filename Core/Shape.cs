using System.Collections;
using System.Runtime.CompilerServices;

namespace Keras;

/// <summary>A tensor shape whose dimensions may be unknown (<c>null</c>), printed like Keras: <c>(None, 28, 28)</c>.</summary>
/// <remarks>Shapes are values: two shapes are equal when they have the same rank and the same dimensions.
/// Collection expressions create them: <c>Shape s = [null, 784];</c>.</remarks>
/// <example><code>
/// Shape input = [28, 28];
/// Shape batched = input.WithBatch(null);   // (None, 28, 28)
/// </code></example>
[CollectionBuilder(typeof(Shape), nameof(Create))]
public readonly struct Shape : IEquatable<Shape>, IReadOnlyList<int?>
{
    private readonly int?[]? _dims;

    /// <summary>Creates a shape from its dimensions; <c>null</c> marks an unknown dimension.</summary>
    /// <param name="dims">The dimensions, outermost first.</param>
    public Shape(params int?[] dims)
    {
        foreach (var d in dims)
        {
            if (d is < 0)
            {
                throw new ArgumentException(
                    $"Shape dimensions must be non-negative or None. Received: {Format(dims)}.", nameof(dims));
            }
        }
        _dims = (int?[])dims.Clone();
    }

    /// <summary>Creates a fully known shape from integer dimensions.</summary>
    /// <param name="dims">The dimensions, outermost first.</param>
    public Shape(IEnumerable<long> dims) : this(dims.Select(d => (int?)checked((int)d)).ToArray())
    {
    }

    /// <summary>Collection-expression builder; use <c>[28, 28]</c> rather than calling this.</summary>
    /// <param name="dims">The dimensions.</param>
    /// <returns>The shape.</returns>
    public static Shape Create(ReadOnlySpan<int?> dims) => new(dims.ToArray());

    /// <summary>The number of dimensions.</summary>
    public int Rank => _dims?.Length ?? 0;

    /// <summary>The number of dimensions (same as <see cref="Rank"/>).</summary>
    public int Count => Rank;

    /// <summary>The dimension at <paramref name="index"/>; negative indices count from the end, as in Python.</summary>
    /// <param name="index">The axis.</param>
    public int? this[int index] => Dims[NormalizeAxis(index)];

    /// <summary>True when every dimension is known.</summary>
    public bool IsFullyDefined => Dims.All(d => d.HasValue);

    /// <summary>The product of the known dimensions, or <c>null</c> when one is unknown.</summary>
    public long? NumElements => IsFullyDefined ? Dims.Aggregate(1L, (acc, d) => acc * d!.Value) : null;

    private int?[] Dims => _dims ?? [];

    /// <summary>Converts an axis that may be negative into a non-negative one, with a clear error when out of range.</summary>
    /// <param name="axis">The axis, negative counting from the end.</param>
    /// <returns>The axis in <c>[0, Rank)</c>.</returns>
    public int NormalizeAxis(int axis)
    {
        int normalized = axis < 0 ? axis + Rank : axis;
        if (normalized < 0 || normalized >= Rank)
        {
            throw new ArgumentOutOfRangeException(nameof(axis),
                $"Axis {axis} is out of range for shape {this} of rank {Rank}.");
        }
        return normalized;
    }

    /// <summary>Returns this shape with a batch dimension prepended.</summary>
    /// <param name="batchSize">The batch size, or <c>null</c> for unknown.</param>
    /// <returns>The batched shape.</returns>
    public Shape WithBatch(int? batchSize) => new([batchSize, .. Dims]);

    /// <summary>Returns the shape without its first (batch) dimension.</summary>
    /// <returns>The per-sample shape.</returns>
    public Shape WithoutBatch() => Rank == 0
        ? throw new InvalidOperationException("A scalar shape has no batch dimension.")
        : new Shape(Dims[1..]);

    /// <summary>Returns the shape with the dimension at <paramref name="axis"/> replaced.</summary>
    /// <param name="axis">The axis (negative counts from the end).</param>
    /// <param name="value">The new dimension.</param>
    /// <returns>The new shape.</returns>
    public Shape With(int axis, int? value)
    {
        var dims = (int?[])Dims.Clone();
        dims[NormalizeAxis(axis)] = value;
        return new Shape(dims);
    }

    /// <summary>The dimensions as <c>long</c>s for tensor creation; fails when one is unknown.</summary>
    /// <returns>The dimensions.</returns>
    public long[] ToLongArray()
    {
        if (!IsFullyDefined)
        {
            throw new InvalidOperationException($"Shape {this} has unknown dimensions.");
        }
        return Dims.Select(d => (long)d!.Value).ToArray();
    }

    /// <summary>The dimensions as an array (a copy).</summary>
    /// <returns>The dimensions.</returns>
    public int?[] ToArray() => (int?[])Dims.Clone();

    /// <inheritdoc />
    public bool Equals(Shape other) => Dims.AsSpan().SequenceEqual(other.Dims);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Shape other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var d in Dims)
        {
            hash.Add(d);
        }
        return hash.ToHashCode();
    }

    /// <summary>Value equality.</summary>
    /// <param name="left">The first shape.</param>
    /// <param name="right">The second shape.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(Shape left, Shape right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">The first shape.</param>
    /// <param name="right">The second shape.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(Shape left, Shape right) => !left.Equals(right);

    /// <summary>Prints the shape as Keras does: <c>(None, 28, 28)</c>, <c>(10,)</c>, <c>()</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Format(Dims);

    /// <inheritdoc />
    public IEnumerator<int?> GetEnumerator() => ((IEnumerable<int?>)Dims).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static string Format(int?[] dims) => dims.Length == 1
        ? $"({FormatDim(dims[0])},)"
        : "(" + string.Join(", ", dims.Select(FormatDim)) + ")";

    private static string FormatDim(int? d) => d?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "None";
}
