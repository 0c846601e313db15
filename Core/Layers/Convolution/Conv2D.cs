using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>2-D convolution over images (<c>keras.layers.Conv2D</c>, alias <c>Convolution2D</c>).</summary>
/// <remarks>Input <c>(batch, height, width, channels)</c> (channels last) or with the channel axis first; output
/// <c>(batch, new_height, new_width, filters)</c>. The kernel has Keras' layout <c>(kh, kw, in / groups,
/// filters)</c>.</remarks>
/// <example><code>
/// var conv = new Conv2D(32, 3, strides: 2, padding: "same", activation: "relu");
/// Tensor y = conv.Call(x);   // x: (batch, 28, 28, 1) → y: (batch, 14, 14, 32)
/// </code></example>
public sealed class Conv2D : BaseConv
{
    /// <summary>Creates the layer.</summary>
    /// <param name="filters">The number of output channels; positive and divisible by
    /// <paramref name="groups"/>.</param>
    /// <param name="kernelSize">The window size: an integer (the same on every axis) or 2 integers.</param>
    /// <param name="strides">The stride: an integer (the same on every axis) or 2 integers. Defaults to 1. Strides
    /// above 1 exclude dilation above 1.</param>
    /// <param name="padding"><c>"valid"</c> (no padding) or <c>"same"</c> (TensorFlow's: output length <c>ceil(in /
    /// stride)</c>, the odd padding pixel at the end). Defaults to <c>"valid"</c>.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to
    /// <c>"channels_last"</c>.</param>
    /// <param name="dilationRate">The dilation: an integer (the same on every axis) or 2 integers. Defaults to
    /// 1.</param>
    /// <param name="groups">The number of channel groups convolved separately; divides the input channels and
    /// <paramref name="filters"/>. Defaults to 1.</param>
    /// <param name="activation">The activation. Defaults to none (linear).</param>
    /// <param name="useBias">Whether to add a bias. Defaults to true.</param>
    /// <param name="kernelInitializer">Kernel initializer. Defaults to <c>glorot_uniform</c>.</param>
    /// <param name="biasInitializer">Bias initializer. Defaults to <c>zeros</c>.</param>
    /// <param name="kernelRegularizer">Kernel regularizer. Defaults to none.</param>
    /// <param name="biasRegularizer">Bias regularizer. Defaults to none.</param>
    /// <param name="activityRegularizer">Output regularizer. Defaults to none.</param>
    /// <param name="kernelConstraint">Kernel constraint. Defaults to none.</param>
    /// <param name="biasConstraint">Bias constraint. Defaults to none.</param>
    /// <param name="name">The layer name. Defaults to <c>conv2d</c>, <c>conv2d_1</c>, ...</param>
    /// <param name="trainable">Whether the weights train. Defaults to true.</param>
    public Conv2D(int filters, IntTuple kernelSize, IntTuple? strides = null, string padding = "valid",
        string dataFormat = "channels_last", IntTuple? dilationRate = null, int groups = 1,
        ActivationFunction? activation = null, bool useBias = true, Initializer? kernelInitializer = null,
        Initializer? biasInitializer = null, Regularizer? kernelRegularizer = null, Regularizer? biasRegularizer = null,
        Regularizer? activityRegularizer = null, Constraint? kernelConstraint = null, Constraint? biasConstraint = null,
        string? name = null, bool trainable = true)
        : base(2, filters, kernelSize, strides, padding, dataFormat, dilationRate, groups, activation, useBias,
            kernelInitializer, biasInitializer, kernelRegularizer, biasRegularizer, activityRegularizer,
            kernelConstraint, biasConstraint, name, trainable)
    {
    }
}
