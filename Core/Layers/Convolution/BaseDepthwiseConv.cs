using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>The N-D depthwise convolution behind <see cref="DepthwiseConv1D"/> and <see cref="DepthwiseConv2D"/>
/// (Keras' <c>BaseDepthwiseConv</c>): each input channel is convolved on its own with
/// <see cref="DepthMultiplier"/> kernels, <c>activation(depthwise_conv(inputs, kernel) + bias)</c>.</summary>
/// <remarks>The kernel has Keras' layout <c>(k..., in, depth_multiplier)</c> and is named <c>kernel</c> (Keras 2 named
/// it <c>depthwise_kernel</c>); output channel <c>c·depth_multiplier + m</c> comes from input channel <c>c</c> and
/// <c>kernel[..., c, m]</c>.</remarks>
/// <example><code>
/// var depthwise = new DepthwiseConv2D(3, padding: "same", depthMultiplier: 2);
/// Tensor y = depthwise.Call(x);   // x: (batch, 32, 32, 8) → y: (batch, 32, 32, 16)
/// </code></example>
public abstract class BaseDepthwiseConv : Layer
{
    private readonly int[] _kernelSize;
    private readonly int[] _strides;
    private readonly int[] _dilationRate;

    private protected BaseDepthwiseConv(int rank, int depthMultiplier, IntTuple kernelSize, IntTuple? strides,
        string padding, string dataFormat, IntTuple? dilationRate, ActivationFunction? activation, bool useBias,
        Initializer? depthwiseInitializer, Initializer? biasInitializer, Regularizer? depthwiseRegularizer,
        Regularizer? biasRegularizer, Regularizer? activityRegularizer, Constraint? depthwiseConstraint,
        Constraint? biasConstraint, string? name, bool trainable)
        : base(name, trainable)
    {
        ArgumentNullException.ThrowIfNull(kernelSize);
        Rank = rank;
        DepthMultiplier = depthMultiplier;
        _kernelSize = kernelSize.Standardize(rank, "kernel_size");
        _strides = (strides ?? 1).Standardize(rank, "strides");
        _dilationRate = (dilationRate ?? 1).Standardize(rank, "dilation_rate");
        Padding = ConvUtils.StandardizePadding(padding, allowCausal: false);
        DataFormat = ConvUtils.StandardizeDataFormat(dataFormat);
        Activation = activation ?? Activations.Linear;
        UseBias = useBias;
        DepthwiseInitializer = depthwiseInitializer ?? new GlorotUniform();
        BiasInitializer = biasInitializer ?? new Zeros();
        DepthwiseRegularizer = depthwiseRegularizer;
        BiasRegularizer = biasRegularizer;
        ActivityRegularizer = activityRegularizer;
        DepthwiseConstraint = depthwiseConstraint;
        BiasConstraint = biasConstraint;
        ConvUtils.CheckDepthMultiplier(depthMultiplier);
        ConvUtils.CheckStridesAndDilation(_strides, _dilationRate);
        InputSpec = new InputSpec(minNdim: rank + 2);
    }

    /// <summary>The number of spatial dimensions (1 or 2).</summary>
    public int Rank { get; }

    /// <summary>The number of output channels per input channel.</summary>
    public int DepthMultiplier { get; }

    /// <summary>The kernel's spatial size, one value per axis.</summary>
    public IReadOnlyList<int> KernelSize => _kernelSize.AsReadOnly();

    /// <summary>The stride per spatial axis.</summary>
    public IReadOnlyList<int> Strides => _strides.AsReadOnly();

    /// <summary><c>"valid"</c> or <c>"same"</c>.</summary>
    public string Padding { get; }

    /// <summary><c>"channels_last"</c> or <c>"channels_first"</c>.</summary>
    public string DataFormat { get; }

    /// <summary>The dilation per spatial axis.</summary>
    public IReadOnlyList<int> DilationRate => _dilationRate.AsReadOnly();

    /// <summary>The activation applied to the output.</summary>
    public ActivationFunction Activation { get; }

    /// <summary>Whether a bias is added.</summary>
    public bool UseBias { get; }

    /// <summary>The depthwise kernel initializer.</summary>
    public Initializer DepthwiseInitializer { get; }

    /// <summary>The bias initializer.</summary>
    public Initializer BiasInitializer { get; }

    /// <summary>The depthwise kernel's regularizer, if any.</summary>
    public Regularizer? DepthwiseRegularizer { get; }

    /// <summary>The bias' regularizer, if any.</summary>
    public Regularizer? BiasRegularizer { get; }

    /// <summary>The depthwise kernel's constraint, if any.</summary>
    public Constraint? DepthwiseConstraint { get; }

    /// <summary>The bias' constraint, if any.</summary>
    public Constraint? BiasConstraint { get; }

    /// <summary>The depthwise kernel, shape <c>(k..., in, depth_multiplier)</c>; null before the layer is
    /// built.</summary>
    public Variable? Kernel { get; private set; }

    /// <summary>The bias, shape <c>(in·depth_multiplier,)</c>; null before building or without bias.</summary>
    public Variable? Bias { get; private set; }

    private bool ChannelsLast => DataFormat == "channels_last";

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape)
    {
        int? inputChannels = inputShape.Rank == Rank + 2
            ? inputShape[ConvUtils.ChannelAxis(ChannelsLast, Rank + 2)]
            : null;
        var shape = ConvUtils.ConvOutputShape(inputShape, Rank, 1, _kernelSize, _strides, _dilationRate, Padding,
            ChannelsLast, Name);
        return shape.With(ConvUtils.ChannelAxis(ChannelsLast, Rank + 2), inputChannels * DepthMultiplier);
    }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["depth_multiplier"] = DepthMultiplier;
        config["kernel_size"] = KernelSize;
        config["strides"] = Strides;
        config["padding"] = Padding;
        config["data_format"] = DataFormat;
        config["dilation_rate"] = DilationRate;
        config["activation"] = Activation.Name;
        config["use_bias"] = UseBias;
        config["depthwise_initializer"] = DepthwiseInitializer;
        config["bias_initializer"] = BiasInitializer;
        config["depthwise_regularizer"] = DepthwiseRegularizer;
        config["bias_regularizer"] = BiasRegularizer;
        config["activity_regularizer"] = ActivityRegularizer;
        config["depthwise_constraint"] = DepthwiseConstraint;
        config["bias_constraint"] = BiasConstraint;
        return config;
    }

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape)
    {
        int inputChannels = ConvUtils.InputChannels(inputShape, Rank, ChannelsLast, Name);
        ComputeOutputShape(inputShape);
        Kernel = AddWeight("kernel", ConvUtils.KernelShape(_kernelSize, inputChannels, DepthMultiplier),
            DepthwiseInitializer, regularizer: DepthwiseRegularizer, constraint: DepthwiseConstraint);
        if (UseBias)
        {
            Bias = AddWeight("bias", [inputChannels * DepthMultiplier], BiasInitializer, regularizer: BiasRegularizer,
                constraint: BiasConstraint);
        }
        InputSpec = ConvUtils.BuiltInputSpec(Rank, ChannelsLast, inputChannels);
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        Activation.Apply(Ops.DepthwiseConv(inputs, Kernel!.Value, _strides, Padding, _dilationRate, DataFormat,
            Bias?.Value));
}
