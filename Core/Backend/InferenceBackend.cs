namespace Keras.Backend;

/// <summary>Runs a built model forward in inference mode on one batch: the seam behind
/// <c>Predict(x, backend: name)</c>.</summary>
/// <remarks>
/// <para>The engine keeps batching, the progress bar and callbacks; a backend only turns one batch of inputs into
/// outputs. <c>"torch"</c> (<see cref="TorchInferenceBackend"/>) runs the model's own layers; <c>"onnxruntime"</c>
/// (assembly <c>Keras.Net.Onnx</c>) runs the exported ONNX graph. A further backend derives from this class and
/// registers a factory with <see cref="InferenceBackends.Register"/>, usually from a module initializer.</para>
/// <para>Implementations must be safe to call from several threads at once, and must not keep the input tensors.</para>
/// </remarks>
/// <example><code>
/// public sealed class EchoBackend : InferenceBackend
/// {
///     public override string Name =&gt; "echo";
///     public override IReadOnlyList&lt;Tensor&gt; Run(Model model, IReadOnlyList&lt;Tensor&gt; inputs) =&gt; inputs;
/// }
/// InferenceBackends.Register("echo", () =&gt; new EchoBackend());
/// var y = model.Predict(x, backend: "echo");
/// </code></example>
public abstract class InferenceBackend
{
    /// <summary>The name <c>Predict</c>'s <c>backend</c> argument selects it by (<c>"torch"</c>).</summary>
    public abstract string Name { get; }

    /// <summary>Runs <paramref name="model"/> in inference mode on one batch.</summary>
    /// <param name="model">A built model.</param>
    /// <param name="inputs">One tensor per model input, batch first, in the model's input order and dtype
    /// (float32; int64 for integer inputs such as Embedding ids).</param>
    /// <returns>One tensor per model output, in <see cref="Model.OutputNames"/> order. They may belong to the
    /// caller's dispose scope (the engine copies them out).</returns>
    public abstract IReadOnlyList<Tensor> Run(Model model, IReadOnlyList<Tensor> inputs);
}
