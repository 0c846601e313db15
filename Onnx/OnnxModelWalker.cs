using Keras.Layers;

namespace Keras.Onnx;

/// <summary>Walks a Sequential, functional or nested model in execution order and exports each layer call; nested
/// models are inlined with their name as a value-name prefix.</summary>
internal static class OnnxModelWalker
{
    /// <summary>The symbolic name of the batch dimension of every graph input and output.</summary>
    internal const string BatchDim = "batch_size";

    internal static OnnxExportContext Export(Model model, int opset)
    {
        var context = new OnnxExportContext(opset, model.Name);
        var inputs = DeclareInputs(model, context);
        var outputs = ExportModelBody(context, model, inputs);
        DeclareOutputs(model, context, inputs, outputs);
        return context;
    }

    /// <summary>Exports one call of a layer: inlines models, passes input layers through, otherwise runs the
    /// registered exporter and records the outputs' shapes.</summary>
    internal static IReadOnlyList<string> ExportCall(OnnxExportContext context, Layer layer,
        IReadOnlyList<string> inputs, IReadOnlyList<KerasTensor>? symbolicOutputs)
    {
        if (layer is InputLayer)
        {
            return inputs;
        }
        if (layer is Sequential or Functional)
        {
            var model = (Model)layer;
            context.PushScope(model.Name);
            var previous = context.EnterLayer(null);
            try
            {
                return ExportModelBody(context, model, inputs);
            }
            finally
            {
                context.EnterLayer(previous);
                context.PopScope();
            }
        }
        var exporter = OnnxExporters.Get(layer);
        OnnxMasks.CheckConsumer(context, layer, inputs);
        var outer = context.EnterLayer(layer);
        IReadOnlyList<string> outputs;
        try
        {
            outputs = exporter(layer, context, inputs);
            outputs = OnnxMasks.Propagate(context, layer, inputs, outputs);
        }
        finally
        {
            context.EnterLayer(outer);
        }
        RecordOutputs(context, layer, inputs, outputs, symbolicOutputs);
        return outputs;
    }

    private static IReadOnlyList<string> ExportModelBody(OnnxExportContext context, Model model,
        IReadOnlyList<string> inputs) => model switch
        {
            Sequential sequential => ExportSequential(context, sequential, inputs),
            Functional functional => ExportFunctional(context, functional, inputs),
            _ => throw new NotSupportedException(
                $"Model \"{model.Name}\" of class {model.GetType().Name} is a subclassed model, whose call is C# code " +
                "and has no ONNX graph. Sequential and functional models (and models nested in them) export."),
        };

    private static IReadOnlyList<string> ExportSequential(OnnxExportContext context, Sequential model,
        IReadOnlyList<string> inputs)
    {
        var x = inputs;
        foreach (var layer in model.Layers)
        {
            x = ExportCall(context, layer, x, null);
        }
        return x;
    }

