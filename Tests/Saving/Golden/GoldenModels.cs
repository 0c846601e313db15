using System.Text.Json.Nodes;

namespace Keras.Tests.Saving.Golden;

/// <summary>The golden models of Tests/Golden/Saving (built and run by tfjs, written to Keras' layouts by an
/// independent h5py script): their inputs, the tfjs predictions, and the fixture files.</summary>
internal static class GoldenModels
{
    private static readonly Lazy<Dictionary<string, JsonObject>> Models = new(() =>
        JsonNode.Parse(File.ReadAllText(Fixture("models.json")))!["models"]!.AsArray()
            .Select(m => m!.AsObject()).ToDictionary(m => (string)m["name"]!));

    /// <summary>The names of the golden models except "deep", the 41-layer model for the chunked layer_names, for <c>[MemberData]</c>.</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in new[] { "mlp", "cnn", "text", "bidi", "two_towers", "nested" })
        {
            data.Add(name);
        }
        return data;
    }

    /// <summary>Same shape and dtype and every element equal (torch.equal).</summary>
    public static bool BitIdentical(Tensor a, Tensor b) =>
        a.dtype == b.dtype && a.shape.SequenceEqual(b.shape) && torch.equal(a, b).all().item<bool>();

    /// <summary>The absolute path of a file under Tests/Golden/Saving/Fixtures.</summary>
    public static string Fixture(string relative, [System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "Golden", "Saving", "Fixtures",
            relative));

    /// <summary>One model's record in models.json.</summary>
    public static JsonObject Model(string name) => Models.Value[name];

    /// <summary>Predicts the model's recorded inputs and asserts every output matches tfjs to 1e-5.</summary>
    /// <param name="model">The loaded model.</param>
    /// <param name="name">The golden model it should equal.</param>
    /// <param name="file">The file it came from, for messages.</param>
    public static void AssertPredicts(Model model, string name, string file)
    {
        using var scope = torch.NewDisposeScope();
        var record = Model(name);
        var inputs = record["inputs"]!.AsArray().Select(GoldenRunner.ToTensor).ToList();
        var outputs = inputs.Count == 1
            ? model.PredictMany(inputs[0], verbose: 0)
            : model.PredictMany(ArrayLike.Create(inputs.Select(t => (ArrayLike)t).ToArray()), verbose: 0);
        var expected = record["outputs"]!.AsArray();
        Assert.True(expected.Count == outputs.Count, $"{file}: {outputs.Count} outputs, tfjs has {expected.Count}.");
        for (int i = 0; i < outputs.Count; i++)
        {
            GoldenRunner.AssertClose(expected[i]!.AsObject(), outputs[i], 1e-5, $"{file}: output {i}");
        }
    }
}
