namespace Keras.Tests.Onnx.Support;

/// <summary>One exported model of the ONNX test catalogue: built fresh by <paramref name="Build"/>, parity-checked
/// against ONNX Runtime and passed through onnx.checker.</summary>
/// <param name="Name">A unique case name (the theory's display value and the checker's file name).</param>
/// <param name="Build">Builds the model (built, with weights).</param>
/// <param name="IntInputHigh">For integer inputs: random values are drawn from [0, IntInputHigh).</param>
/// <param name="RandomizeWeights">Whether the helper perturbs every float weight before comparing (so zero biases and
/// unit moving variances do not hide a wrong operator).</param>
/// <param name="Tolerance">Absolute and relative tolerance.</param>
public sealed record OnnxCase(string Name, Func<Model> Build, int IntInputHigh = 10, bool RandomizeWeights = true,
    double Tolerance = 1e-5)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