    /// <summary>Runs the functional graph in the order <see cref="Functional"/> itself uses (nodes by depth, inputs
    /// first), so shared layers, several inputs/outputs and multi-output layers export as they execute.</summary>
    private static IReadOnlyList<string> ExportFunctional(OnnxExportContext context, Functional model,
        IReadOnlyList<string> inputs)
    {
        var values = new Dictionary<KerasTensor, string>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < model.Inputs.Count; i++)
        {
            values[model.Inputs[i]] = inputs[i];
        }
        foreach (var node in model.NodesByDepth.SelectMany(n => n))
        {
            if (node.IsInput || node.Outputs.All(values.ContainsKey) || !node.Inputs.All(values.ContainsKey))
            {
                continue;
            }
            var outputs = ExportCall(context, node.Layer, node.Inputs.Select(t => values[t]).ToList(), node.Outputs);
            if (outputs.Count != node.Outputs.Count)
            {
                throw new InvalidOperationException(
                    $"The ONNX exporter of layer \"{node.Layer.Name}\" ({node.Layer.GetType().Name}) returned " +
                    $"{outputs.Count} outputs; the layer has {node.Outputs.Count}.");
            }
            for (int o = 0; o < outputs.Count; o++)
            {
                values[node.Outputs[o]] = outputs[o];
            }
        }
        return model.Outputs.Select(o => values[o]).ToList();
    }

    private static void RecordOutputs(OnnxExportContext context, Layer layer, IReadOnlyList<string> inputs,
        IReadOnlyList<string> outputs, IReadOnlyList<KerasTensor>? symbolic)
    {
        if (symbolic is not null)
        {
            for (int i = 0; i < outputs.Count && i < symbolic.Count; i++)
            {
                context.SetShape(outputs[i], symbolic[i].Shape);
                context.SetDType(outputs[i], symbolic[i].DType);
            }
            return;
        }
        if (outputs.Any(o => !context.HasShape(o)) && inputs.All(context.HasShape))
        {
            var shapes = inputs.Count == 1
                ? [layer.ComputeOutputShape(context.ShapeOf(inputs[0]))]
                : layer.ComputeOutputShapes(inputs.Select(context.ShapeOf).ToList());
            for (int i = 0; i < outputs.Count && i < shapes.Count; i++)
            {
                if (!inputs.Contains(outputs[i]))
                {
                    context.SetShape(outputs[i], shapes[i]);
                }
            }
        }
    }

    private static List<string> DeclareInputs(Model model, OnnxExportContext context)
    {
        var declared = model switch
        {
            Sequential s => [(
                s.InputLayer?.Name ?? model.InputNames[0],
                s.InputLayer?.BatchShape ?? s.BuildInputShape ?? throw new InvalidOperationException(
                    $"Sequential model \"{s.Name}\" has no input shape yet. Start it with an Input, or build it " +
                    "(call it or Fit it once) before exporting it to ONNX."),
                model.InputDType)],
            Functional f => f.Inputs.Select(i => (i.Layer.Name, i.Shape, i.DType)).ToList(),
            _ => throw new NotSupportedException(
                $"Model \"{model.Name}\" of class {model.GetType().Name} is a subclassed model, whose call is C# code " +
                "and has no ONNX graph. Sequential and functional models (and models nested in them) export."),
        };
        var names = new List<string>();
        foreach (var (name, shape, dtype) in declared)
        {
            var value = context.Reserve(name);
            context.SetShape(value, shape);
            context.SetDType(value, dtype);
            context.Graph.Inputs.Add(ValueInfo(value, shape, OnnxDataTypes.FromKeras(dtype)));
            names.Add(value);
        }
        return names;
    }

    /// <summary>Names the graph outputs after the model's output names: the producing value is renamed where it is a
    /// node output used once, otherwise an Identity node copies it.</summary>
    private static void DeclareOutputs(Model model, OnnxExportContext context, IReadOnlyList<string> inputs,
        IReadOnlyList<string> outputs)
    {
        var desired = model.OutputNames;
        var produced = context.Graph.Nodes.SelectMany(n => n.Outputs).ToHashSet(StringComparer.Ordinal);
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < outputs.Count; i++)
        {
            var value = renamed.GetValueOrDefault(outputs[i], outputs[i]);
            var wanted = i < desired.Count ? desired[i] : $"output_{i}";
            string name;
            if (produced.Contains(value) && !inputs.Contains(value) && claimed.Add(value) && !context.IsValueName(wanted))
            {
                context.Rename(value, wanted);
                renamed[value] = wanted;
                name = wanted;
            }
            else
            {
                name = context.Reserve(wanted);
                context.AddNodeWithOutputs("Identity", [value], [name], []);
                context.SetShape(name, context.ShapeOf(value));
                context.SetDType(name, context.DTypeOf(value));
            }
            claimed.Add(name);
            context.Graph.Outputs.Add(ValueInfo(name, context.ShapeOf(name), OnnxDataTypes.FromKeras(context.DTypeOf(name))));
        }
    }

    private static OnnxValueInfo ValueInfo(string name, Shape shape, OnnxDataType type)
    {
        var dims = shape.Select(d => (long?)d).ToList();
        var parameters = Enumerable.Range(0, shape.Rank).Select(i => i == 0 ? BatchDim : $"{name}_dim{i}").ToList();
        return new OnnxValueInfo(name, type, dims, parameters);
    }
}
