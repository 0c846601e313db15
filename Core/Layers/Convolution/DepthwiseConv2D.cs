using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>2-D depthwise convolution: each channel of an image convolved on its own
/// (<c>keras.layers.DepthwiseConv2D</c>).</summary>
/// <remarks>Input <c>(batch, height, width, channels)</c> (channels last) or with the channel axis first; output
/// <c>(batch, new_height, new_width, channels·depth_multiplier)</c>. The kernel has Keras' layout <c>(kh, kw, in,
/// depth_multiplier)</c>.</remarks>
/// <example><code>
/// var depthwise = new DepthwiseConv2D(3, padding: "same", depthMultiplier: 2);
/// Tensor y = depthwise.Call(x);   // x: (batch, 32, 32, 8) → y: (batch, 32, 32, 16)
/// </code></example>
public sealed class DepthwiseConv2D : BaseDepthwiseConv
{
    /// <summary>Creates the layer.</summary>
    /// <param name="kernelSize">The window size: an integer (the same on every axis) or 2 integers.</param>
    /// <param name="strides">The stride: an integer (the same on every axis) or 2 integers. Defaults to 1. Strides
    /// above 1 exclude dilation above 1.</param>
    /// <param name="padding"><c>"valid"</c> (no padding) or <c>"same"</c> (TensorFlow's: output length <c>ceil(in /
    /// stride)</c>, the odd padding pixel at the end). Defaults to <c>"valid"</c>.</param>
    /// <param name="depthMultiplier">Output channels per input channel; positive. Defaults to 1.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to
    /// <c>"channels_last"</c>.</param>
    /// <param name="dilationRate">The dilation: an integer (the same on every axis) or 2 integers. Defaults to
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
    /// <param name="name">The layer name. Defaults to <c>depthwise_conv2d</c>, <c>depthwise_conv2d_1</c>, ...</param>
    /// <param name="trainable">Whether the weights train. Defaults to true.</param>
    public DepthwiseConv2D(IntTuple kernelSize, IntTuple? strides = null, string padding = "valid",
        int depthMultiplier = 1, string dataFormat = "channels_last", IntTuple? dilationRate = null,
        ActivationFunction? activation = null, bool useBias = true, Initializer? depthwiseInitializer = null,
        Initializer? biasInitializer = null, Regularizer? depthwiseRegularizer = null,
        Regularizer? biasRegularizer = null, Regularizer? activityRegularizer = null,
        Constraint? depthwiseConstraint = null, Constraint? biasConstraint = null, string? name = null,
        bool trainable = true)
        : base(2, depthMultiplier, kernelSize, strides, padding, dataFormat, dilationRate, activation, useBias,
            depthwiseInitializer, biasInitializer, depthwiseRegularizer, biasRegularizer, activityRegularizer,
            depthwiseConstraint, biasConstraint, name, trainable)
    {
    }
}
