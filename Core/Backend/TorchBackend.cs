using static TorchSharp.torch;

namespace Keras.Backend;

/// <summary>The libtorch backend (TorchSharp): CPU by default, CUDA when available and asked for.</summary>
/// <example><code>
/// var backend = (TorchBackend)KerasBackend.Current;
/// backend.Device = "cpu";
/// </code></example>
public sealed class TorchBackend : KerasBackend
{
    private string _device = "cpu";

    /// <summary>Creates a backend on the CPU.</summary>
    public TorchBackend()
    {
    }

    /// <inheritdoc />
    public override string Name => "torch";

    /// <inheritdoc />
    public override string Device
    {
        get => _device;
        set => _device = ValidateDevice(value);
    }

    /// <summary>The TorchSharp device for <see cref="KerasBackend.Device"/>.</summary>
    public torch.Device TorchDevice => torch.device(_device);

    /// <summary>Reads <c>KERAS_DEVICE</c> (cpu, cuda, cuda:N); anything else is an error naming the variable.</summary>
    /// <returns>The configured backend.</returns>
    public static TorchBackend FromEnvironment()
    {
        var backend = new TorchBackend();
        string? requested = Environment.GetEnvironmentVariable("KERAS_DEVICE");
        if (!string.IsNullOrWhiteSpace(requested))
        {
            backend.Device = requested.Trim();
        }
        return backend;
    }

    /// <inheritdoc />
    public override void SetRandomSeed(long seed)
    {
        torch.manual_seed(seed);
        if (_device.StartsWith("cuda", StringComparison.Ordinal))
        {
            torch.cuda.manual_seed_all(seed);
        }
    }

    /// <inheritdoc />
    public override IDisposable NoGrad() => torch.no_grad();

    /// <inheritdoc />
    public override IDisposable MemoryScope() => torch.NewDisposeScope();

    /// <inheritdoc />
    public override long LiveTensorCount => Tensor.TotalCount;

    /// <inheritdoc />
    public override Tensor ToTensor(Array array, string argumentName)
    {
        ArgumentNullException.ThrowIfNull(array, argumentName);
        using var scope = torch.NewDisposeScope();
        Tensor cpu = JaggedArrays.IsJagged(array)
            ? JaggedArrays.ToTensor(array, argumentName)
            : torch.from_array(CheckElementType(array, argumentName));
        Tensor placed = _device == "cpu" ? cpu : cpu.to(TorchDevice);
        return placed.MoveToOuterDisposeScope();
    }

    private static Array CheckElementType(Array array, string argumentName)
    {
        Type element = array.GetType().GetElementType()!;
        if (!JaggedArrays.SupportedElementTypes.Contains(element))
        {
            throw new ArgumentException(
                $"Argument `{argumentName}` has elements of type {element.Name}; expected one of " +
                $"{string.Join(", ", JaggedArrays.SupportedElementTypes.Select(t => t.Name))}.", argumentName);
        }
        if (array.Length == 0)
        {
            throw new ArgumentException($"Argument `{argumentName}` is empty (shape {ShapeOf(array)}).", argumentName);
        }
        return array;
    }

    private static string ShapeOf(Array array) =>
        "(" + string.Join(", ", Enumerable.Range(0, array.Rank).Select(array.GetLength)) + ")";

    private static string ValidateDevice(string device)
    {
        string d = device.Trim().ToLowerInvariant();
        if (d == "cpu")
        {
            return d;
        }
        if (d == "cuda" || d.StartsWith("cuda:", StringComparison.Ordinal))
        {
            if (!torch.cuda.is_available())
            {
                throw new InvalidOperationException(
                    $"Device \"{device}\" was requested (KerasBackend.Device or KERAS_DEVICE) but CUDA is not " +
                    "available: build with -p:KerasTorchPackage=cuda on a machine with an NVIDIA driver, or use \"cpu\".");
            }
            return d;
        }
        throw new ArgumentException($"Unknown device \"{device}\". Expected \"cpu\", \"cuda\" or \"cuda:N\".", nameof(device));
    }
}
