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
public abstract class BaseSeparableConv : BaseConvolution
{
    private protected BaseSeparableConv(int rank, int depthMultiplier, int filters, IntTuple kernelSize,
        IntTuple? strides, string padding, string dataFormat, IntTuple? dilationRate, ActivationFunction? activation,
        bool useBias, Initializer? depthwiseInitializer, Initializer? pointwiseInitializer,
        Initializer? biasInitializer, Regularizer? depthwiseRegularizer, Regularizer? pointwiseRegularizer,
        Regularizer? biasRegularizer, Regularizer? activityRegularizer, Constraint? depthwiseConstraint,
        Constraint? pointwiseConstraint, Constraint? biasConstraint, string? name, bool trainable)
        : base(rank, kernelSize, strides, padding, allowCausal: false, dataFormat, dilationRate, activation, useBias,
            biasInitializer, biasRegularizer, activityRegularizer, biasConstraint, name, trainable)
    {
        DepthMultiplier = depthMultiplier;
        Filters = filters;
        DepthwiseInitializer = depthwiseInitializer ?? new GlorotUniform();
        PointwiseInitializer = pointwiseInitializer ?? new GlorotUniform();
        DepthwiseRegularizer = depthwiseRegularizer;
        PointwiseRegularizer = pointwiseRegularizer;
        DepthwiseConstraint = depthwiseConstraint;
        PointwiseConstraint = pointwiseConstraint;
        ConvUtils.CheckDepthMultiplier(depthMultiplier);
        ConvUtils.CheckFilters(filters);
    }

    /// <summary>The number of depthwise output channels per input channel.</summary>
    public int DepthMultiplier { get; }

    /// <summary>The number of output channels.</summary>
    public int Filters { get; }

    /// <summary>The depthwise kernel initializer.</summary>
    public Initializer DepthwiseInitializer { get; }

    /// <summary>The pointwise kernel initializer.</summary>
    public Initializer PointwiseInitializer { get; }

    /// <summary>The depthwise kernel's regularizer, if any.</summary>
    public Regularizer? DepthwiseRegularizer { get; }

    /// <summary>The pointwise kernel's regularizer, if any.</summary>
    public Regularizer? PointwiseRegularizer { get; }

    /// <summary>The depthwise kernel's constraint, if any.</summary>
    public Constraint? DepthwiseConstraint { get; }

    /// <summary>The pointwise kernel's constraint, if any.</summary>
    public Constraint? PointwiseConstraint { get; }

    /// <summary>The depthwise kernel, shape <c>(k..., in, depth_multiplier)</c>; null before building.</summary>
    public Variable? DepthwiseKernel { get; private set; }

    /// <summary>The pointwise kernel, shape <c>(1..., in·depth_multiplier, filters)</c>; null before
    /// building.</summary>
    public Variable? PointwiseKernel { get; private set; }

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
        return WriteConvConfig(config, afterPadding: null, afterDilation: null,
            ("depthwise", DepthwiseInitializer, DepthwiseRegularizer, DepthwiseConstraint),
            ("pointwise", PointwiseInitializer, PointwiseRegularizer, PointwiseConstraint));
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
        AddBias(Filters);
        InputSpec = ConvUtils.BuiltInputSpec(Rank, ChannelsLast, inputChannels);
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        Activation.Apply(Ops.SeparableConv(inputs, DepthwiseKernel!.Value, PointwiseKernel!.Value, _strides, Padding,
            _dilationRate, DataFormat, Bias?.Value));
}
