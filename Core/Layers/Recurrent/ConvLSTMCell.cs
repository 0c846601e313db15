using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>The cell of the ConvLSTM layers (Keras' <c>ConvLSTMCell</c>): an LSTM step whose input and recurrent
/// transformations are convolutions.</summary>
/// <remarks>Weights in Keras layout, gates i, f, c, o side by side on the last axis: <c>kernel (*kernel_size, channels,
/// 4·filters)</c>, <c>recurrent_kernel (*kernel_size, filters, 4·filters)</c>, <c>bias (4·filters)</c>. The input
/// convolution uses the layer's strides, padding and dilation; the recurrent one is <c>"same"</c> with stride 1. The
/// computation runs channels-first; states and outputs are converted to the data format at the boundary.</remarks>
internal sealed class ConvLSTMCell : RNNCell
{
    private readonly int[] _ones;
    private Tensor? _recurrentWeight;

    public ConvLSTMCell(int rank, int filters, int[] kernelSize, int[] strides, string padding, string dataFormat,
        int[] dilationRate, ActivationFunction? activation, ActivationFunction? recurrentActivation, bool useBias,
        Initializer? kernelInitializer, Initializer? recurrentInitializer, Initializer? biasInitializer,
        bool unitForgetBias, Regularizer? kernelRegularizer, Regularizer? recurrentRegularizer,
        Regularizer? biasRegularizer, Constraint? kernelConstraint, Constraint? recurrentConstraint,
        Constraint? biasConstraint, double dropout, double recurrentDropout, string? name, bool trainable)
        : base(activation, useBias, kernelInitializer, recurrentInitializer, biasInitializer, kernelRegularizer,
            recurrentRegularizer, biasRegularizer, kernelConstraint, recurrentConstraint, biasConstraint, dropout,
            recurrentDropout, name, trainable)
    {
        Rank = rank;
        Filters = filters;
        KernelSize = kernelSize;
        Strides = strides;
        Padding = padding;
        DataFormat = dataFormat;
        DilationRate = dilationRate;
        RecurrentActivation = recurrentActivation ?? Activations.Sigmoid;
        UnitForgetBias = unitForgetBias;
        _ones = [.. Enumerable.Repeat(1, rank)];
    }

    public int Rank { get; }

    public int Filters { get; }

    public int[] KernelSize { get; }

    public int[] Strides { get; }

    public string Padding { get; }

    public string DataFormat { get; }

    public int[] DilationRate { get; }

    public ActivationFunction RecurrentActivation { get; }

    public bool UnitForgetBias { get; }

    private bool ChannelsLast => DataFormat == "channels_last";

    /// <inheritdoc />
    internal override int DropoutMaskCount => 4;

    /// <inheritdoc />
    public override IReadOnlyList<Shape> StateShapes(Shape stepInputShape)
    {
        var spatial = ChannelsLast ? stepInputShape.Take(Rank) : stepInputShape.Skip(1).Take(Rank);
        var output = spatial.Select((size, i) => size is int n ? OutputSize(n, i) : (int?)null).ToArray();
        var state = ChannelsLast ? new Shape([.. output, Filters]) : new Shape([Filters, .. output]);
        return [state, state];
    }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => CellConfig(
        [
            new("filters", Filters), new("kernel_size", KernelSize), new("strides", Strides), new("padding", Padding),
            new("data_format", DataFormat), new("dilation_rate", DilationRate), new("activation", Activation.Name),
            new("recurrent_activation", RecurrentActivation.Name),
        ],
        [], [new("unit_forget_bias", UnitForgetBias)], []);

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape)
    {
        var step = inputShape.WithoutBatch();
        var spatial = ChannelsLast ? step.Take(Rank) : step.Skip(1);
        if (spatial.Any(d => d is null))
        {
            throw new ArgumentException(
                "ConvLSTM layers only support static input shapes for the spatial dimension. Received invalid " +
                $"input shape: input_shape={inputShape}");
        }
        int channels = (ChannelsLast ? step[-1] : step[0]) ?? throw new ArgumentException(
            "The channel dimension of the inputs (last axis) should be defined. Found None. Full input shape " +
            $"received: input_shape={inputShape}");
        AddCellWeights([.. KernelSize.Select(k => (int?)k), channels, 4 * Filters],
            [.. KernelSize.Select(k => (int?)k), Filters, 4 * Filters], [4 * Filters],
            UnitForgetBias ? new ForgetGateBias(BiasInitializer) : null);
    }

    /// <inheritdoc />
    internal override Tensor ProjectInputs(Tensor sequences, IReadOnlyList<Tensor>? masks)
    {
        // The recurrent kernel in libtorch layout, once per sequence for every step (the previous sequence's handle is
        // released; its autograd graph keeps what it needs).
        _recurrentWeight?.Dispose();
        _recurrentWeight = Ops.TorchKernel(RecurrentKernel!.Value);
        long batch = sequences.shape[0];
        long steps = sequences.shape[1];
        using var first = ChannelsLast ? sequences.movedim([-1], [2]) : sequences.alias();
        using var folded = first.reshape([batch * steps, .. first.shape[2..]]);
        using var weight = Ops.TorchKernel(Kernel!.Value);
        Tensor projected;
        if (masks is null)
        {
            projected = Convolve(folded, weight, Bias?.Value);
        }
        else
        {
            var parts = new List<Tensor>();
            for (int g = 0; g < 4; g++)
            {
                using var mask = StateToInternal(masks[g]).unsqueeze(1);
                using var dropped = (first * mask).reshape([batch * steps, .. first.shape[2..]]);
                using var gateWeight = weight.narrow(0, g * Filters, Filters);
                using var gateBias = Bias?.Value.narrow(0, g * Filters, Filters);
                parts.Add(Convolve(dropped, gateWeight, gateBias));
            }
            projected = Ops.Concatenate(parts, 1);
            parts.ForEach(p => p.Dispose());
        }
        using (projected)
        {
            return projected.reshape([batch, steps, .. projected.shape[1..]]);
        }
    }

    /// <inheritdoc />
    internal override Tensor[] Step(Tensor projected, IReadOnlyList<Tensor> states, IReadOnlyList<Tensor>? masks)
    {
        var weight = _recurrentWeight!;
        Tensor recurrent;
        if (masks is null)
        {
            recurrent = Ops.ConvChannelsFirst(states[0], weight, null, _ones, "same", _ones);
        }
        else
        {
            var parts = new List<Tensor>();
            for (int g = 0; g < 4; g++)
            {
                using var dropped = states[0] * masks[g];
                using var gateWeight = weight.narrow(0, g * Filters, Filters);
                parts.Add(Ops.ConvChannelsFirst(dropped, gateWeight, null, _ones, "same", _ones));
            }
            recurrent = Ops.Concatenate(parts, 1);
            parts.ForEach(p => p.Dispose());
        }
        var gates = (projected + recurrent).chunk(4, 1);
        var i = RecurrentActivation.Apply(gates[0]);
        var f = RecurrentActivation.Apply(gates[1]);
        var c = f * states[1] + i * Activation.Apply(gates[2]);
        var o = RecurrentActivation.Apply(gates[3]);
        var h = o * Activation.Apply(c);
        return [h, h, c];
    }

    /// <inheritdoc />
    internal override Tensor StateToInternal(Tensor state) => ChannelsLast ? state.movedim([-1], [1]) : state;

    /// <inheritdoc />
    internal override Tensor StateToKeras(Tensor state) => ChannelsLast ? state.movedim([1], [-1]) : state;

    /// <inheritdoc />
    internal override Tensor SequenceToKeras(Tensor outputs) => ChannelsLast ? outputs.movedim([2], [-1]) : outputs;

    private Tensor Convolve(Tensor x, Tensor weight, Tensor? bias) =>
        Ops.ConvChannelsFirst(x, weight, bias, Strides, Padding, DilationRate);

    private int OutputSize(int size, int axis)
    {
        int stride = Strides[axis];
        if (Padding == "same")
        {
            return (size + stride - 1) / stride;
        }
        int span = DilationRate[axis] * (KernelSize[axis] - 1) + 1;
        return size >= span
            ? (size - span) / stride + 1
            : throw new ArgumentException(
                $"Computed output size would be negative for layer \"{Name}\": the input's spatial size {size} on axis " +
                $"{axis} is smaller than the dilated kernel ({span}) with padding \"valid\".");
    }
}
