using System.Text.Json.Nodes;
using Keras.Saving.Tfjs;

namespace Keras.Tests.Saving.Golden;

/// <summary><see cref="Model.SaveTfjs"/> names weights exactly as tfjs 4.22 named them and loads back
/// bit-identically.</summary>
public sealed class TfjsWriterTests
{
    [Theory]
    [MemberData(nameof(GoldenModels.Names), MemberType = typeof(GoldenModels))]
    public void SaveTfjs_WritesTfjsWeightNamesAndRoundTripsBitIdentically(string name)
    {
        string golden = GoldenModels.Fixture($"tfjs/{name}/model.json");
        string dir = Path.Combine(Path.GetTempPath(), "keras-tfjs-out-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var scope = torch.NewDisposeScope();
            using var model = TfjsModelReader.Load(golden);
            model.SaveTfjs(dir);
            var written = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "model.json")))!;
            Assert.Equal("layers-model", (string)written["format"]!);
            Assert.Equal(WeightNames(JsonNode.Parse(File.ReadAllText(golden))!), WeightNames(written));
            Assert.Equal(File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(golden)!, TfjsModelWriter.ShardName)),
                File.ReadAllBytes(Path.Combine(dir, TfjsModelWriter.ShardName)));

            using var again = TfjsModelReader.Load(Path.Combine(dir, "model.json"));
            var inputs = GoldenModels.Model(name)["inputs"]!.AsArray().Select(GoldenRunner.ToTensor).ToList();
            var before = Predict(model, inputs);
            var after = Predict(again, inputs);
            for (int i = 0; i < before.Count; i++)
            {
                Assert.True(GoldenModels.BitIdentical(before[i], after[i]), $"{name}: output {i} changed after SaveTfjs and loading.");
            }
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    private static string[] WeightNames(JsonNode manifest) =>
        manifest["weightsManifest"]![0]!["weights"]!.AsArray().Select(w => (string)w!["name"]!).ToArray();

    private static IReadOnlyList<Tensor> Predict(Model model, List<Tensor> inputs) => inputs.Count == 1
        ? model.PredictMany(inputs[0], verbose: 0)
        : model.PredictMany(ArrayLike.Create(inputs.Select(t => (ArrayLike)t).ToArray()), verbose: 0);
}
