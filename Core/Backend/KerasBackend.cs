namespace Keras.Backend;

/// <summary>The seam between Keras.Net and the library that runs its kernels: device, dtypes, seeding and tensor lifetime.</summary>
/// <remarks>The only implementation that trains is <see cref="TorchBackend"/> (libtorch through TorchSharp).
/// Choose the device with <see cref="Device"/> or the <c>KERAS_DEVICE</c> environment variable
/// (<c>cpu</c>, <c>cuda</c>, <c>cuda:1</c>); CPU is the default.</remarks>
/// <example><code>
/// KerasBackend.Current.Device = "cuda";   // fails clearly when CUDA is not available
/// </code></example>
public abstract class KerasBackend
{
    private static KerasBackend? _current;

    /// <summary>The backend in use. Defaults to a <see cref="TorchBackend"/> configured from the environment.</summary>
    public static KerasBackend Current
    {
        get => _current ??= TorchBackend.FromEnvironment();
        set => _current = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The backend's name as Keras prints it (<c>"torch"</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The device new tensors and weights are placed on (<c>"cpu"</c>, <c>"cuda"</c>, <c>"cuda:0"</c>).
    /// Defaults to <c>"cpu"</c>, or to <c>KERAS_DEVICE</c> when set.</summary>
    public abstract string Device { get; set; }

    /// <summary>The default float type of weights and inputs (Keras' <c>floatx</c>). Defaults to <c>"float32"</c>.</summary>
    public string FloatX { get; set; } = "float32";

    /// <summary>Seeds every random generator the backend uses, so runs repeat bit for bit on CPU.</summary>
    /// <param name="seed">The seed.</param>
    public abstract void SetRandomSeed(long seed);

    /// <summary>Opens a scope in which no gradients are recorded; dispose it to leave.</summary>
    /// <returns>The scope.</returns>
    public abstract IDisposable NoGrad();

    /// <summary>Opens a scope that frees every tensor created inside it when disposed, except those moved out.</summary>
    /// <returns>The scope.</returns>
    public abstract IDisposable MemoryScope();

    /// <summary>The number of live backend tensors (for leak checks).</summary>
    public abstract long LiveTensorCount { get; }

    /// <summary>Converts a .NET array (rectangular or jagged) to a tensor on the current device.</summary>
    /// <param name="array">The data.</param>
    /// <param name="argumentName">The argument name used in error messages.</param>
    /// <returns>A fresh tensor owned by the caller.</returns>
    public abstract Tensor ToTensor(Array array, string argumentName);
}
