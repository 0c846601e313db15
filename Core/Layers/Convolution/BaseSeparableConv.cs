using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>The depthwise separable convolution behind <see cref="SeparableConv1D"/> and
/// <see cref="SeparableConv2D"/> (Keras' <c>BaseSeparableConv</c>): a depthwise convolution that acts on each channel
/// separately, then a pointwise convolution that mixes channels, plus a bias and the activation.</summary>
/// <remarks>Weights, in Keras' order and layouts: <c>depthwise_kernel</c> <c>(k..., in, depth_multiplier)</c>,
/// <c>pointwise_kernel</c> <c>(1..., in·depth_multiplier, filters)</c>, <c>bias</c> <c>(filters,)</c>. Strides,
/// padding and dilation apply to the depthwise step.</remarks>
/// <example><code>
/// var separable = new SeparableConv2D(64, 3, padding: "same", activation: "relu");
/// Tensor y = separable.Call(x);   // x: (batch, 32, 32, 16) → y: (batch, 32, 32, 64)
/// </code></example>
public abstract class BaseSeparableConv : Layer
{
    private readonly int[] _kernelSize;
    private readonly int[] _strides;
    private readonly int[] _dilationRate;

    private protected BaseSeparableConv(int rank, int depthMultiplier, int filters, IntTuple kernelSize,
        IntTuple? strides, string padding, string dataFormat, IntTuple? dilationRate, ActivationFunction? activation,
        bool useBias, Initializer? depthwiseInitializer, Initializer? pointwiseInitializer,
        Initializer? biasInitializer, Regularizer? depthwiseRegularizer, Regularizer? pointwiseRegularizer,
        Regularizer? biasRegularizer, Regularizer? activityRegularizer, Constraint? depthwiseConstraint,
        Constraint? pointwiseConstraint, Constraint? biasConstraint, string? name, bool trainable)
        : base(name, trainable)
    {
        ArgumentNullException.ThrowIfNull(kernelSize);
        Rank = rank;
        DepthMultiplier = depthMultiplier;
        Filters = filters;
        _kernelSize = kernelSize.Standardize(rank, "kernel_size");
        _strides = (strides ?? 1).Standardize(rank, "strides");
        _dilationRate = (dilationRate ?? 1).Standardize(rank, "dilation_rate");
        Padding = ConvUtils.StandardizePadding(padding, allowCausal: false);
        DataFormat = ConvUtils.StandardizeDataFormat(dataFormat);
        Activation = activation ?? Activations.Linear;
        UseBias = useBias;
        DepthwiseInitializer = depthwiseInitializer ?? new GlorotUniform();
        PointwiseInitializer = pointwiseInitializer ?? new GlorotUniform();
        BiasInitializer = biasInitializer ?? new Zeros();
        DepthwiseRegularizer = depthwiseRegularizer;
        PointwiseRegularizer = pointwiseRegularizer;
        BiasRegularizer = biasRegularizer;
        ActivityRegularizer = activityRegularizer;
        DepthwiseConstraint = depthwiseConstraint;
        PointwiseConstraint = pointwiseConstraint;
        BiasConstraint = biasConstraint;
        ConvUtils.CheckDepthMultiplier(depthMultiplier);
        ConvUtils.CheckFilters(filters);
        ConvUtils.CheckStridesAndDilation(_strides, _dilationRate);
        InputSpec = new InputSpec(minNdim: rank + 2);
    }

    /// <summary>The number of spatial dimensions (1 or 2).</summary>
    public int Rank { get; }

    /// <summary>The number of depthwise output channels per input channel.</summary>
    public int DepthMultiplier { get; }

    /// <summary>The number of output channels.</summary>
    public int Filters { get; }

    /// <summary>The depthwise kernel's spatial size, one value per axis.</summary>
    public IReadOnlyList<int> KernelSize => _kernelSize.AsReadOnly();

    /// <summary>The depthwise stride per spatial axis.</summary>
    public IReadOnlyList<int> Strides => _strides.AsReadOnly();

    /// <summary><c>"valid"</c> or <c>"same"</c>.</summary>
    public string Padding { get; }

