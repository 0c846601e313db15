namespace Keras.Tests.Core.Layers.Recurrent;

/// <summary>The recurrent layers against tfjs-layers (Tests/Golden/Recurrent/generate.mjs) and a float64 PyTorch
/// reference written from Keras 3's formulas (generate.py): outputs, output masks and gradients.</summary>
public sealed class RecurrentGoldenTests
{
    private const string Tfjs = "../../../Golden/Recurrent/recurrent.json";
    private const string Reference = "../../../Golden/Recurrent/recurrent_keras3.json";

    public static TheoryData<string> TfjsCases => GoldenFixtures.CaseNames(Tfjs);

    public static TheoryData<string> ReferenceCases => GoldenFixtures.CaseNames(Reference);

    [Theory]
    [MemberData(nameof(TfjsCases))]
    public void MatchesTfjs(string caseName) => GoldenFixtures.Check(Tfjs, caseName);

    [Theory]
    [MemberData(nameof(ReferenceCases))]
    public void MatchesKeras3Reference(string caseName) => GoldenFixtures.Check(Reference, caseName);
}
