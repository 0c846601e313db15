using Keras.Layers;

namespace Keras.Onnx;

/// <summary>Exports ConvLSTM1D/2D/3D by unrolling its known number of timesteps: per step a <c>Conv</c> of the input
/// and one of the previous output (Keras' "same" padding, stride 1), the four gates (i, f, c, o) split from the sum,
/// then <c>c = f·c + i·act(g)</c>, <c>h = o·act(c)</c>.</summary>
/// <remarks>ONNX has no convolutional LSTM operator and this exporter writes no Loop subgraph, so a ConvLSTM with an
/// unknown number of timesteps is rejected; the graph grows linearly with the timesteps.</remarks>
internal static class ConvLstmExporter
{
    internal static IReadOnlyList<string> Export(ConvLSTM layer, OnnxExportContext context,
        IReadOnlyList<string> inputs)
    {
        var shape = context.ShapeOf(inputs[0]);
        if (layer.Stateful || shape[1] is not int steps)
        {
            throw new NotSupportedException(
                $"Layer \"{layer.Name}\" ({layer.GetType().Name}) exports unrolled over a known number of timesteps " +
                $"and without stateful=True; ONNX has no convolutional LSTM operator. Received input shape {shape}" +
                (layer.Stateful ? " and stateful=True." : "."));
        }
        int rank = layer.KernelSize.Count;
        bool last = layer.DataFormat == "channels_last";
        // (batch, time, channels, spatial...) so each step is an ONNX channels-first image.
        var sequence = last
            ? context.AddNode("Transpose", [inputs[0]], OnnxAttribute.Ints("perm",
                [0, 1, rank + 2, .. Enumerable.Range(2, rank).Select(i => (long)i)]))
            : inputs[0];
        var spatial = Enumerable.Range(0, rank).Select(i => (long)shape[last ? 2 + i : 3 + i]!.Value).ToArray();

        using var scope = torch.NewDisposeScope();
        var cell = layer.Cell;
        var inputKernel = context.AddInitializer("kernel", OnnxKernel(cell.Kernel!.Value, rank));
        var recurrentKernel = context.AddInitializer("recurrent_kernel", OnnxKernel(cell.RecurrentKernel!.Value, rank));
        var bias = cell.Bias is { } b ? context.AddInitializer(b) : "";
        var inputAttributes = ConvAttributes(layer.Padding, spatial, layer.KernelSize, layer.Strides,
            layer.DilationRate);
        var outputSpatial = spatial.Select((n, i) => OutputSize(layer, n, i)).ToArray();
        var recurrentAttributes = ConvAttributes("same", outputSpatial, layer.KernelSize, Ones(rank), Ones(rank));

        var (h, c) = inputs.Count == 3
            ? (ToChannelsFirst(context, inputs[1], rank, last), ToChannelsFirst(context, inputs[2], rank, last))
            : ((string?)null, (string?)null);
        var outputs = new List<string>();
        var splits = context.AddInt64s("split", Enumerable.Repeat((long)layer.Filters, 4).ToArray());
        for (int step = 0; step < steps; step++)
        {
            long t = layer.GoBackwards ? steps - 1 - step : step;
            var x = context.AddNode("Gather", [sequence, context.AddInt64s("step", [t], [])],
                OnnxAttribute.Int("axis", 1));
            var z = context.AddNode("Conv", [x, inputKernel, bias], inputAttributes);
            if (h is not null)
            {
                z = context.AddNode("Add", [z, context.AddNode("Conv", [h, recurrentKernel], recurrentAttributes)]);
            }
            var gates = context.AddNode("Split", [z, splits], 4, OnnxAttribute.Int("axis", 1));
            var i = context.AddActivation(layer.RecurrentActivation, gates[0]);
            var f = context.AddActivation(layer.RecurrentActivation, gates[1]);
            var candidate = context.AddNode("Mul", [i, context.AddActivation(cell.Activation, gates[2])]);
            c = c is null ? candidate : context.AddNode("Add", [context.AddNode("Mul", [f, c]), candidate]);
            var o = context.AddActivation(layer.RecurrentActivation, gates[3]);
            h = context.AddNode("Mul", [o, context.AddActivation(cell.Activation, c)]);
            outputs.Add(h);
        }
        string output;
        if (layer.ReturnSequences)
        {
            var stacked = context.AddNode("Concat",
                outputs.Select(o => context.AddNode("Unsqueeze", [o, context.AddInt64s("axes", [1])])).ToList(),
                OnnxAttribute.Int("axis", 1));
            output = last
                ? context.AddNode("Transpose", [stacked], OnnxAttribute.Ints("perm",
                    [0, 1, .. Enumerable.Range(3, rank).Select(a => (long)a), 2]))
                : stacked;
        }
        else
        {
            output = last ? context.ToChannelsLast(h!, rank + 2) : h!;
        }
        if (!layer.ReturnState)
        {
            return [output];
        }
        return last
            ? [output, context.ToChannelsLast(h!, rank + 2), context.ToChannelsLast(c!, rank + 2)]
            : [output, h!, c!];
    }

    // Keras (k..., in, out) to ONNX (out, in, k...).
    private static Tensor OnnxKernel(Tensor kernel, int rank) =>
        kernel.detach().permute([rank + 1, rank, .. Enumerable.Range(0, rank).Select(i => (long)i)]).contiguous();

    private static OnnxAttribute[] ConvAttributes(string padding, long[] spatial, IReadOnlyList<int> kernel,
        IReadOnlyList<int> strides, IReadOnlyList<int> dilations)
    {
        var pads = Enumerable.Range(0, spatial.Length)
            .Select(i => ConvUtils.Padding(padding, spatial[i], kernel[i], strides[i], dilations[i]))
            .ToList();
        return
        [
            OnnxAttribute.Ints("kernel_shape", kernel.Select(k => (long)k)),
            OnnxAttribute.Ints("strides", strides.Select(s => (long)s)),
            OnnxAttribute.Ints("dilations", dilations.Select(d => (long)d)),
            OnnxAttribute.Ints("pads", [.. pads.Select(p => p.Before), .. pads.Select(p => p.After)]),
        ];
    }

    private static long OutputSize(ConvLSTM layer, long size, int i)
    {
        var (before, after) = ConvUtils.Padding(layer.Padding, size, layer.KernelSize[i], layer.Strides[i],
            layer.DilationRate[i]);
        long span = (long)(layer.KernelSize[i] - 1) * layer.DilationRate[i] + 1;
        return (size + before + after - span) / layer.Strides[i] + 1;
    }

    private static string ToChannelsFirst(OnnxExportContext context, string state, int rank, bool last) =>
        last ? context.ToChannelsFirst(state, rank + 2) : state;

    private static int[] Ones(int rank) => [.. Enumerable.Repeat(1, rank)];
}
