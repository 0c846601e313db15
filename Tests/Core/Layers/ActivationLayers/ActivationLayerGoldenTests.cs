namespace Keras.Tests.Core.Layers.ActivationLayers;

/// <summary>ReLU, LeakyReLU, PReLU, ELU and Softmax against tfjs (Keras 2 semantics) and, for Keras 3's ReLU
/// arguments, ELU's alpha and Softmax masks and axes, a float64 PyTorch reference of Keras 3's formulas
/// (Tests/Golden/ActivationLayers/generate.mjs and generate.py): outputs, output masks and gradients.</summary>
public sealed class ActivationLayerGoldenTests
{
    private const string Tfjs = "../../../Golden/ActivationLayers/activation_layers.json";
    private const string Keras3 = "../../../Golden/ActivationLayers/activation_layers_keras3.json";

    public static TheoryData<string> TfjsCases => GoldenFixtures.CaseNames(Tfjs);

    public static TheoryData<string> Keras3Cases => GoldenFixtures.CaseNames(Keras3);

    [Theory]
    [MemberData(nameof(TfjsCases))]
    public void MatchesTfjs(string caseName) => GoldenFixtures.Check(Tfjs, caseName);

    [Theory]
    [MemberData(nameof(Keras3Cases))]
    public void MatchesKeras3Formulas(string caseName) => GoldenFixtures.Check(Keras3, caseName);
}
