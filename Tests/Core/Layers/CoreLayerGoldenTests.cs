namespace Keras.Tests.Core.Layers;

/// <summary>Dense, Activation, Flatten, Reshape, Dropout (inference), Add and Concatenate against tfjs
/// (Tests/Golden/Core/generate.mjs): outputs and gradients.</summary>
public sealed class CoreLayerGoldenTests
{
    private const string Fixture = "../../Golden/Core/core.json";

    public static TheoryData<string> Cases => GoldenFixtures.CaseNames(Fixture);

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesTfjs(string caseName) => GoldenFixtures.Check(Fixture, caseName);
}
