using Keras.Layers;

namespace Keras.Onnx;

/// <summary>Exports SimpleRNN, LSTM and GRU with a Keras mask as an ONNX <c>Scan</c> whose body runs one cell step
/// with Keras' own weight layouts and then Core's masked-step rule (<c>RecurrentLoop</c>): a masked step keeps the
/// previous states, and outputs the previous output (zeros before the first step, or always zeros with
/// <c>zero_output_for_mask</c>).</summary>
/// <remarks>ONNX's <c>RNN</c>/<c>LSTM</c>/<c>GRU</c> operators only stop at a sequence length, so masks with gaps in the
/// middle of a sequence need the explicit loop. The input projection <c>x·W + b</c> runs once over all steps before
/// the Scan, as in Core; <c>go_backwards</c> scans the inputs in reverse and emits the outputs in processing order,
/// as Keras does.</remarks>
internal static class MaskedRecurrentExporter
{
    internal static IReadOnlyList<string> Export(RNN layer, OnnxExportContext context, IReadOnlyList<string> inputs,
        string mask)
    {
        var cell = layer.Cell;
        int units = cell switch
        {
            LSTMCell c => c.Units,
            GRUCell c => c.Units,
            SimpleRNNCell c => c.Units,
            _ => throw new NotSupportedException(
                $"Layer \"{layer.Name}\" (RNN) has a cell of class {cell.GetType().Name}, which has no ONNX export."),
        };
        int stateCount = cell is LSTMCell ? 2 : 1;
        var x = inputs[0];
        using var scope = torch.NewDisposeScope();

        var projected = context.AddNode("MatMul", [x, context.AddInitializer(cell.Kernel!)]);
        if (InputBias(cell) is { } inputBias)
        {
            projected = context.AddNode("Add", [projected, context.AddInitializer("input_bias", inputBias)]);
        }
        var keep = context.AddNode("Unsqueeze", [mask, context.AddInt64s("axes", [2])]);

        var batch = context.AddNode("Slice", [context.AddNode("Shape", [x]), context.AddInt64s("starts", [0]),
            context.AddInt64s("ends", [1])]);
        var zeros = context.AddNode("ConstantOfShape",
            [context.AddNode("Concat", [batch, context.AddInt64s("units", [units])], OnnxAttribute.Int("axis", 0))]);
        var initialStates = inputs.Count > 1
            ? inputs.Skip(1).ToList()
            : Enumerable.Repeat(zeros, stateCount).ToList();

        var body = Body(layer, context, units, stateCount);
        int direction = layer.GoBackwards ? 1 : 0;
        var outputs = context.AddNode("Scan", [.. initialStates, zeros, projected, keep], stateCount + 2,
            OnnxAttribute.Graph("body", body),
            OnnxAttribute.Int("num_scan_inputs", 2),
            OnnxAttribute.Ints("scan_input_axes", [1, 1]),
            OnnxAttribute.Ints("scan_input_directions", [direction, direction]),
            OnnxAttribute.Ints("scan_output_axes", [1]));
        var output = layer.ReturnSequences ? outputs[stateCount + 1] : outputs[stateCount];
        return layer.ReturnState ? [output, .. outputs.Take(stateCount)] : [output];
    }

    // The bias added to x·W: Keras' whole bias, or its input row for GRU with reset_after.
    private static Tensor? InputBias(RNNCell cell) => cell.Bias?.Value is not { } bias
        ? null
        : bias.dim() == 2 ? bias[0].detach().clone() : bias.detach().clone();

    /// <summary>The Scan body: inputs are the states, the previous output, the projected step and its mask
    /// <c>(batch, 1)</c>; outputs are the new states, the new output and the output again as the scanned sequence.</summary>
    private static OnnxGraph Body(RNN layer, OnnxExportContext context, int units, int stateCount)
    {
        var cell = layer.Cell;
        var recurrent = context.AddInitializer(cell.RecurrentKernel!);
        string? recurrentBias = cell.Bias?.Value is { } b && b.dim() == 2
            ? context.AddInitializer("recurrent_bias", b[1].detach().clone())
            : null;
        string? gatesKernel = null, candidateKernel = null;
        if (cell is GRUCell { ResetAfter: false })
        {
            var kernel = cell.RecurrentKernel!.Value.detach();
            gatesKernel = context.AddInitializer("recurrent_gates", kernel.narrow(1, 0, 2 * units).contiguous());
            candidateKernel = context.AddInitializer("recurrent_candidate",
                kernel.narrow(1, 2 * units, units).contiguous());
        }
        var zero = context.AddScalar("zero", 0f);

        var graph = context.BeginSubgraph(layer.Name + "_step");
        try
        {
            var states = Enumerable.Range(0, stateCount).Select(i => Input(context, graph, $"state_{i}",
                OnnxDataType.Float, units)).ToList();
            var previousOutput = Input(context, graph, "previous_output", OnnxDataType.Float, units);
            var step = Input(context, graph, "step", OnnxDataType.Float, units * Gates(cell));
            var keep = Input(context, graph, "keep", OnnxDataType.Bool, 1);

            var (output, newStates) = cell switch
            {
                LSTMCell c => Lstm(context, c, step, states[0], states[1], recurrent, units),
                GRUCell c => Gru(context, c, step, states[0], recurrent, recurrentBias, gatesKernel,
                    candidateKernel, units),
                SimpleRNNCell c => SimpleRnn(context, c, step, states[0], recurrent),
                _ => throw new InvalidOperationException("Unreachable: the cell was checked."),
            };
            var results = new List<string>();
            for (int i = 0; i < stateCount; i++)
            {
                results.Add(context.AddNode("Where", [keep, newStates[i], states[i]]));
            }
            var masked = layer.ZeroOutputForMask ? zero : previousOutput;
            var stepOutput = context.AddNode("Where", [keep, output, masked]);
            results.Add(stepOutput);
            results.Add(context.AddNode("Identity", [stepOutput]));
            foreach (var result in results)
            {
                graph.Outputs.Add(ValueInfo(result, OnnxDataType.Float, units));
            }
            return graph;
        }
        finally
        {
            context.EndSubgraph();
        }
    }

