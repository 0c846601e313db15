using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>The N-D convolution behind <see cref="Conv1D"/>, <see cref="Conv2D"/> and <see cref="Conv3D"/> (Keras'
/// <c>BaseConv</c>): <c>activation(conv(inputs, kernel) + bias)</c>.</summary>
/// <remarks>The kernel has Keras' layout <c>(k..., in / groups, filters)</c> whatever the data format; it is viewed in
/// libtorch's layout at call time. "same" padding is TensorFlow's (the odd pixel goes at the end).</remarks>
/// <example><code>
/// var conv = new Conv2D(32, 3, padding: "same", activation: "relu");
/// Tensor y = conv.Call(x);   // x: (batch, 28, 28, 1) → y: (batch, 28, 28, 32)
/// </code></example>
public abstract class BaseConv : Layer
{
    private readonly int[] _kernelSize;
    private readonly int[] _strides;
    private readonly int[] _dilationRate;

    private protected BaseConv(int rank, int filters, IntTuple kernelSize, IntTuple? strides, string padding,
        string dataFormat, IntTuple? dilationRate, int groups, ActivationFunction? activation, bool useBias,
        Initializer? kernelInitializer, Initializer? biasInitializer, Regularizer? kernelRegularizer,
        Regularizer? biasRegularizer, Regularizer? activityRegularizer, Constraint? kernelConstraint,
        Constraint? biasConstraint, string? name, bool trainable)
        : base(name, trainable)
    {
        ArgumentNullException.ThrowIfNull(kernelSize);
        Rank = rank;
        Filters = filters;
        Groups = groups;
        _kernelSize = kernelSize.Standardize(rank, "kernel_size");
        _strides = (strides ?? 1).Standardize(rank, "strides");
        _dilationRate = (dilationRate ?? 1).Standardize(rank, "dilation_rate");
        Padding = ConvUtils.StandardizePadding(padding, allowCausal: rank == 1);
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
        if (groups <= 0)
        {
            throw new ArgumentException(
                $"The number of groups must be a positive integer. Received: groups={groups}.", nameof(groups));
        }
        if (filters % groups != 0)
        {
            throw new ArgumentException(
                "The number of filters must be evenly divisible by the number of groups. " +
                $"Received: groups={groups}, filters={filters}.", nameof(groups));
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

    /// <summary><c>"valid"</c>, <c>"same"</c> or (1-D only) <c>"causal"</c>.</summary>
    public string Padding { get; }

    /// <summary><c>"channels_last"</c> or <c>"channels_first"</c>.</summary>
    public string DataFormat { get; }

    /// <summary>The dilation per spatial axis.</summary>
    public IReadOnlyList<int> DilationRate => _dilationRate.AsReadOnly();

    /// <summary>The number of channel groups convolved separately.</summary>
    public int Groups { get; }

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

    /// <summary>The kernel, shape <c>(k..., in / groups, filters)</c>; null before the layer is built.</summary>
    public Variable? Kernel { get; private set; }

    /// <summary>The bias, shape <c>(filters,)</c>; null before building or without bias.</summary>
    public Variable? Bias { get; private set; }

    private bool ChannelsLast => DataFormat == "channels_last";

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) =>
        ConvUtils.ConvOutputShape(inputShape, Rank, Filters, _kernelSize, _strides, _dilationRate, Padding,
            ChannelsLast, Name);

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["filters"] = Filters;
        config["kernel_size"] = KernelSize;
        config["strides"] = Strides;
        config["padding"] = Padding;
        config["data_format"] = DataFormat;
        config["dilation_rate"] = DilationRate;
        config["groups"] = Groups;
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
        if (inputChannels % Groups != 0)
        {
            throw new ArgumentException(
                "The number of input channels must be evenly divisible by the number of groups. " +
                $"Received groups={Groups}, but the input has {inputChannels} channels (full input shape is " +
                $"{inputShape}).");
        }
        ComputeOutputShape(inputShape);
        Kernel = AddWeight("kernel", ConvUtils.KernelShape(_kernelSize, inputChannels / Groups, Filters),
            KernelInitializer, regularizer: KernelRegularizer, constraint: KernelConstraint);
        if (UseBias)
        {
            Bias = AddWeight("bias", [Filters], BiasInitializer, regularizer: BiasRegularizer,
                constraint: BiasConstraint);
        }
        InputSpec = ConvUtils.BuiltInputSpec(Rank, ChannelsLast, inputChannels);
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        Activation.Apply(Ops.Conv(inputs, Kernel!.Value, _strides, Padding, _dilationRate, DataFormat, Bias?.Value));
}
