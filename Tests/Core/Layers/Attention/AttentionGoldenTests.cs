namespace Keras.Tests.Core.Layers.Attention;

/// <summary>Subtract, masked merges (Keras 3 semantics), Dot on rank 4, Attention, AdditiveAttention and
/// MultiHeadAttention against the float64 torch reference written from the Keras 3 sources
/// (Tests/Golden/AttentionEmbeddingMerging/generate.py): outputs, output masks and gradients of inputs and
/// weights.</summary>
public sealed class AttentionGoldenTests
{
    private const string Fixture = "../../../Golden/AttentionEmbeddingMerging/torch.json";

    public static TheoryData<string> Cases => GoldenFixtures.CaseNames(Fixture);

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesKeras3Reference(string caseName) =>
        AttentionGoldenRunner.Run(GoldenFixtures.Case(Fixture, caseName), caseName);
}
