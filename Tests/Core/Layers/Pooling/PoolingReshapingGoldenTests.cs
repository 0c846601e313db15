namespace Keras.Tests.Core.Layers.Pooling;

/// <summary>Pooling and reshaping layers against independent Keras implementations: tfjs
/// (Tests/Golden/PoolingReshaping/generate.mjs) and a float64 PyTorch/numpy reference with TensorFlow's rules written
/// out (generate.py). Outputs, output masks and input gradients.</summary>
public sealed class PoolingReshapingGoldenTests
{
    private const string Tfjs = "../../../Golden/PoolingReshaping/tfjs.json";
    private const string Torch = "../../../Golden/PoolingReshaping/torch.json";

    public static TheoryData<string> TfjsCases => GoldenFixtures.CaseNames(Tfjs);

    public static TheoryData<string> TorchCases => GoldenFixtures.CaseNames(Torch);

    [Theory]
    [MemberData(nameof(TfjsCases))]
    public void MatchesTfjs(string caseName) => GoldenFixtures.Check(Tfjs, caseName);

    [Theory]
    [MemberData(nameof(TorchCases))]
    public void MatchesTorchReference(string caseName) => GoldenFixtures.Check(Torch, caseName);
}
