using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>1-D convolution over a sequence (<c>keras.layers.Conv1D</c>, alias <c>Convolution1D</c>).</summary>
/// <remarks>Input <c>(batch, steps, channels)</c> (channels last) or with the channel axis first; output <c>(batch,
/// new_steps, filters)</c>. The kernel has Keras' layout <c>(k, in / groups, filters)</c>.</remarks>
/// <example><code>
/// var conv = new Conv1D(16, 5, padding: "causal", dilationRate: 2, activation: "relu");
/// Tensor y = conv.Call(x);   // x: (batch, 100, 8) → y: (batch, 100, 16)
/// </code></example>
public sealed class Conv1D : BaseConv
{
    /// <summary>Creates the layer.</summary>
    /// <param name="filters">The number of output channels; positive and divisible by
    /// <paramref name="groups"/>.</param>
    /// <param name="kernelSize">The window size: an integer (the same on every axis) or 1 integer.</param>
    /// <param name="strides">The stride: an integer (the same on every axis) or 1 integer. Defaults to 1. Strides above
    /// 1 exclude dilation above 1.</param>
    /// <param name="padding"><c>"valid"</c> (no padding), <c>"same"</c> (TensorFlow's: output length <c>ceil(in /
    /// stride)</c>, the odd padding pixel at the end) or <c>"causal"</c> (<c>dilation·(k − 1)</c> zeros before, so step
    /// t sees no input after t). Defaults to <c>"valid"</c>.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to
    /// <c>"channels_last"</c>.</param>
    /// <param name="dilationRate">The dilation: an integer (the same on every axis) or 1 integer. Defaults to
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
    /// <param name="name">The layer name. Defaults to <c>conv1d</c>, <c>conv1d_1</c>, ...</param>
    /// <param name="trainable">Whether the weights train. Defaults to true.</param>
    public Conv1D(int filters, IntTuple kernelSize, IntTuple? strides = null, string padding = "valid",
        string dataFormat = "channels_last", IntTuple? dilationRate = null, int groups = 1,
        ActivationFunction? activation = null, bool useBias = true, Initializer? kernelInitializer = null,
        Initializer? biasInitializer = null, Regularizer? kernelRegularizer = null, Regularizer? biasRegularizer = null,
        Regularizer? activityRegularizer = null, Constraint? kernelConstraint = null, Constraint? biasConstraint = null,
        string? name = null, bool trainable = true)
        : base(1, filters, kernelSize, strides, padding, dataFormat, dilationRate, groups, activation, useBias,
            kernelInitializer, biasInitializer, kernelRegularizer, biasRegularizer, activityRegularizer,
            kernelConstraint, biasConstraint, name, trainable)
    {
    }
}
