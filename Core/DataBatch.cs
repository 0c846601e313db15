namespace Keras;

/// <summary>One batch handed to <c>TrainStep</c>/<c>TestStep</c>: inputs, targets and sample weights (Keras' <c>data</c>).</summary>
/// <remarks>Tensors belong to the engine's per-step dispose scope; do not keep them after the step.</remarks>
/// <example><code>
/// protected override void TrainStep(DataBatch data)
/// {
///     var yPred = Call(data.X, training: true);
///     // ...
/// }
/// </code></example>
public sealed class DataBatch
{
    /// <summary>Creates a batch.</summary>
    /// <param name="inputs">One tensor per model input.</param>
    /// <param name="targets">One tensor per model output, or null.</param>
    /// <param name="sampleWeight">Per-sample weights, or null.</param>
    public DataBatch(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor>? targets, Tensor? sampleWeight)
    {
        Inputs = inputs;
        Targets = targets;
        SampleWeight = sampleWeight;
    }

    /// <summary>Creates a batch for a model with one input and (at most) one output.</summary>
    /// <param name="x">The input.</param>
    /// <param name="y">The target, or null. Defaults to null.</param>
    /// <param name="sampleWeight">Per-sample weights, or null. Defaults to null.</param>
    public DataBatch(Tensor x, Tensor? y = null, Tensor? sampleWeight = null)
        : this([x ?? throw new ArgumentNullException(nameof(x))], y is null ? null : [y], sampleWeight)
    {
    }

    /// <summary>One tensor per model input.</summary>
    public IReadOnlyList<Tensor> Inputs { get; }

    /// <summary>One tensor per model output, or null (prediction).</summary>
    public IReadOnlyList<Tensor>? Targets { get; }

    /// <summary>Per-sample weights, or null.</summary>
    public Tensor? SampleWeight { get; }

    /// <summary>The only input (for single-input models).</summary>
    public Tensor X => Inputs.Count == 1
        ? Inputs[0]
        : throw new InvalidOperationException($"This batch has {Inputs.Count} inputs; use `Inputs`.");

    /// <summary>The only target (for single-output models), or null.</summary>
    public Tensor? Y => Targets is null ? null
        : Targets.Count == 1 ? Targets[0]
        : throw new InvalidOperationException($"This batch has {Targets.Count} targets; use `Targets`.");

    /// <summary>The number of samples in the batch.</summary>
    public long Size => Inputs[0].shape[0];
}
