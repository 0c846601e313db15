using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>1-D depthwise convolution: each channel of a sequence convolved on its own
/// (<c>keras.layers.DepthwiseConv1D</c>).</summary>
/// <remarks>Input <c>(batch, steps, channels)</c> (channels last) or with the channel axis first; output <c>(batch,
/// new_steps, channels·depth_multiplier)</c>. The kernel has Keras' layout <c>(k, in, depth_multiplier)</c>.</remarks>
/// <example><code>
/// var depthwise = new DepthwiseConv1D(3, strides: 2, depthMultiplier: 3, activation: "relu");
/// Tensor y = depthwise.Call(x);   // x: (4, 10, 12) → y: (4, 4, 36)
/// </code></example>
public sealed class DepthwiseConv1D : BaseDepthwiseConv
{
    /// <summary>Creates the layer.</summary>
    /// <param name="kernelSize">The window size: an integer (the same on every axis) or 1 integer.</param>
    /// <param name="strides">The stride: an integer (the same on every axis) or 1 integer. Defaults to 1. Strides above
    /// 1 exclude dilation above 1.</param>
    /// <param name="padding"><c>"valid"</c> (no padding) or <c>"same"</c> (TensorFlow's: output length <c>ceil(in /
    /// stride)</c>, the odd padding pixel at the end). Defaults to <c>"valid"</c>.</param>
    /// <param name="depthMultiplier">Output channels per input channel; positive. Defaults to 1.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to
    /// <c>"channels_last"</c>.</param>
    /// <param name="dilationRate">The dilation: an integer (the same on every axis) or 1 integer. Defaults to
    /// 1.</param>
    /// <param name="activation">The activation. Defaults to none (linear).</param>
    /// <param name="useBias">Whether to add a bias. Defaults to true.</param>
    /// <param name="depthwiseInitializer">Kernel initializer. Defaults to <c>glorot_uniform</c>.</param>
    /// <param name="biasInitializer">Bias initializer. Defaults to <c>zeros</c>.</param>
    /// <param name="depthwiseRegularizer">Kernel regularizer. Defaults to none.</param>
    /// <param name="biasRegularizer">Bias regularizer. Defaults to none.</param>
    /// <param name="activityRegularizer">Output regularizer. Defaults to none.</param>
    /// <param name="depthwiseConstraint">Kernel constraint. Defaults to none.</param>
    /// <param name="biasConstraint">Bias constraint. Defaults to none.</param>
    /// <param name="name">The layer name. Defaults to <c>depthwise_conv1d</c>, <c>depthwise_conv1d_1</c>, ...</param>
    /// <param name="trainable">Whether the weights train. Defaults to true.</param>
    public DepthwiseConv1D(IntTuple kernelSize, IntTuple? strides = null, string padding = "valid",
        int depthMultiplier = 1, string dataFormat = "channels_last", IntTuple? dilationRate = null,
        ActivationFunction? activation = null, bool useBias = true, Initializer? depthwiseInitializer = null,
        Initializer? biasInitializer = null, Regularizer? depthwiseRegularizer = null,
        Regularizer? biasRegularizer = null, Regularizer? activityRegularizer = null,
        Constraint? depthwiseConstraint = null, Constraint? biasConstraint = null, string? name = null,
        bool trainable = true)
        : base(1, depthMultiplier, kernelSize, strides, padding, dataFormat, dilationRate, activation, useBias,
            depthwiseInitializer, biasInitializer, depthwiseRegularizer, biasRegularizer, activityRegularizer,
            depthwiseConstraint, biasConstraint, name, trainable)
    {
    }
}
