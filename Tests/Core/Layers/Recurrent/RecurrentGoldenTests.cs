namespace Keras.Tests.Core.Layers.Recurrent;

/// <summary>The recurrent layers against tfjs-layers (Tests/Golden/Recurrent/generate.mjs) and a float64 PyTorch
/// reference written from Keras 3's formulas (generate.py): outputs, output masks and gradients.</summary>
public sealed class RecurrentGoldenTests
{
    private const string Tfjs = "../../../Golden/Recurrent/recurrent.json";
    private const string Reference = "../../../Golden/Recurrent/recurrent_keras3.json";
    private const string ConvTfjs = "../../../Golden/Recurrent/conv_lstm.json";
    private const string ConvReference = "../../../Golden/Recurrent/conv_lstm_keras3.json";

    public static TheoryData<string> TfjsCases => GoldenFixtures.CaseNames(Tfjs);

    public static TheoryData<string> ReferenceCases => GoldenFixtures.CaseNames(Reference);

    public static TheoryData<string> ConvTfjsCases => GoldenFixtures.CaseNames(ConvTfjs);

    public static TheoryData<string> ConvReferenceCases => GoldenFixtures.CaseNames(ConvReference);

    [Theory]
    [MemberData(nameof(ConvTfjsCases))]
    public void ConvLstm_MatchesTfjs(string caseName) => GoldenFixtures.Check(ConvTfjs, caseName);

    [Theory]
    [MemberData(nameof(ConvReferenceCases))]
    public void ConvLstm_MatchesKeras3Reference(string caseName) => GoldenFixtures.Check(ConvReference, caseName);

    [Theory]
    [MemberData(nameof(TfjsCases))]
    public void MatchesTfjs(string caseName) => GoldenFixtures.Check(Tfjs, caseName);

    [Theory]
    [MemberData(nameof(ReferenceCases))]
    public void MatchesKeras3Reference(string caseName) => GoldenFixtures.Check(Reference, caseName);
}
