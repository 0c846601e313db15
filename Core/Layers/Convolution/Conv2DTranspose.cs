using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>2-D transposed convolution, upsampling images (<c>keras.layers.Conv2DTranspose</c>, alias
/// <c>Convolution2DTranspose</c>).</summary>
/// <remarks>Input <c>(batch, height, width, channels)</c> (channels last) or with the channel axis first; output
/// <c>(batch, new_height, new_width, filters)</c>. The kernel has Keras' layout <c>(kh, kw, filters, in)</c>; see
/// <see cref="BaseConvTranspose"/> for the output lengths.</remarks>
/// <example><code>
/// var up = new Conv2DTranspose(16, 3, strides: 2, padding: "same", activation: "relu");
/// Tensor y = up.Call(x);   // x: (batch, 7, 7, 32) → y: (batch, 14, 14, 16)
/// </code></example>
public sealed class Conv2DTranspose : BaseConvTranspose
{
    /// <summary>Creates the layer.</summary>
    /// <param name="filters">The number of output channels; positive.</param>
    /// <param name="kernelSize">The window size: an integer (the same on every axis) or 2 integers.</param>
    /// <param name="strides">The stride: an integer (the same on every axis) or 2 integers. Defaults to 1. Strides
    /// above 1 exclude dilation above 1.</param>
    /// <param name="padding"><c>"valid"</c> or <c>"same"</c>. Defaults to <c>"valid"</c>.</param>
    /// <param name="outputPadding">Extra output length: an integer (the same on every axis) or 2 integers. Each value
    /// is below its stride. Defaults to null (inferred).</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to
    /// <c>"channels_last"</c>.</param>
    /// <param name="dilationRate">The dilation: an integer (the same on every axis) or 2 integers. Defaults to
    /// 1.</param>
    /// <param name="activation">The activation. Defaults to none (linear).</param>
    /// <param name="useBias">Whether to add a bias. Defaults to true.</param>
    /// <param name="kernelInitializer">Kernel initializer. Defaults to <c>glorot_uniform</c>.</param>
    /// <param name="biasInitializer">Bias initializer. Defaults to <c>zeros</c>.</param>
    /// <param name="kernelRegularizer">Kernel regularizer. Defaults to none.</param>
    /// <param name="biasRegularizer">Bias regularizer. Defaults to none.</param>
    /// <param name="activityRegularizer">Output regularizer. Defaults to none.</param>
    /// <param name="kernelConstraint">Kernel constraint. Defaults to none.</param>
    /// <param name="biasConstraint">Bias constraint. Defaults to none.</param>
    /// <param name="name">The layer name. Defaults to <c>conv2d_transpose</c>, <c>conv2d_transpose_1</c>, ...</param>
    /// <param name="trainable">Whether the weights train. Defaults to true.</param>
    public Conv2DTranspose(int filters, IntTuple kernelSize, IntTuple? strides = null, string padding = "valid",
        IntTuple? outputPadding = null, string dataFormat = "channels_last", IntTuple? dilationRate = null,
        ActivationFunction? activation = null, bool useBias = true, Initializer? kernelInitializer = null,
        Initializer? biasInitializer = null, Regularizer? kernelRegularizer = null, Regularizer? biasRegularizer = null,
        Regularizer? activityRegularizer = null, Constraint? kernelConstraint = null, Constraint? biasConstraint = null,
        string? name = null, bool trainable = true)
        : base(2, filters, kernelSize, strides, padding, outputPadding, dataFormat, dilationRate, activation,
            useBias, kernelInitializer, biasInitializer, kernelRegularizer, biasRegularizer, activityRegularizer,
            kernelConstraint, biasConstraint, name, trainable)
    {
    }
}