    /// <summary><c>"channels_last"</c> or <c>"channels_first"</c>.</summary>
    public string DataFormat { get; }

    /// <summary>The depthwise dilation per spatial axis.</summary>
    public IReadOnlyList<int> DilationRate => _dilationRate.AsReadOnly();

    /// <summary>The activation applied to the output.</summary>
    public ActivationFunction Activation { get; }

    /// <summary>Whether a bias is added.</summary>
    public bool UseBias { get; }

    /// <summary>The depthwise kernel initializer.</summary>
    public Initializer DepthwiseInitializer { get; }

    /// <summary>The pointwise kernel initializer.</summary>
    public Initializer PointwiseInitializer { get; }

    /// <summary>The bias initializer.</summary>
    public Initializer BiasInitializer { get; }

    /// <summary>The depthwise kernel's regularizer, if any.</summary>
    public Regularizer? DepthwiseRegularizer { get; }

    /// <summary>The pointwise kernel's regularizer, if any.</summary>
    public Regularizer? PointwiseRegularizer { get; }

    /// <summary>The bias' regularizer, if any.</summary>
    public Regularizer? BiasRegularizer { get; }

    /// <summary>The depthwise kernel's constraint, if any.</summary>
    public Constraint? DepthwiseConstraint { get; }

    /// <summary>The pointwise kernel's constraint, if any.</summary>
    public Constraint? PointwiseConstraint { get; }

    /// <summary>The bias' constraint, if any.</summary>
    public Constraint? BiasConstraint { get; }

    /// <summary>The depthwise kernel, shape <c>(k..., in, depth_multiplier)</c>; null before building.</summary>
    public Variable? DepthwiseKernel { get; private set; }

    /// <summary>The pointwise kernel, shape <c>(1..., in·depth_multiplier, filters)</c>; null before
    /// building.</summary>
    public Variable? PointwiseKernel { get; private set; }

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
        config["depth_multiplier"] = DepthMultiplier;
        config["filters"] = Filters;
        config["kernel_size"] = KernelSize;
        config["strides"] = Strides;
        config["padding"] = Padding;
        config["data_format"] = DataFormat;
        config["dilation_rate"] = DilationRate;
        config["activation"] = Activation.Name;
        config["use_bias"] = UseBias;
        config["depthwise_initializer"] = DepthwiseInitializer;
        config["pointwise_initializer"] = PointwiseInitializer;
        config["bias_initializer"] = BiasInitializer;
        config["depthwise_regularizer"] = DepthwiseRegularizer;
        config["pointwise_regularizer"] = PointwiseRegularizer;
        config["bias_regularizer"] = BiasRegularizer;
        config["activity_regularizer"] = ActivityRegularizer;
        config["depthwise_constraint"] = DepthwiseConstraint;
        config["pointwise_constraint"] = PointwiseConstraint;
        config["bias_constraint"] = BiasConstraint;
        return config;
    }

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape)
    {
        int inputChannels = ConvUtils.InputChannels(inputShape, Rank, ChannelsLast, Name);
        ComputeOutputShape(inputShape);
        DepthwiseKernel = AddWeight("depthwise_kernel",
            ConvUtils.KernelShape(_kernelSize, inputChannels, DepthMultiplier), DepthwiseInitializer,
            regularizer: DepthwiseRegularizer, constraint: DepthwiseConstraint);
        PointwiseKernel = AddWeight("pointwise_kernel",
            ConvUtils.KernelShape(Enumerable.Repeat(1, Rank).ToArray(), inputChannels * DepthMultiplier, Filters),
            PointwiseInitializer, regularizer: PointwiseRegularizer, constraint: PointwiseConstraint);
        if (UseBias)
        {
            Bias = AddWeight("bias", [Filters], BiasInitializer, regularizer: BiasRegularizer,
                constraint: BiasConstraint);
        }
        InputSpec = ConvUtils.BuiltInputSpec(Rank, ChannelsLast, inputChannels);
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        Activation.Apply(Ops.SeparableConv(inputs, DepthwiseKernel!.Value, PointwiseKernel!.Value, _strides, Padding,
            _dilationRate, DataFormat, Bias?.Value));
}
