using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>The base of <see cref="ConvLSTM1D"/>, <see cref="ConvLSTM2D"/> and <see cref="ConvLSTM3D"/> (Keras'
/// <c>ConvLSTM</c>): an LSTM whose input and recurrent transformations are convolutions.</summary>
/// <remarks>
/// Inputs are <c>(batch, time, *spatial, channels)</c> (<c>channels_last</c>) or <c>(batch, time, channels,
/// *spatial)</c>. Weights in Keras order and layout, gates i, f, c, o side by side on the last axis:
/// <c>kernel (*kernel_size, channels, 4·filters)</c>, <c>recurrent_kernel (*kernel_size, filters, 4·filters)</c>,
/// <c>bias (4·filters)</c>. The input convolution of every timestep runs at once (timesteps folded into the batch); the
/// recurrent convolution (<c>"same"</c>, stride 1) runs step by step. States <c>[h, c]</c> have the output's shape.
/// </remarks>
/// <example><code>
/// var layer = new ConvLSTM2D(16, kernelSize: [3, 3], padding: "same", returnSequences: true);
/// Tensor y = layer.Call(frames);   // (batch, 10, 64, 64, 3) → (batch, 10, 64, 64, 16)
/// </code></example>
public abstract class ConvLSTM : RNN
{
    private protected ConvLSTM(int rank, int filters, int[] kernelSize, int[]? strides, string padding,
        string? dataFormat, int[]? dilationRate, ActivationFunction? activation,
        ActivationFunction? recurrentActivation, bool useBias, Initializer? kernelInitializer,
        Initializer? recurrentInitializer, Initializer? biasInitializer, bool unitForgetBias,
        Regularizer? kernelRegularizer, Regularizer? recurrentRegularizer, Regularizer? biasRegularizer,
        Regularizer? activityRegularizer, Constraint? kernelConstraint, Constraint? recurrentConstraint,
        Constraint? biasConstraint, double dropout, double recurrentDropout, bool returnSequences, bool returnState,
        bool goBackwards, bool stateful, string? name, bool trainable)
        : base(CreateCell(rank, filters, kernelSize, strides, padding, dataFormat, dilationRate, activation,
                recurrentActivation, useBias, kernelInitializer, recurrentInitializer, biasInitializer, unitForgetBias,
                kernelRegularizer, recurrentRegularizer, biasRegularizer, kernelConstraint, recurrentConstraint,
                biasConstraint, dropout, recurrentDropout, trainable),
            returnSequences, returnState, goBackwards, stateful, unroll: false, zeroOutputForMask: false, name,
            trainable)
    {
        ActivityRegularizer = activityRegularizer;
        InputSpec = new InputSpec(ndim: rank + 3);
    }

    private ConvLSTMCell ConvCell => (ConvLSTMCell)Cell;

    /// <summary>The number of output channels.</summary>
    public int Filters => ConvCell.Filters;

    /// <summary>The convolution window, one size per spatial axis.</summary>
    public IReadOnlyList<int> KernelSize => ConvCell.KernelSize;

    /// <summary>The strides of the input convolution.</summary>
    public IReadOnlyList<int> Strides => ConvCell.Strides;

    /// <summary>The padding of the input convolution: <c>"valid"</c> or <c>"same"</c>.</summary>
    public string Padding => ConvCell.Padding;

    /// <summary>The layout: <c>"channels_last"</c> or <c>"channels_first"</c>.</summary>
    public string DataFormat => ConvCell.DataFormat;

    /// <summary>The dilation rates of the input convolution.</summary>
    public IReadOnlyList<int> DilationRate => ConvCell.DilationRate;

    /// <summary>The gate activation.</summary>
    public ActivationFunction RecurrentActivation => ConvCell.RecurrentActivation;

    /// <summary>Whether the forget gate's bias starts at 1.</summary>
    public bool UnitForgetBias => ConvCell.UnitForgetBias;

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => FlattenedConfig();

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape)
    {
        base.BuildCore(inputShape);
        // Keras' ConvLSTMCell fixes every axis after the batch and time.
        var axes = new Dictionary<int, int>();
        for (int axis = 2; axis < inputShape.Rank; axis++)
        {
            if (inputShape[axis] is int size)
            {
                axes[axis] = size;
            }
        }
        InputSpec = new InputSpec(ndim: inputShape.Rank, axes: axes);
    }

    private static ConvLSTMCell CreateCell(int rank, int filters, int[] kernelSize, int[]? strides, string padding,
        string? dataFormat, int[]? dilationRate, ActivationFunction? activation,
        ActivationFunction? recurrentActivation, bool useBias, Initializer? kernelInitializer,
        Initializer? recurrentInitializer, Initializer? biasInitializer, bool unitForgetBias,
        Regularizer? kernelRegularizer, Regularizer? recurrentRegularizer, Regularizer? biasRegularizer,
        Constraint? kernelConstraint, Constraint? recurrentConstraint, Constraint? biasConstraint, double dropout,
        double recurrentDropout, bool trainable)
    {
        if (filters <= 0)
        {
            throw new ArgumentException(
                $"Invalid value for argument `filters`. Expected a strictly positive value. Received filters={filters}.",
                nameof(filters));
        }
        var kernel = Tuple(kernelSize, rank, nameof(kernelSize), "kernel_size");
        var stride = Tuple(strides ?? [1], rank, nameof(strides), "strides");
        var dilation = Tuple(dilationRate ?? [1], rank, nameof(dilationRate), "dilation_rate");
        if (stride.Max() > 1 && dilation.Max() > 1)
        {
            throw new ArgumentException(
                "Specifying `strides > 1` is not compatible with `dilation_rate > 1`. Please provide `strides=1` or " +
                $"`dilation_rate=1`. Received: strides=({string.Join(", ", stride)}) and " +
                $"dilation_rate=({string.Join(", ", dilation)})", nameof(strides));
        }
        string pad = (padding ?? "").ToLowerInvariant();
        if (pad is not ("valid" or "same"))
        {
            throw new ArgumentException(
                "The `padding` argument must be a list/tuple or one of \"valid\", \"same\" (or \"causal\", only for " +
                $"`Conv1D). Received: padding={padding}", nameof(padding));
        }
        string format = (dataFormat ?? "channels_last").ToLowerInvariant();
        if (format is not ("channels_last" or "channels_first"))
        {
            throw new ArgumentException(
                "The `data_format` argument must be one of {'channels_first', 'channels_last'}. Received: " +
                $"data_format={dataFormat}", nameof(dataFormat));
        }
        return new ConvLSTMCell(rank, filters, kernel, stride, pad, format, dilation, activation,
            recurrentActivation, useBias, kernelInitializer, recurrentInitializer, biasInitializer, unitForgetBias,
            kernelRegularizer, recurrentRegularizer, biasRegularizer, kernelConstraint, recurrentConstraint,
            biasConstraint, dropout, recurrentDropout, "conv_lstm_cell", trainable);
    }

    /// <summary>Keras' <c>standardize_tuple</c>: one value for every axis, or one per axis, all positive.</summary>
    private static int[] Tuple(int[] values, int rank, string parameter, string kerasName)
    {
        ArgumentNullException.ThrowIfNull(values, parameter);
        int[] tuple = values.Length == 1 ? Enumerable.Repeat(values[0], rank).ToArray() : values;
        if (tuple.Length != rank)
        {
            throw new ArgumentException(
                $"The `{kerasName}` argument must be a tuple of {rank} integers. Received {kerasName}=" +
                $"({string.Join(", ", values)})", parameter);
        }
        var invalid = tuple.Where(v => v <= 0).ToArray();
        if (invalid.Length > 0)
        {
            throw new ArgumentException(
                $"The `{kerasName}` argument must be a tuple of {rank} integers. Received {kerasName}=" +
                $"({string.Join(", ", values)}), including values {{{string.Join(", ", invalid.Distinct())}}} that " +
                "do not satisfy `value > 0`", parameter);
        }
        return tuple;
    }
}
