using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>The options every convolution layer shares (<see cref="BaseConv"/>, <see cref="BaseConvTranspose"/>,
/// <see cref="BaseSeparableConv"/> and <see cref="BaseDepthwiseConv"/>): the window (kernel size, strides, padding,
/// dilation), the data format, the activation and the bias, with their validation and config keys.</summary>
public abstract class BaseConvolution : Layer
{
    private protected readonly int[] _kernelSize;
    private protected readonly int[] _strides;
    private protected readonly int[] _dilationRate;

    private protected BaseConvolution(int rank, IntTuple kernelSize, IntTuple? strides, string padding,
        bool allowCausal, string dataFormat, IntTuple? dilationRate, ActivationFunction? activation, bool useBias,
        Initializer? biasInitializer, Regularizer? biasRegularizer, Regularizer? activityRegularizer,
        Constraint? biasConstraint, string? name, bool trainable)
        : base(name, trainable)
    {
        ArgumentNullException.ThrowIfNull(kernelSize);
        Rank = rank;
        _kernelSize = kernelSize.Standardize(rank, "kernel_size");
        _strides = (strides ?? 1).Standardize(rank, "strides");
        _dilationRate = (dilationRate ?? 1).Standardize(rank, "dilation_rate");
        Padding = ConvUtils.StandardizePadding(padding, allowCausal);
        DataFormat = ConvUtils.StandardizeDataFormat(dataFormat);
        Activation = activation ?? Activations.Linear;
        UseBias = useBias;
        BiasInitializer = biasInitializer ?? new Zeros();
        BiasRegularizer = biasRegularizer;
        ActivityRegularizer = activityRegularizer;
        BiasConstraint = biasConstraint;
        ConvUtils.CheckStridesAndDilation(_strides, _dilationRate);
        InputSpec = new InputSpec(minNdim: rank + 2);
    }

    /// <summary>The number of spatial dimensions (1, 2 or 3).</summary>
    public int Rank { get; }

    /// <summary>The kernel's spatial size, one value per axis.</summary>
    public IReadOnlyList<int> KernelSize => _kernelSize.AsReadOnly();

    /// <summary>The stride per spatial axis.</summary>
    public IReadOnlyList<int> Strides => _strides.AsReadOnly();

    /// <summary><c>"valid"</c>, <c>"same"</c> or (1-D <see cref="Conv1D"/> only) <c>"causal"</c>.</summary>
    public string Padding { get; }

    /// <summary><c>"channels_last"</c> or <c>"channels_first"</c>.</summary>
    public string DataFormat { get; }

    /// <summary>The dilation per spatial axis.</summary>
    public IReadOnlyList<int> DilationRate => _dilationRate.AsReadOnly();

    /// <summary>The activation applied to the output.</summary>
    public ActivationFunction Activation { get; }

    /// <summary>Whether a bias is added.</summary>
    public bool UseBias { get; }

    /// <summary>The bias initializer.</summary>
    public Initializer BiasInitializer { get; }

    /// <summary>The bias' regularizer, if any.</summary>
    public Regularizer? BiasRegularizer { get; }

    /// <summary>The bias' constraint, if any.</summary>
    public Constraint? BiasConstraint { get; }

    /// <summary>The bias, one value per output channel; null before building or without bias.</summary>
    public Variable? Bias { get; private set; }

    private protected bool ChannelsLast => DataFormat == "channels_last";

    /// <summary>Adds the bias of <paramref name="units"/> values when <see cref="UseBias"/> is set.</summary>
    private protected void AddBias(int units)
    {
        if (UseBias)
        {
            Bias = AddWeight("bias", [units], BiasInitializer, regularizer: BiasRegularizer,
                constraint: BiasConstraint);
        }
    }

    /// <summary>Writes the shared keys into <paramref name="config"/> in Keras' order: the window (with
    /// <paramref name="afterPadding"/> after <c>padding</c> and <paramref name="afterDilation"/> after
    /// <c>dilation_rate</c>), the activation, then each kernel's and the bias' initializers, regularizers and
    /// constraints.</summary>
    private protected Dictionary<string, object?> WriteConvConfig(Dictionary<string, object?> config,
        (string Key, object? Value)? afterPadding, (string Key, object? Value)? afterDilation,
        params (string Prefix, Initializer Initializer, Regularizer? Regularizer, Constraint? Constraint)[] kernels)
    {
        config["kernel_size"] = KernelSize;
        config["strides"] = Strides;
        config["padding"] = Padding;
        if (afterPadding is var (paddingKey, paddingValue))
        {
            config[paddingKey] = paddingValue;
        }
        config["data_format"] = DataFormat;
        config["dilation_rate"] = DilationRate;
        if (afterDilation is var (dilationKey, dilationValue))
        {
            config[dilationKey] = dilationValue;
        }
        config["activation"] = Activation.Name;
        config["use_bias"] = UseBias;
        foreach (var kernel in kernels)
        {
            config[$"{kernel.Prefix}_initializer"] = kernel.Initializer;
        }
        config["bias_initializer"] = BiasInitializer;
        foreach (var kernel in kernels)
        {
            config[$"{kernel.Prefix}_regularizer"] = kernel.Regularizer;
        }
        config["bias_regularizer"] = BiasRegularizer;
        config["activity_regularizer"] = ActivityRegularizer;
        foreach (var kernel in kernels)
        {
            config[$"{kernel.Prefix}_constraint"] = kernel.Constraint;
        }
        config["bias_constraint"] = BiasConstraint;
        return config;
    }
}
