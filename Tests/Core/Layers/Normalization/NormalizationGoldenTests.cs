namespace Keras.Tests.Core.Layers.Normalization;

/// <summary>BatchNormalization, LayerNormalization, GroupNormalization and UnitNormalization against golden fixtures:
/// tfjs for what it implements (Tests/Golden/Normalization/generate.mjs) and a float64 reference written from Keras 3's
/// formulas for the rest (generate.py). Training cases check the moving statistics after the call.</summary>
public sealed class NormalizationGoldenTests
{
    private const string Tfjs = "../../../Golden/Normalization/normalization_tfjs.json";
    private const string Torch = "../../../Golden/Normalization/normalization_torch.json";

    public static TheoryData<string> TfjsCases => GoldenFixtures.CaseNames(Tfjs);

    public static TheoryData<string> TorchCases => GoldenFixtures.CaseNames(Torch);

    [Theory]
    [MemberData(nameof(TfjsCases))]
    public void MatchesTfjs(string caseName) => GoldenFixtures.Check(Tfjs, caseName);

    [Theory]
    [MemberData(nameof(TorchCases))]
    public void MatchesKeras3Reference(string caseName) => GoldenFixtures.Check(Torch, caseName);
}
