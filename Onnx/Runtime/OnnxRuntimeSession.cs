using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Keras.Onnx.Runtime;

/// <summary>One ONNX Runtime session over a model's exported graph at one <see cref="Layer.StateVersion"/>, with
/// lease counting so a session replaced by a newer one is disposed only after the runs still using it finish.</summary>
internal sealed class OnnxRuntimeSession : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string _modelName;
    private readonly TensorElementType[] _inputTypes;
    private int _leases = 1;   // the cache's own lease, released by Retire
    private int _retired;

    internal OnnxRuntimeSession(Model model, long version)
    {
        _modelName = model.Name;
        Version = version;
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        _session = new InferenceSession(model.ToOnnx(), options);
        InputNames = [.. _session.InputNames];
        OutputNames = [.. _session.OutputNames];
        _inputTypes = InputNames.Select(n => _session.InputMetadata[n].ElementDataType).ToArray();
    }

    /// <summary>The model state version the graph was exported at.</summary>
    internal long Version { get; }

    /// <summary>The graph's input names, in model input order.</summary>
    internal IReadOnlyList<string> InputNames { get; }

    /// <summary>The graph's output names, in model output order.</summary>
    internal IReadOnlyList<string> OutputNames { get; }

    /// <summary>Whether the session was disposed (retired and no run holds it).</summary>
    internal bool IsDisposed { get; private set; }

    /// <summary>Takes a lease for one run; false when the session is already retired and released.</summary>
    internal bool TryAcquire()
    {
        int leases = Volatile.Read(ref _leases);
        while (leases > 0)
        {
            int seen = Interlocked.CompareExchange(ref _leases, leases + 1, leases);
            if (seen == leases)
            {
                return true;
            }
            leases = seen;
        }
        return false;
    }

    /// <summary>Returns a lease; the last one disposes the session.</summary>
    internal void Release()
    {
        if (Interlocked.Decrement(ref _leases) == 0)
        {
            _session.Dispose();
            IsDisposed = true;
        }
    }

    /// <summary>Drops the cache's lease (once): the session is disposed when no run holds it.</summary>
    internal void Retire()
    {
        if (Interlocked.Exchange(ref _retired, 1) == 0)
        {
            Release();
        }
    }

    /// <summary>Disposes the session now (the cache's owner is going away).</summary>
    public void Dispose() => Retire();

    /// <summary>Runs the graph on one batch. Inputs are read in place where they are CPU, contiguous and of the
    /// graph's element type (float32 or int64); outputs are copied once into fresh tensors.</summary>
    internal IReadOnlyList<Tensor> Run(IReadOnlyList<Tensor> inputs)
    {
        if (inputs.Count != InputNames.Count)
        {
            throw new ArgumentException(
                $"Model \"{_modelName}\" expects {InputNames.Count} inputs ({string.Join(", ", InputNames)}) on " +
                $"ONNX Runtime. Received: {inputs.Count}.", nameof(inputs));
        }
        using var scope = torch.NewDisposeScope();
        var feeds = new List<OrtValue>(inputs.Count);
        try
        {
            for (int i = 0; i < inputs.Count; i++)
            {
                feeds.Add(Wrap(AsGraphInput(inputs[i], i), _inputTypes[i]));
            }
            using var runOptions = new RunOptions();
            using var results = _session.Run(runOptions, InputNames, feeds, OutputNames);
            return results.Select(r => ToTensor(r).MoveToOuterDisposeScope()).ToList();
        }
        finally
        {
            foreach (var feed in feeds)
            {
                feed.Dispose();
            }
        }
    }

    // The tensor the OrtValue reads in place: CPU, contiguous, of the graph input's element type.
    private Tensor AsGraphInput(Tensor input, int index)
    {
        var scalarType = _inputTypes[index] switch
        {
            TensorElementType.Float => torch.ScalarType.Float32,
            TensorElementType.Int64 => torch.ScalarType.Int64,
            TensorElementType.Int32 => torch.ScalarType.Int32,
            TensorElementType.Double => torch.ScalarType.Float64,
            var other => throw new NotSupportedException(
                $"Model \"{_modelName}\" input \"{InputNames[index]}\" has ONNX element type {other}; the ONNX " +
                "Runtime backend feeds float32, float64, int32 and int64 inputs."),
        };
        var value = input.device_type == DeviceType.CPU ? input : input.cpu();
        if (value.dtype != scalarType)
        {
            value = value.to_type(scalarType);
        }
        return value.contiguous();
    }

    // An OrtValue reading the tensor's native CPU storage in place; the tensor outlives the run (the caller's scope).
    private static unsafe OrtValue Wrap(Tensor input, TensorElementType type)
    {
        var storage = input.bytes;   // a span over the contiguous CPU tensor's own memory, not a copy
        var address = (IntPtr)Unsafe.AsPointer(ref MemoryMarshal.GetReference(storage));
        return OrtValue.CreateTensorValueWithData(OrtMemoryInfo.DefaultInstance, type, input.shape, address,
            storage.Length);
    }

    private Tensor ToTensor(OrtValue value)
    {
        var info = value.GetTensorTypeAndShape();
        return info.ElementDataType switch
        {
            TensorElementType.Float or TensorElementType.Int64 or TensorElementType.Int32 or TensorElementType.Double
                or TensorElementType.Bool => Copy(value.GetTensorMutableRawData(), info.Shape,
                    ScalarTypeOf(info.ElementDataType)),
            var other => throw new NotSupportedException(
                $"Model \"{_modelName}\" has an ONNX output of element type {other}; the ONNX Runtime backend " +
                "returns float32, float64, int32, int64 and bool outputs."),
        };
    }

    private static Tensor Copy(Span<byte> data, long[] shape, torch.ScalarType type)
    {
        var tensor = torch.empty(shape, type);
        tensor.bytes = data;
        return tensor;
    }

    private static torch.ScalarType ScalarTypeOf(TensorElementType type) => type switch
    {
        TensorElementType.Float => torch.ScalarType.Float32,
        TensorElementType.Int64 => torch.ScalarType.Int64,
        TensorElementType.Int32 => torch.ScalarType.Int32,
        TensorElementType.Double => torch.ScalarType.Float64,
        _ => torch.ScalarType.Bool,
    };
}
