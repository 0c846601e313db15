using System.Collections;
using System.Runtime.CompilerServices;
using Keras.Backend;

namespace Keras;

/// <summary>Model data as users hold it: a .NET array (<c>float[,]</c>, <c>byte[,,]</c>, <c>float[][]</c>, ...), a tensor,
/// or, for models with several inputs or outputs, a list (<c>[xTitle, xTags]</c>) or a dictionary by name.</summary>
/// <remarks>Converts implicitly from any array, from <see cref="Tensor"/> and from a dictionary, and collection
/// expressions build lists, so <c>Fit</c>, <c>Evaluate</c> and <c>Predict</c> accept each form. Arrays are copied into
/// tensors once per call; tensors are used as they are and stay owned by the caller.</remarks>
/// <example><code>
/// model.Fit(xTrain, yTrain);                                   // one input, one output
/// model.Fit([xTitle, xTags], [yPriority, yDepartment]);        // lists, in Model.Inputs / Model.Outputs order
/// model.Fit(new Dictionary&lt;string, ArrayLike&gt; { ["title"] = xTitle, ["tags"] = xTags }, yPriority);
/// </code></example>
[CollectionBuilder(typeof(ArrayLike), nameof(Create))]
public readonly struct ArrayLike : IEnumerable<ArrayLike>
{
    private readonly Array? _array;
    private readonly Tensor? _tensor;
    private readonly ArrayLike[]? _list;
    private readonly IReadOnlyDictionary<string, ArrayLike>? _named;

    private ArrayLike(Array? array, Tensor? tensor, ArrayLike[]? list, IReadOnlyDictionary<string, ArrayLike>? named)
    {
        _array = array;
        _tensor = tensor;
        _list = list;
        _named = named;
    }

    /// <summary>True when no data was given.</summary>
    public bool IsEmpty => _array is null && _tensor is null && _list is null && _named is null;

    /// <summary>True for a list of per-input (or per-output) values.</summary>
    public bool IsList => _list is not null;

    /// <summary>True for values keyed by input (or output) name.</summary>
    public bool IsDictionary => _named is not null;

    /// <summary>The list items (empty unless <see cref="IsList"/>).</summary>
    public IReadOnlyList<ArrayLike> Items => _list ?? [];

    /// <summary>The named items (empty unless <see cref="IsDictionary"/>).</summary>
    public IReadOnlyDictionary<string, ArrayLike> Named => _named ?? new Dictionary<string, ArrayLike>();

    /// <summary>Wraps an array.</summary>
    /// <param name="array">The array.</param>
    public static implicit operator ArrayLike(Array array) =>
        new(array ?? throw new ArgumentNullException(nameof(array)), null, null, null);

    /// <summary>Wraps a tensor (it is not copied and stays owned by the caller).</summary>
    /// <param name="tensor">The tensor.</param>
    public static implicit operator ArrayLike(Tensor tensor) =>
        new(null, tensor ?? throw new ArgumentNullException(nameof(tensor)), null, null);

    /// <summary>Wraps values keyed by input or output name.</summary>
    /// <param name="named">The values.</param>
    public static implicit operator ArrayLike(Dictionary<string, ArrayLike> named) =>
        new(null, null, null, named ?? throw new ArgumentNullException(nameof(named)));

    /// <summary>Builds a list from a collection expression: <c>[xTitle, xTags]</c>.</summary>
    /// <param name="items">The items.</param>
    /// <returns>The list.</returns>
    public static ArrayLike Create(ReadOnlySpan<ArrayLike> items) => new(null, null, items.ToArray(), null);

    /// <summary>The number of samples (first dimension of the first value).</summary>
    public long Length => _tensor is not null ? (_tensor.dim() == 0 ? 1 : _tensor.shape[0])
        : _array is not null ? _array.GetLength(0)
        : _list is { Length: > 0 } ? _list[0].Length
        : _named is { Count: > 0 } ? _named.Values.First().Length
        : 0;

    /// <inheritdoc />
    public IEnumerator<ArrayLike> GetEnumerator() =>
        ((IEnumerable<ArrayLike>)(_list ?? (IsEmpty ? [] : [this]))).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A tensor on the backend device; when <paramref name="owned"/> is true the caller must dispose it.</summary>
    internal Tensor ToTensor(string argumentName, out bool owned)
    {
        if (_tensor is not null)
        {
            owned = false;
            if (_tensor.IsInvalid)
            {
                throw new ObjectDisposedException(argumentName, $"Argument `{argumentName}` is a disposed tensor.");
            }
            return _tensor;
        }
        if (_array is null)
        {
            throw new ArgumentException(
                $"Argument `{argumentName}` is a {(IsList ? "list" : "dictionary")} where a single array was expected.",
                argumentName);
        }
        owned = true;
        return KerasBackend.Current.ToTensor(_array, argumentName);
    }
}
