namespace Keras.Backend;

/// <summary>The default inference backend: the model's own layers on TorchSharp, through its predict step.</summary>
/// <example><code>
/// var y = model.Predict(x);                      // the same as backend: "torch"
/// var z = model.Predict(x, backend: "torch");
/// </code></example>
public sealed class TorchInferenceBackend : InferenceBackend
{
    /// <summary>The registered name, <c>"torch"</c>.</summary>
    public const string BackendName = "torch";

    /// <inheritdoc />
    public override string Name => BackendName;

    /// <inheritdoc />
    public override IReadOnlyList<Tensor> Run(Model model, IReadOnlyList<Tensor> inputs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputs);
        return model.RunPredictStep(inputs);
    }
}
