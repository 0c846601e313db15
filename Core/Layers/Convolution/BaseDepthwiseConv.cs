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
public abstract class BaseDepthwiseConv : BaseConvolution
{
    private protected BaseDepthwiseConv(int rank, int depthMultiplier, IntTuple kernelSize, IntTuple? strides,
        string padding, string dataFormat, IntTuple? dilationRate, ActivationFunction? activation, bool useBias,
        Initializer? depthwiseInitializer, Initializer? biasInitializer, Regularizer? depthwiseRegularizer,
        Regularizer? biasRegularizer, Regularizer? activityRegularizer, Constraint? depthwiseConstraint,
        Constraint? biasConstraint, string? name, bool trainable)
        : base(rank, kernelSize, strides, padding, allowCausal: false, dataFormat, dilationRate, activation, useBias,
            biasInitializer, biasRegularizer, activityRegularizer, biasConstraint, name, trainable)
    {
        DepthMultiplier = depthMultiplier;
        DepthwiseInitializer = depthwiseInitializer ?? new GlorotUniform();
        DepthwiseRegularizer = depthwiseRegularizer;
        DepthwiseConstraint = depthwiseConstraint;
        ConvUtils.CheckDepthMultiplier(depthMultiplier);
    }

    /// <summary>The number of output channels per input channel.</summary>
    public int DepthMultiplier { get; }

    /// <summary>The depthwise kernel initializer.</summary>
    public Initializer DepthwiseInitializer { get; }

    /// <summary>The depthwise kernel's regularizer, if any.</summary>
    public Regularizer? DepthwiseRegularizer { get; }

    /// <summary>The depthwise kernel's constraint, if any.</summary>
    public Constraint? DepthwiseConstraint { get; }

    /// <summary>The depthwise kernel, shape <c>(k..., in, depth_multiplier)</c>; null before the layer is
    /// built.</summary>
    public Variable? Kernel { get; private set; }

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
        return WriteConvConfig(config, afterPadding: null, afterDilation: null,
            ("depthwise", DepthwiseInitializer, DepthwiseRegularizer, DepthwiseConstraint));
    }

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape)
    {
        int inputChannels = ConvUtils.InputChannels(inputShape, Rank, ChannelsLast, Name);
        ComputeOutputShape(inputShape);
        Kernel = AddWeight("kernel", ConvUtils.KernelShape(_kernelSize, inputChannels, DepthMultiplier),
            DepthwiseInitializer, regularizer: DepthwiseRegularizer, constraint: DepthwiseConstraint);
        AddBias(inputChannels * DepthMultiplier);
        InputSpec = ConvUtils.BuiltInputSpec(Rank, ChannelsLast, inputChannels);
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        Activation.Apply(Ops.DepthwiseConv(inputs, Kernel!.Value, _strides, Padding, _dilationRate, DataFormat,
            Bias?.Value));
}
