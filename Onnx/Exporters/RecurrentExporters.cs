using Keras.Layers;

namespace Keras.Onnx;

/// <summary>Exporters of the recurrent layers: SimpleRNN, LSTM and GRU (and <c>RNN</c> over their cells) as ONNX's
/// <c>RNN</c>, <c>LSTM</c> and <c>GRU</c> operators, or with a Keras mask as a <c>Scan</c>
/// (<see cref="MaskedRecurrentExporter"/>); Bidirectional as two of them with Keras' merge; the layers that
/// have no exact ONNX form are rejected by name.</summary>
/// <remarks>
/// <para>Keras runs <c>go_backwards</c> on the time-reversed input and returns its outputs in that reversed order, so
/// the exporter reverses the input and runs forward. GRU's <c>reset_after=True</c> is ONNX's
/// <c>linear_before_reset=1</c> with Keras' second bias row as the recurrent bias.</para>
/// <para>ConvLSTM1D/2D/3D unroll over a known number of timesteps (<see cref="ConvLstmExporter"/>). Not exported:
/// stateful layers (an ONNX graph carries no state between runs), ConvLSTM with unknown timesteps (no ONNX operator;
/// a Loop subgraph is not written), custom cells, and cell activations ONNX's recurrent operators lack.</para>
/// </remarks>
internal static class RecurrentExporters
{
    // Keras activation names and the ONNX recurrent-operator activations without parameters that equal them.
    private static readonly Dictionary<string, string> Activations = new(StringComparer.Ordinal)
    {
        ["tanh"] = "Tanh",
        ["sigmoid"] = "Sigmoid",
        ["relu"] = "Relu",
        ["softsign"] = "Softsign",
        ["softplus"] = "Softplus",
    };

    internal static void Register()
    {
        OnnxExporters.Register<RNN>(Rnn);
        OnnxExporters.Register<ConvLSTM>(ConvLstmExporter.Export);
        OnnxExporters.Register<Bidirectional>(BidirectionalExporter.Export);
    }

    /// <summary>Exports an RNN call: <c>inputs[0]</c> is the sequence <c>(batch, time, features)</c>, the rest are
    /// initial states. Returns the output, then the final states when <c>return_state</c>.</summary>
    private static IReadOnlyList<string> Rnn(RNN layer, OnnxExportContext context, IReadOnlyList<string> inputs)
    {
        if (layer.Stateful)
        {
            throw new NotSupportedException(
                $"Layer \"{layer.Name}\" ({layer.GetType().Name}) is stateful: it carries its states from one batch " +
                "to the next, which an ONNX graph cannot. Export a copy built with stateful=false.");
        }
        var (opType, units, gates, activations) = layer.Cell switch
        {
            LSTMCell c => ("LSTM", c.Units, 4, new[]
            {
                OnnxName(layer, c.RecurrentActivation), OnnxName(layer, c.Activation), OnnxName(layer, c.Activation),
            }),
            GRUCell c => ("GRU", c.Units, 3,
                new[] { OnnxName(layer, c.RecurrentActivation), OnnxName(layer, c.Activation) }),
            SimpleRNNCell c => ("RNN", c.Units, 1, new[] { OnnxName(layer, c.Activation) }),
            var cell => throw new NotSupportedException(
                $"Layer \"{layer.Name}\" (RNN) has a cell of class {cell.GetType().Name}, which has no ONNX export. " +
                "RNNs over SimpleRNNCell, LSTMCell and GRUCell export."),
        };
        var rank = context.ShapeOf(inputs[0]).Rank;
        if (rank != 3)
        {
            throw new NotSupportedException(
                $"Layer \"{layer.Name}\" ({layer.GetType().Name}) exports on inputs of shape (batch, time, " +
                $"features). Received: {context.ShapeOf(inputs[0])}.");
        }
        if (context.MaskOf(inputs[0]) is { } mask)
        {
            return MaskedRecurrentExporter.Export(layer, context, inputs, mask);
        }
        var x = layer.GoBackwards ? Reverse(context, inputs[0], axis: 1) : inputs[0];
        var timeMajor = context.AddNode("Transpose", [x], OnnxAttribute.Ints("perm", [1, 0, 2]));

        using var scope = torch.NewDisposeScope();
        var weights = RecurrentWeights.For(layer.Cell, gates);
        var nodeInputs = new List<string>
        {
            timeMajor,
            context.AddInitializer("W", weights.W),
            context.AddInitializer("R", weights.R),
            weights.B is null ? "" : context.AddInitializer("B", weights.B),
            "",   // sequence_lens: every sequence runs its full length, as Keras without a mask
        };
        // Initial states (batch, units) become (1, batch, units).
        nodeInputs.AddRange(inputs.Skip(1)
            .Select(s => context.AddNode("Unsqueeze", [s, context.AddInt64s("axes", [0])])));
        var attributes = new List<OnnxAttribute>
        {
            OnnxAttribute.Int("hidden_size", units),
            OnnxAttribute.Strings("activations", activations),
        };
        if (layer.Cell is GRUCell { ResetAfter: true })
        {
            attributes.Add(OnnxAttribute.Int("linear_before_reset", 1));
        }
        var outputs = context.AddNode(opType, nodeInputs, opType == "LSTM" ? 3 : 2, [.. attributes]);

        var axis0 = context.AddInt64s("axes", [0]);
        string output;
        if (layer.ReturnSequences)
        {
            // Y is (time, 1, batch, units): drop the direction axis, then batch first.
            var y = context.AddNode("Squeeze", [outputs[0], context.AddInt64s("axes", [1])]);
            output = context.AddNode("Transpose", [y], OnnxAttribute.Ints("perm", [1, 0, 2]));
        }
        else
        {
            output = context.AddNode("Squeeze", [outputs[1], axis0]);
        }
        if (!layer.ReturnState)
        {
            return [output];
        }
        var states = outputs.Skip(1).Select(s => context.AddNode("Squeeze", [s, axis0])).ToList();
        return [output, .. states];
    }

    /// <summary>The input reversed along <paramref name="axis"/> (a Slice with step -1).</summary>
    internal static string Reverse(OnnxExportContext context, string input, long axis) =>
        context.AddNode("Slice", [input, context.AddInt64s("starts", [-1]), context.AddInt64s("ends", [long.MinValue]),
            context.AddInt64s("axes", [axis]), context.AddInt64s("steps", [-1])]);

    private static string OnnxName(RNN layer, ActivationFunction activation) =>
        Activations.TryGetValue(activation.Name, out var name)
            ? name
            : throw new NotSupportedException(
                $"Layer \"{layer.Name}\" ({layer.GetType().Name}) uses activation \"{activation.Name}\", which " +
                "ONNX's recurrent operators do not have. Activations that export in recurrent layers: " +
                $"{string.Join(", ", Activations.Keys)}.");
}
