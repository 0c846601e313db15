using Keras.Backend;

namespace Keras;

/// <summary>Model data as users hold it: a .NET array (<c>float[,]</c>, <c>byte[,,]</c>, <c>float[][]</c>, ...) or a tensor.</summary>
/// <remarks>Converts implicitly from any array and from <see cref="Tensor"/>, so <c>Fit</c>, <c>Evaluate</c> and
/// <c>Predict</c> accept either. Arrays are copied into a tensor once per call.</remarks>
/// <example><code>
/// float[,] x = new float[100, 784];
/// model.Fit(x, labels);
/// </code></example>
public readonly struct ArrayLike
{
    private readonly Array? _array;
    private readonly Tensor? _tensor;

    private ArrayLike(Array? array, Tensor? tensor)
    {
        _array = array;
        _tensor = tensor;
    }

    /// <summary>True when no data was given.</summary>
    public bool IsEmpty => _array is null && _tensor is null;

    /// <summary>Wraps an array.</summary>
    /// <param name="array">The array.</param>
    public static implicit operator ArrayLike(Array array) =>
        new(array ?? throw new ArgumentNullException(nameof(array)), null);

    /// <summary>Wraps a tensor (it is not copied and stays owned by the caller).</summary>
    /// <param name="tensor">The tensor.</param>
    public static implicit operator ArrayLike(Tensor tensor) =>
        new(null, tensor ?? throw new ArgumentNullException(nameof(tensor)));

    /// <summary>The number of samples (first dimension).</summary>
    public long Length => _tensor is not null ? (_tensor.dim() == 0 ? 1 : _tensor.shape[0]) : _array!.GetLength(0);

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
            throw new ArgumentNullException(argumentName);
        }
        owned = true;
        return KerasBackend.Current.ToTensor(_array, argumentName);
    }
}
