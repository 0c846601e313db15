using System.Runtime.CompilerServices;
using Keras.Layers;

namespace Keras.Tests.FunctionalApi.Configs;

/// <summary>Models for config tests, a graph signature to compare rebuilt graphs, and the JSON fixtures.</summary>
internal static class ConfigTestModels
{
    /// <summary>The model of the fixtures: two inputs, one Dense shared by both, two outputs (Fixtures/README.md).
    /// </summary>
    internal static Functional SharedDense()
    {
        var a = new Input([8], name: "input_a");
        var b = new Input([8], name: "input_b");
        var shared = new Dense(16, activation: "relu", name: "shared");
        var outA = new Dense(3, activation: "softmax", name: "out_a").Call(shared.Call(a));
        var outB = new Dense(1, activation: "sigmoid", name: "out_b")
            .Call(new Dropout(0.25, name: "dropout").Call(shared.Call(b)));
        return new Functional([a, b], [outA, outB], name: "shared_dense");
    }

    /// <summary>A functional model called twice (at two depths) and a Sequential, both nested as layers; with
    /// <paramref name="exposeNested"/> the second call of the nested functional model is also a model output.</summary>
    internal static Functional Nested(bool exposeNested = true)
    {
        var innerIn = new Input([4], name: "inner_in");
        var inner = new Functional(innerIn, new Dense(4, activation: "tanh", name: "inner_dense").Call(innerIn),
            name: "inner");
        var stack = new Sequential([new InputLayer([4], name: "stack_in"), new Dense(4, name: "stack_dense")], "stack");
        var x = new Input([4], name: "outer_in");
        var h3 = inner.Call(stack.Call(inner.Call(x)));
        var head = new Dense(2, name: "head").Call(h3);
        return exposeNested ? new Functional([x], [head, h3], name: "outer") : new Functional(x, head, name: "outer");
    }

    /// <summary>One layer called on its own output: <c>twice(twice(x))</c>.</summary>
    internal static Functional SelfLoop()
    {
        var x = new Input([4], name: "loop_in");
        var twice = new Dense(4, activation: "relu", name: "twice");
        return new Functional(x, twice.Call(twice.Call(x)), name: "self_loop");
    }

    /// <summary>Layer names, classes, trainable flags, every call (inputs by layer/node/tensor, output shapes),
    /// the model's inputs and outputs, and weight shapes: equal signatures mean the same graph.</summary>
    internal static List<string> Signature(Functional model)
    {
        var lines = new List<string> { $"model {model.Name} trainable={model.Trainable}" };
        foreach (var layer in model.Layers)
        {
            lines.Add($"{layer.Name} ({layer.ClassName}) trainable={layer.Trainable}");
            var own = OwnNodes(model, layer);
            for (int k = 0; k < own.Count; k++)
            {
                if (own[k].IsInput)
                {
                    lines.Add($"  [{k}] input {own[k].Outputs[0].Shape} {own[k].Outputs[0].DType}");
                    continue;
                }
                string inputs = string.Join(", ", own[k].Inputs.Select(t => Reference(model, t)));
                string outputs = string.Join(", ", own[k].Outputs.Select(t => t.Shape.ToString()));
                lines.Add($"  [{k}] {inputs} -> {outputs}");
            }
            if (layer is Functional nested)
            {
                lines.AddRange(Signature(nested).Select(l => "    " + l));
            }
        }
        lines.Add("inputs " + string.Join(", ", model.Inputs.Select(t => Reference(model, t))));
        lines.Add("outputs " + string.Join(", ", model.Outputs.Select(t => $"{Reference(model, t)} {t.Shape}")));
        lines.Add("weights " + string.Join(", ", model.Weights.Select(v => $"{v.Path}{v.Shape}")));
        return lines;
    }

    /// <summary>The text of a fixture next to this file.</summary>
    internal static string Fixture(string name, [CallerFilePath] string here = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "Fixtures", name));

    private static string Reference(Functional model, KerasTensor t) =>
        $"{t.Layer.Name}[{OwnNodes(model, t.Layer).IndexOf(t.Node)}][{t.TensorIndex}]";

    private static List<Node> OwnNodes(Functional model, Layer layer) =>
        layer.InboundNodes.Where(model.ContainsNode).ToList();
}
