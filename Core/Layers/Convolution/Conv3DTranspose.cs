using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>3-D transposed convolution, upsampling volumes (<c>keras.layers.Conv3DTranspose</c>, alias
/// <c>Convolution3DTranspose</c>).</summary>
/// <remarks>Input <c>(batch, depth, height, width, channels)</c> (channels last) or with the channel axis first; output
/// <c>(batch, new_depth, new_height, new_width, filters)</c>. The kernel has Keras' layout <c>(kd, kh, kw, filters,
/// in)</c>; see <see cref="BaseConvTranspose"/> for the output lengths.</remarks>
/// <example><code>
/// var up = new Conv3DTranspose(4, 2, strides: 2);
/// Tensor y = up.Call(x);   // x: (batch, 4, 8, 8, 16) → y: (batch, 8, 16, 16, 4)
/// </code></example>
public sealed class Conv3DTranspose : BaseConvTranspose
{
    /// <summary>Creates the layer.</summary>
    /// <param name="filters">The number of output channels; positive.</param>
    /// <param name="kernelSize">The window size: an integer (the same on every axis) or 3 integers.</param>
    /// <param name="strides">The stride: an integer (the same on every axis) or 3 integers. Defaults to 1. Strides
    /// above 1 exclude dilation above 1.</param>
    /// <param name="padding"><c>"valid"</c> or <c>"same"</c>. Defaults to <c>"valid"</c>.</param>
    /// <param name="outputPadding">Extra output length: an integer (the same on every axis) or 3 integers. Each value
    /// is below its stride. Defaults to null (inferred).</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to
    /// <c>"channels_last"</c>.</param>
    /// <param name="dilationRate">The dilation: an integer (the same on every axis) or 3 integers. Defaults to
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
    /// <param name="name">The layer name. Defaults to <c>conv3d_transpose</c>, <c>conv3d_transpose_1</c>, ...</param>
    /// <param name="trainable">Whether the weights train. Defaults to true.</param>
    public Conv3DTranspose(int filters, IntTuple kernelSize, IntTuple? strides = null, string padding = "valid",
        IntTuple? outputPadding = null, string dataFormat = "channels_last", IntTuple? dilationRate = null,
        ActivationFunction? activation = null, bool useBias = true, Initializer? kernelInitializer = null,
        Initializer? biasInitializer = null, Regularizer? kernelRegularizer = null, Regularizer? biasRegularizer = null,
        Regularizer? activityRegularizer = null, Constraint? kernelConstraint = null, Constraint? biasConstraint = null,
        string? name = null, bool trainable = true)
        : base(3, filters, kernelSize, strides, padding, outputPadding, dataFormat, dilationRate, activation,
            useBias, kernelInitializer, biasInitializer, kernelRegularizer, biasRegularizer, activityRegularizer,
            kernelConstraint, biasConstraint, name, trainable)
    {
    }
}
