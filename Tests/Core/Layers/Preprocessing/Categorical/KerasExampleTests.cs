using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Keras.Layers;
using Keras.Saving;

namespace Keras.Tests.Core.Layers.Preprocessing.Categorical;

/// <summary>The input/output examples Keras publishes for the categorical and text preprocessing layers (its Keras 3
/// docstrings and the keras.io preprocessing guide), transcribed in Tests/Golden/TextPreprocessing/keras_examples.py.
/// Each layer is built from its Keras config through our registry.</summary>
public sealed class KerasExampleTests
{
    private const string Fixture = "../../../../Golden/TextPreprocessing/keras_examples.json";

    public static TheoryData<string> Cases => GoldenFixtures.CaseNames(Fixture);

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesKeras(string caseName)
    {
        var golden = GoldenFixtures.Load(FixturePath()).Single(c => (string?)c["name"] == caseName);
        using var scope = torch.NewDisposeScope();
        var layer = KerasSerialization.DeserializeLayer(golden["layer"]!.DeepClone());
        foreach (var step in golden["steps"]!.AsArray().Select(s => s!.AsObject()))
        {
            if (step["adapt"] is JsonObject adapt)
            {
                Adapt(layer, adapt);
            }
            else if (step["set_vocabulary"] is JsonArray vocabulary)
            {
                var idf = step["idf_weights"]?.AsArray().Select(v => v!.GetValue<double>()).ToArray();
                switch (layer)
                {
                    case StringLookup s: s.SetVocabulary(vocabulary.Select(v => (string)v!), idf); break;
                    case IntegerLookup l: l.SetVocabulary(vocabulary.Select(v => v!.GetValue<long>()), idf); break;
                    case TextVectorization t: t.SetVocabulary(vocabulary.Select(v => (string)v!), idf); break;
                    default: throw new InvalidOperationException($"{caseName}: {layer.ClassName} has no vocabulary.");
                }
            }
            else if (step["vocabulary"] is JsonArray expectedVocabulary)
            {
                var actual = layer switch
                {
                    StringLookup s => s.GetVocabulary().Select(v => (JsonNode?)JsonValue.Create(v)),
                    IntegerLookup l => l.GetVocabulary().Select(v => (JsonNode?)JsonValue.Create(v)),
                    TextVectorization t => t.GetVocabulary().Select(v => (JsonNode?)JsonValue.Create(v)),
                    _ => throw new InvalidOperationException($"{caseName}: {layer.ClassName} has no vocabulary."),
                };
                Assert.Equal(expectedVocabulary.ToJsonString(), new JsonArray(actual.ToArray()).ToJsonString());
            }
            else if (step["call_inverse"] is JsonObject inverseInput)
            {
                var (values, shape) = Flatten(inverseInput["ints"]!);
                var indices = new long[shape[0], shape[1]];
                Buffer.BlockCopy(values.Select(v => (long)v).ToArray(), 0, indices, 0, values.Length * sizeof(long));
                var strings = ((StringLookup)layer).CallInverse(indices);
                var (expected, expectedShape) = FlattenStrings(step["expect_strings"]!);
                Assert.Equal(expectedShape, new[] { strings.GetLength(0), strings.GetLength(1) });
                Assert.Equal(expected, strings.Cast<string>().ToArray());
            }
            else
            {
                var output = Call(layer, step["call"]!.AsObject(), step["count_weights"]);
                var (expected, shape) = Flatten(step["expect"]!);
                Assert.Equal(shape.Select(d => (long)d).ToArray(), output.shape);
                var actual = output.to_type(torch.ScalarType.Float64).cpu().data<double>().ToArray();
                for (int i = 0; i < expected.Length; i++)
                {
                    Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-6 + 1e-6 * Math.Abs(expected[i]),
                        $"{caseName}: element {i} is {actual[i]:R}, Keras printed {expected[i]:R}.");
                }
            }
        }
    }

    private static void Adapt(Layer layer, JsonObject data)
    {
        switch (layer)
        {
            case TextVectorization t:
                t.Adapt(FlattenStrings(data["strings"]!).Values);
                break;
            case StringLookup s when data["strings"] is JsonArray rows && rows[0] is JsonArray:
                s.Adapt(rows.Select(r => (IReadOnlyList<string>)r!.AsArray().Select(v => (string)v!).ToArray()));
                break;
            case StringLookup s:
                s.Adapt(FlattenStrings(data["strings"]!).Values);
                break;
            case IntegerLookup l:
                l.Adapt(ToTensor(data));
                break;
            case Discretization d:
                d.Adapt(ToTensor(data));
                break;
            default:
                throw new InvalidOperationException($"{layer.ClassName} cannot adapt.");
        }
    }

    private static Tensor Call(Layer layer, JsonObject input, JsonNode? countWeights)
    {
        if (input["strings"] is JsonNode strings)
        {
            var (values, shape) = FlattenStrings(strings);
            if (shape.Length == 1)
            {
                return layer switch
                {
                    StringLookup s => s.Call(values),
                    Hashing h => h.Call(values),
                    TextVectorization t => t.Call(values),
                    _ => throw new InvalidOperationException($"{layer.ClassName} takes no strings."),
                };
            }
            var grid = new string[shape[0], shape[1]];
            for (int i = 0; i < values.Length; i++)
            {
                grid[i / shape[1], i % shape[1]] = values[i];
            }
            return layer switch
            {
                StringLookup s => s.Call(grid),
                Hashing h => h.Call(grid),
                TextVectorization t => t.Call(grid),
                _ => throw new InvalidOperationException($"{layer.ClassName} takes no strings."),
            };
        }
        var x = ToTensor(input);
        if (countWeights is not null)
        {
            var (weights, shape) = Flatten(countWeights);
            return ((CategoryEncoding)layer).Call(x,
                torch.tensor(weights.Select(w => (float)w).ToArray()).reshape(shape.Select(d => (long)d).ToArray()));
        }
        return layer.Call(x);
    }

    private static Tensor ToTensor(JsonObject input)
    {
        if (input["ints"] is JsonNode ints)
        {
            var (values, shape) = Flatten(ints);
            return torch.tensor(values.Select(v => (long)v).ToArray()).reshape(shape.Select(d => (long)d).ToArray());
        }
        var (floats, floatShape) = Flatten(input["floats"]!);
        return torch.tensor(floats.Select(v => (float)v).ToArray()).reshape(floatShape.Select(d => (long)d).ToArray());
    }

    private static (double[] Values, int[] Shape) Flatten(JsonNode node)
    {
        var shape = new List<int>();
        for (var n = node; n is JsonArray a; n = a.Count > 0 ? a[0] : null)
        {
            shape.Add(a.Count);
        }
        var values = new List<double>();
        void Walk(JsonNode? n)
        {
            if (n is JsonArray a)
            {
                foreach (var item in a)
                {
                    Walk(item);
                }
            }
            else
            {
                values.Add(n!.GetValue<double>());
            }
        }
        Walk(node);
        return ([.. values], [.. shape]);
    }

    private static (string[] Values, int[] Shape) FlattenStrings(JsonNode node)
    {
        var rows = node.AsArray();
        if (rows.Count > 0 && rows[0] is JsonArray first)
        {
            return (rows.SelectMany(r => r!.AsArray().Select(v => (string)v!)).ToArray(), [rows.Count, first.Count]);
        }
        return (rows.Select(v => (string)v!).ToArray(), [rows.Count]);
    }

    private static string FixturePath([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, Fixture));
}
