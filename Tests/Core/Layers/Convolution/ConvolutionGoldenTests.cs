namespace Keras.Tests.Core.Layers.Convolution;

/// <summary>The convolution layers against independent Keras implementations: tfjs
/// (Tests/Golden/Convolution/generate.mjs) and a float64 PyTorch reference with Keras' layouts and TensorFlow's padding
/// written out (Tests/Golden/Convolution/generate.py). Outputs and gradients.</summary>
public sealed class ConvolutionGoldenTests
{
    private const string Tfjs = "../../../Golden/Convolution/tfjs.json";
    private const string Torch = "../../../Golden/Convolution/torch.json";

    public static TheoryData<string> TfjsCases => GoldenFixtures.CaseNames(Tfjs);

    public static TheoryData<string> TorchCases => GoldenFixtures.CaseNames(Torch);

    [Theory]
    [MemberData(nameof(TfjsCases))]
    public void MatchesTfjs(string caseName) => GoldenFixtures.Check(Tfjs, caseName);

    [Theory]
    [MemberData(nameof(TorchCases))]
    public void MatchesTorchReference(string caseName) => GoldenFixtures.Check(Torch, caseName);
}
