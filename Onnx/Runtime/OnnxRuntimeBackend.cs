using System.Runtime.CompilerServices;
using Keras.Backend;

namespace Keras.Onnx.Runtime;

/// <summary>The <c>"onnxruntime"</c> inference backend: runs a model's exported ONNX graph with ONNX Runtime on the
/// CPU, one session per model, rebuilt when the model's <see cref="Layer.StateVersion"/> changes.</summary>
/// <remarks>
/// <para>The session is built from <c>model.ToOnnx()</c> on the first <c>Predict</c> and reused while the weights and
/// structure stay the same; a weight write (<c>SetWeights</c>, <c>Fit</c>, loading) makes the next <c>Predict</c>
/// export again and dispose the old session once the runs using it end. Sessions go with their model when it is
/// collected. Thread-safe: ONNX Runtime sessions run concurrently.</para>
/// <para>Outputs match the torch backend to about 1e-5; layers without an ONNX exporter fail on the first
/// <c>Predict</c> with the exporter's <see cref="NotSupportedException"/>.</para>
/// </remarks>
/// <example><code>
/// var yTorch = model.Predict(x);
/// var yOrt = model.Predict(x, backend: "onnxruntime");
/// </code></example>
public sealed class OnnxRuntimeBackend : InferenceBackend
{
    /// <summary>The registered name, <c>"onnxruntime"</c>.</summary>
    public const string BackendName = "onnxruntime";

    private readonly ConditionalWeakTable<Model, SessionSlot> _slots = new();

    /// <inheritdoc />
    public override string Name => BackendName;

    /// <inheritdoc />
    public override IReadOnlyList<Tensor> Run(Model model, IReadOnlyList<Tensor> inputs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputs);
        var session = Acquire(model);
        try
        {
            return session.Run(inputs);
        }
        finally
        {
            session.Release();
        }
    }

    /// <summary>The current session of a model (built or rebuilt as needed), for cache tests.</summary>
    internal OnnxRuntimeSession CurrentSession(Model model)
    {
        var session = Acquire(model);
        session.Release();
        return session;
    }

    // A leased session for the model's current version: reuse, or export once and retire the previous one.
    private OnnxRuntimeSession Acquire(Model model)
    {
        var slot = _slots.GetValue(model, _ => new SessionSlot());
        lock (slot)
        {
            long version = model.StateVersion;
            if (slot.Session is { } current && current.Version == version && current.TryAcquire())
            {
                return current;
            }
            var fresh = new OnnxRuntimeSession(model, version);
            slot.Session?.Retire();
            slot.Session = fresh;
            fresh.TryAcquire();
            return fresh;
        }
    }

    // Holds a model's session; the ConditionalWeakTable drops it with the model, and the InferenceSession's
    // finalizer then frees the native session.
    private sealed class SessionSlot
    {
        public OnnxRuntimeSession? Session { get; set; }
    }

// The backend registry is a library-level table; registering when the assembly loads is the intended use.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void RegisterBackend() => InferenceBackends.Register(BackendName, () => new OnnxRuntimeBackend());
}
