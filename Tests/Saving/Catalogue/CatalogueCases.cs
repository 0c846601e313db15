using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Keras.Saving;

namespace Keras.Tests.Saving.Catalogue;

/// <summary>The layer catalogue as the golden layer fixtures (Tests/Golden/*/*.json) describe it: every case with a
/// Keras layer config and inputs, turned into a model <c>Input(s) → layer</c> with the case's weights.</summary>
/// <remarks>An adapt case with inputs is adapted on its batches first. Cases without <c>layer</c> and <c>inputs</c> are
/// recipes, not layers on tensors (adapt() batches,
/// Discretization boundaries, the string-valued Keras docstring examples of text and categorical preprocessing):
/// they cannot be a model's input and are left out. The Saving fixtures are models, not layer cases.</remarks>
internal static class CatalogueCases
{
    /// <summary>Every usable case, as (fixture file relative to Tests/Golden, case).</summary>
    public static IEnumerable<(string File, JsonObject Case)> All([CallerFilePath] string here = "")
    {
        string root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "Golden"));
        var files = Directory.GetDirectories(root)
            .Where(d => Path.GetFileName(d) is not ("node_modules" or "Saving"))
            .SelectMany(d => Directory.GetFiles(d, "*.json"))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            // Some fixture files hold tables, not cases (e.g. hash vectors).
            if (JsonNode.Parse(File.ReadAllText(file))?["cases"] is not JsonArray cases)
            {
                continue;
            }
            foreach (var c in cases.OfType<JsonObject>())
            {
                if (c["layer"] is JsonObject && c["inputs"] is JsonArray)
                {
                    yield return (Path.GetRelativePath(root, file), c);
                }
            }
        }
    }

    /// <summary>A functional model <c>Input(s) → layer</c> for the case, with the case's weights when it has them.</summary>
    public static Functional Model(JsonObject c)
    {
        var layer = KerasSerialization.DeserializeLayer(c["layer"]!.DeepClone());
        var inputs = c["inputs"]!.AsArray().Select((t, i) => new Input(
                new Shape(t!["shape"]!.AsArray().Skip(1).Select(d => (int?)d!.GetValue<int>()).ToArray()),
                name: $"input_{i}",
                dtype: (string?)t["dtype"] ?? "float32"))
            .ToList();
        var outputs = layer.CallMany(inputs.Cast<KerasTensor>().ToList());
        var model = new Functional(inputs.Cast<KerasTensor>().ToList(), outputs, name: "catalogue");
        if (c["batches"] is JsonArray batches && layer is Keras.Layers.Normalization normalization)
        {
            // An adapt case: the layer's state comes from the data, as in the fixture (after the model built it).
            normalization.Adapt(batches.Select(GoldenRunner.ToTensor).ToList());
        }
        if (c["weights"] is JsonArray weights && weights.Count == layer.Weights.Count)
        {
            for (int i = 0; i < weights.Count; i++)
            {
                using var value = GoldenRunner.ToTensor(weights[i]);
                layer.Weights[i].Assign(value.to_type(layer.Weights[i].Value.dtype));
            }
        }
        return model;
    }

    /// <summary>The case's inputs as tensors the caller owns.</summary>
    public static List<Tensor> Inputs(JsonObject c) =>
        c["inputs"]!.AsArray().Select(GoldenRunner.ToTensor).ToList();

    /// <summary>Runs the model on the inputs (inference) and returns every output.</summary>
    public static IReadOnlyList<Tensor> Predict(Model model, List<Tensor> inputs) => inputs.Count == 1
        ? model.PredictMany(inputs[0], verbose: 0)
        : model.PredictMany(ArrayLike.Create(inputs.Select(t => (ArrayLike)t).ToArray()), verbose: 0);
}
