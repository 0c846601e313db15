using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>1-D depthwise separable convolution: a depthwise convolution, then a pointwise (1-wide) one
/// (<c>keras.layers.SeparableConv1D</c>, alias <c>SeparableConvolution1D</c>).</summary>
/// <remarks>Input <c>(batch, steps, channels)</c> (channels last) or with the channel axis first; output <c>(batch,
/// new_steps, filters)</c>. See <see cref="BaseSeparableConv"/> for the weights.</remarks>
/// <example><code>
/// var separable = new SeparableConv1D(4, 3, strides: 2, depthMultiplier: 3, activation: "relu");
/// Tensor y = separable.Call(x);   // x: (4, 10, 12) → y: (4, 4, 4)
/// </code></example>
public sealed class SeparableConv1D : BaseSeparableConv
{
    /// <summary>Creates the layer.</summary>
    /// <param name="filters">The number of output channels; positive.</param>
    /// <param name="kernelSize">The depthwise window size: an integer (the same on every axis) or 1 integer.</param>
    /// <param name="strides">The depthwise stride: an integer (the same on every axis) or 1 integer. Defaults to 1.
    /// Strides above 1 exclude dilation above 1.</param>
    /// <param name="padding"><c>"valid"</c> (no padding) or <c>"same"</c> (TensorFlow's: output length <c>ceil(in /
    /// stride)</c>, the odd padding pixel at the end). Defaults to <c>"valid"</c>.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to
    /// <c>"channels_last"</c>.</param>
    /// <param name="dilationRate">The depthwise dilation: an integer (the same on every axis) or 1 integer. Defaults to
    /// 1.</param>
    /// <param name="depthMultiplier">Depthwise output channels per input channel; positive. Defaults to 1.</param>
    /// <param name="activation">The activation. Defaults to none (linear).</param>
    /// <param name="useBias">Whether to add a bias. Defaults to true.</param>
    /// <param name="depthwiseInitializer">Depthwise kernel initializer. Defaults to <c>glorot_uniform</c>.</param>
    /// <param name="pointwiseInitializer">Pointwise kernel initializer. Defaults to <c>glorot_uniform</c>.</param>
    /// <param name="biasInitializer">Bias initializer. Defaults to <c>zeros</c>.</param>
    /// <param name="depthwiseRegularizer">Depthwise kernel regularizer. Defaults to none.</param>
    /// <param name="pointwiseRegularizer">Pointwise kernel regularizer. Defaults to none.</param>
    /// <param name="biasRegularizer">Bias regularizer. Defaults to none.</param>
    /// <param name="activityRegularizer">Output regularizer. Defaults to none.</param>
    /// <param name="depthwiseConstraint">Depthwise kernel constraint. Defaults to none.</param>
    /// <param name="pointwiseConstraint">Pointwise kernel constraint. Defaults to none.</param>
    /// <param name="biasConstraint">Bias constraint. Defaults to none.</param>
    /// <param name="name">The layer name. Defaults to <c>separable_conv1d</c>, <c>separable_conv1d_1</c>, ...</param>
    /// <param name="trainable">Whether the weights train. Defaults to true.</param>
    public SeparableConv1D(int filters, IntTuple kernelSize, IntTuple? strides = null, string padding = "valid",
        string dataFormat = "channels_last", IntTuple? dilationRate = null, int depthMultiplier = 1,
        ActivationFunction? activation = null, bool useBias = true, Initializer? depthwiseInitializer = null,
        Initializer? pointwiseInitializer = null, Initializer? biasInitializer = null,
        Regularizer? depthwiseRegularizer = null, Regularizer? pointwiseRegularizer = null,
        Regularizer? biasRegularizer = null, Regularizer? activityRegularizer = null,
        Constraint? depthwiseConstraint = null, Constraint? pointwiseConstraint = null,
        Constraint? biasConstraint = null, string? name = null, bool trainable = true)
        : base(1, depthMultiplier, filters, kernelSize, strides, padding, dataFormat, dilationRate, activation,
            useBias, depthwiseInitializer, pointwiseInitializer, biasInitializer, depthwiseRegularizer,
            pointwiseRegularizer, biasRegularizer, activityRegularizer, depthwiseConstraint, pointwiseConstraint,
            biasConstraint, name, trainable)
    {
    }
}
