namespace Keras.Tests.Core.Layers.Merging;

/// <summary>Embedding, Masking, Add, Multiply, Average, Maximum, Minimum, Concatenate and Dot against tfjs
/// (Tests/Golden/AttentionEmbeddingMerging/generate.mjs): outputs, output masks and gradients (Embedding: of the
/// table).</summary>
public sealed class MergingGoldenTests
{
    private const string Fixture = "../../../Golden/AttentionEmbeddingMerging/tfjs.json";

    public static TheoryData<string> Cases => GoldenFixtures.CaseNames(Fixture);

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesTfjs(string caseName) => GoldenFixtures.Check(Fixture, caseName);
}
