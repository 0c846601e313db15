using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>The N-D transposed convolution behind <see cref="Conv1DTranspose"/>, <see cref="Conv2DTranspose"/> and
/// <see cref="Conv3DTranspose"/> (Keras' <c>BaseConvTranspose</c>): <c>activation(conv_transpose(inputs, kernel) +
/// bias)</c>.</summary>
/// <remarks>The kernel has Keras' layout <c>(k..., filters, in)</c>. Output lengths follow Keras'
/// <c>compute_conv_transpose_output_shape</c>: with <c>e = (k − 1)·dilation + 1</c>, "valid" gives
/// <c>(in − 1)·stride + e + output_padding</c> (output_padding defaults to <c>max(e, stride) − e</c>) and "same" gives
/// <c>in·stride</c>, or <c>(in − 1)·stride + e mod 2 + output_padding</c> when output_padding is given.</remarks>
/// <example><code>
/// var up = new Conv2DTranspose(16, 3, strides: 2, padding: "same");
/// Tensor y = up.Call(x);   // x: (batch, 7, 7, 32) → y: (batch, 14, 14, 16)
/// </code></example>
public abstract class BaseConvTranspose : Layer
{
    private readonly int[] _kernelSize;
    private readonly int[] _strides;
    private readonly int[] _dilationRate;
    private readonly int[]? _outputPadding;

    private protected BaseConvTranspose(int rank, int filters, IntTuple kernelSize, IntTuple? strides, string padding,
        IntTuple? outputPadding, string dataFormat, IntTuple? dilationRate, ActivationFunction? activation,
        bool useBias, Initializer? kernelInitializer, Initializer? biasInitializer, Regularizer? kernelRegularizer,
        Regularizer? biasRegularizer, Regularizer? activityRegularizer, Constraint? kernelConstraint,
        Constraint? biasConstraint, string? name, bool trainable)
        : base(name, trainable)
    {
        ArgumentNullException.ThrowIfNull(kernelSize);
        Rank = rank;
        Filters = filters;
        _kernelSize = kernelSize.Standardize(rank, "kernel_size");
        _strides = (strides ?? 1).Standardize(rank, "strides");
        _dilationRate = (dilationRate ?? 1).Standardize(rank, "dilation_rate");
        _outputPadding = outputPadding?.Standardize(rank, "output_padding", allowZero: true);
        Padding = ConvUtils.StandardizePadding(padding, allowCausal: false);
        DataFormat = ConvUtils.StandardizeDataFormat(dataFormat);
        Activation = activation ?? Activations.Linear;
        UseBias = useBias;
        KernelInitializer = kernelInitializer ?? new GlorotUniform();
        BiasInitializer = biasInitializer ?? new Zeros();
        KernelRegularizer = kernelRegularizer;
        BiasRegularizer = biasRegularizer;
        ActivityRegularizer = activityRegularizer;
        KernelConstraint = kernelConstraint;
        BiasConstraint = biasConstraint;
        ConvUtils.CheckFilters(filters);
        if (_outputPadding is not null && _outputPadding.Where((p, i) => p >= _strides[i]).Any())
        {
            throw new ArgumentException(
                $"`output_padding` must be < `strides`. output_padding={IntTuple.FormatTuple(_outputPadding)}, " +
                $"strides={IntTuple.FormatTuple(_strides)}", nameof(outputPadding));
        }
        ConvUtils.CheckStridesAndDilation(_strides, _dilationRate);
        InputSpec = new InputSpec(minNdim: rank + 2);
    }

    /// <summary>The number of spatial dimensions (1, 2 or 3).</summary>
    public int Rank { get; }

    /// <summary>The number of output channels.</summary>
    public int Filters { get; }

    /// <summary>The kernel's spatial size, one value per axis.</summary>
    public IReadOnlyList<int> KernelSize => _kernelSize.AsReadOnly();

    /// <summary>The stride per spatial axis.</summary>
    public IReadOnlyList<int> Strides => _strides.AsReadOnly();

    /// <summary><c>"valid"</c> or <c>"same"</c>.</summary>
    public string Padding { get; }

    /// <summary>The extra output length per axis, or null when it is inferred.</summary>
    public IReadOnlyList<int>? OutputPadding => _outputPadding?.AsReadOnly();

    /// <summary><c>"channels_last"</c> or <c>"channels_first"</c>.</summary>
    public string DataFormat { get; }

    /// <summary>The dilation per spatial axis.</summary>
    public IReadOnlyList<int> DilationRate => _dilationRate.AsReadOnly();

    /// <summary>The activation applied to the output.</summary>
    public ActivationFunction Activation { get; }

    /// <summary>Whether a bias is added.</summary>
    public bool UseBias { get; }

    /// <summary>The kernel initializer.</summary>
    public Initializer KernelInitializer { get; }

    /// <summary>The bias initializer.</summary>
    public Initializer BiasInitializer { get; }

    /// <summary>The kernel's regularizer, if any.</summary>
    public Regularizer? KernelRegularizer { get; }

    /// <summary>The bias' regularizer, if any.</summary>
    public Regularizer? BiasRegularizer { get; }

    /// <summary>The kernel's constraint, if any.</summary>
    public Constraint? KernelConstraint { get; }

    /// <summary>The bias' constraint, if any.</summary>
    public Constraint? BiasConstraint { get; }

    /// <summary>The kernel, shape <c>(k..., filters, in)</c>; null before the layer is built.</summary>
    public Variable? Kernel { get; private set; }

    /// <summary>The bias, shape <c>(filters,)</c>; null before building or without bias.</summary>
    public Variable? Bias { get; private set; }

    private bool ChannelsLast => DataFormat == "channels_last";

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) =>
        ConvUtils.ConvTransposeOutputShape(inputShape, Filters, _kernelSize, _strides, _dilationRate, Padding,
            _outputPadding, ChannelsLast, Name);

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["filters"] = Filters;
        config["kernel_size"] = KernelSize;
        config["strides"] = Strides;
        config["padding"] = Padding;
        config["output_padding"] = OutputPadding;
        config["data_format"] = DataFormat;
        config["dilation_rate"] = DilationRate;
        config["activation"] = Activation.Name;
        config["use_bias"] = UseBias;
        config["kernel_initializer"] = KernelInitializer;
        config["bias_initializer"] = BiasInitializer;
        config["kernel_regularizer"] = KernelRegularizer;
        config["bias_regularizer"] = BiasRegularizer;
        config["activity_regularizer"] = ActivityRegularizer;
        config["kernel_constraint"] = KernelConstraint;
        config["bias_constraint"] = BiasConstraint;
        return config;
    }

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape)
    {
        int inputChannels = ConvUtils.InputChannels(inputShape, Rank, ChannelsLast, Name);
        Kernel = AddWeight("kernel", ConvUtils.KernelShape(_kernelSize, Filters, inputChannels), KernelInitializer,
            regularizer: KernelRegularizer, constraint: KernelConstraint);
        if (UseBias)
        {
            Bias = AddWeight("bias", [Filters], BiasInitializer, regularizer: BiasRegularizer,
                constraint: BiasConstraint);
        }
        InputSpec = ConvUtils.BuiltInputSpec(Rank, ChannelsLast, inputChannels);
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        Activation.Apply(Ops.ConvTranspose(inputs, Kernel!.Value, _strides, Padding, _outputPadding, _dilationRate,
            DataFormat, Bias?.Value));
}
