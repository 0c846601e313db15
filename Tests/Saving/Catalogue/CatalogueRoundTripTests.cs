using System.Text.Json.Nodes;
using Keras.Saving;
using Xunit.Abstractions;

namespace Keras.Tests.Saving.Catalogue;

/// <summary>Every layer of the catalogue (each golden layer case) survives save → load in each format: the loaded
/// model predicts bit-identically (torch.equal) and has the same config and weights.</summary>
/// <remarks>One test per format iterates all cases and reports every failure by case, fixture and layer class.</remarks>
[Trait("Category", "Slow")]
public sealed class CatalogueRoundTripTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(".h5")]
    [InlineData(".keras")]
    [InlineData(".weights.h5")]
    public void EveryCatalogueLayer_RoundTripsBitIdentically(string format)
    {
        string dir = Path.Combine(Path.GetTempPath(), "keras-catalogue-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var failures = new List<string>();
        int count = 0;
        var classes = new HashSet<string>();
        try
        {
            foreach (var (file, c) in CatalogueCases.All())
            {
                count++;
                string name = (string)c["name"]!;
                string className = (string)c["layer"]!["class_name"]!;
                classes.Add(className);
                try
                {
                    RoundTrip(c, Path.Combine(dir, $"case{count}{format}"), format);
                }
                catch (Exception e)
                {
                    failures.Add($"{name} ({className}, {file}): {e.GetType().Name}: {FirstLine(e.Message)}");
                }
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        output.WriteLine($"{format}: {count} cases, {classes.Count} layer classes, {failures.Count} failures.");
        Assert.True(count >= 300, $"Only {count} catalogue cases were found.");
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {count} catalogue cases do not round-trip through {format}:\n" +
            string.Join("\n", failures));
    }

    private static void RoundTrip(JsonObject c, string path, string format)
    {
        using var scope = torch.NewDisposeScope();
        using var model = CatalogueCases.Model(c);
        var inputs = CatalogueCases.Inputs(c);
        var expected = CatalogueCases.Predict(model, inputs);
        Model loaded;
        if (format == ".weights.h5")
        {
            model.SaveWeights(path);
            loaded = Models.CloneModel(model);
            loaded.LoadWeights(path);
        }
        else
        {
            model.Save(path);
            loaded = Models.LoadModel(path, compile: false);
        }
        using (loaded)
        {
            string before = KerasSerialization.SerializeLayer(model).ToJsonString();
            string after = KerasSerialization.SerializeLayer(loaded).ToJsonString();
            if (before != after)
            {
                throw new InvalidOperationException($"the config changed: {Difference(before, after)}");
            }
            var original = model.Weights;
            var restored = loaded.Weights;
            if (original.Count != restored.Count)
            {
                throw new InvalidOperationException($"{original.Count} weights saved, {restored.Count} loaded.");
            }
            for (int i = 0; i < original.Count; i++)
            {
                if (!Golden.GoldenModels.BitIdentical(original[i].Value, restored[i].Value.to(original[i].Value.device)))
                {
                    throw new InvalidOperationException($"weight {i} \"{original[i].Path}\" differs after loading.");
                }
            }
            var actual = CatalogueCases.Predict(loaded, inputs);
            for (int i = 0; i < expected.Count; i++)
            {
                if (!Golden.GoldenModels.BitIdentical(expected[i], actual[i]))
                {
                    double diff = (expected[i].to_type(torch.ScalarType.Float64) -
                                   actual[i].to_type(torch.ScalarType.Float64)).abs().max().item<double>();
                    throw new InvalidOperationException($"output {i} is not bit-identical (max |diff| {diff:G3}).");
                }
            }
        }
    }

    private static string FirstLine(string message)
    {
        int end = message.IndexOf('\n');
        string line = end < 0 ? message : message[..end];
        return line.Length <= 300 ? line : line[..297] + "...";
    }

    private static string Difference(string before, string after)
    {
        int i = 0;
        while (i < before.Length && i < after.Length && before[i] == after[i])
        {
            i++;
        }
        int start = Math.Max(0, i - 60);
        return $"saved …{before[start..Math.Min(before.Length, i + 60)]}… loaded …{after[start..Math.Min(after.Length, i + 60)]}…";
    }
}