    private static int Gates(RNNCell cell) => cell switch
    {
        LSTMCell => 4,
        GRUCell => 3,
        _ => 1,
    };

    private static (string Output, string[] States) Lstm(OnnxExportContext context, LSTMCell cell, string step,
        string h, string c, string recurrent, int units)
    {
        var z = context.AddNode("Add", [step, context.AddNode("MatMul", [h, recurrent])]);
        var parts = Split(context, z, 4, units);
        var i = context.AddActivation(cell.RecurrentActivation, parts[0]);
        var f = context.AddActivation(cell.RecurrentActivation, parts[1]);
        var candidate = context.AddActivation(cell.Activation, parts[2]);
        var o = context.AddActivation(cell.RecurrentActivation, parts[3]);
        var newC = context.AddNode("Add", [context.AddNode("Mul", [f, c]), context.AddNode("Mul", [i, candidate])]);
        var newH = context.AddNode("Mul", [o, context.AddActivation(cell.Activation, newC)]);
        return (newH, [newH, newC]);
    }

    private static (string Output, string[] States) Gru(OnnxExportContext context, GRUCell cell, string step,
        string h, string recurrent, string? recurrentBias, string? gatesKernel, string? candidateKernel, int units)
    {
        var x = Split(context, step, 3, units);
        string z, candidate;
        if (cell.ResetAfter)
        {
            var inner = context.AddNode("MatMul", [h, recurrent]);
            if (recurrentBias is not null)
            {
                inner = context.AddNode("Add", [inner, recurrentBias]);
            }
            var parts = Split(context, inner, 3, units);
            z = context.AddActivation(cell.RecurrentActivation, context.AddNode("Add", [x[0], parts[0]]));
            var r = context.AddActivation(cell.RecurrentActivation, context.AddNode("Add", [x[1], parts[1]]));
            candidate = context.AddNode("Mul", [r, parts[2]]);
        }
        else
        {
            var parts = Split(context, context.AddNode("MatMul", [h, gatesKernel!]), 2, units);
            z = context.AddActivation(cell.RecurrentActivation, context.AddNode("Add", [x[0], parts[0]]));
            var r = context.AddActivation(cell.RecurrentActivation, context.AddNode("Add", [x[1], parts[1]]));
            candidate = context.AddNode("MatMul", [context.AddNode("Mul", [r, h]), candidateKernel!]);
        }
        var hh = context.AddActivation(cell.Activation, context.AddNode("Add", [x[2], candidate]));
        // z·h + (1 − z)·hh, in Core's form hh + z·(h − hh).
        var newH = context.AddNode("Add", [hh, context.AddNode("Mul", [z, context.AddNode("Sub", [h, hh])])]);
        return (newH, [newH]);
    }

    private static (string Output, string[] States) SimpleRnn(OnnxExportContext context, SimpleRNNCell cell,
        string step, string h, string recurrent)
    {
        var newH = context.AddActivation(cell.Activation,
            context.AddNode("Add", [step, context.AddNode("MatMul", [h, recurrent])]));
        return (newH, [newH]);
    }

    private static IReadOnlyList<string> Split(OnnxExportContext context, string value, int parts, int units) =>
        context.AddNode("Split", [value, context.AddInt64s("split", Enumerable.Repeat((long)units, parts).ToArray())],
            parts, OnnxAttribute.Int("axis", 1));

    private static string Input(OnnxExportContext context, OnnxGraph graph, string hint, OnnxDataType type, int width)
    {
        var name = context.DeclareValue(hint);
        graph.Inputs.Add(ValueInfo(name, type, width));
        return name;
    }

    private static OnnxValueInfo ValueInfo(string name, OnnxDataType type, int width) =>
        new(name, type, [null, width], [OnnxModelWalker.BatchDim, ""]);
}
