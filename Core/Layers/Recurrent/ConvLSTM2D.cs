using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>2D convolutional LSTM (<c>keras.layers.ConvLSTM2D</c>): inputs (batch, time, rows, cols, channels) with
/// <c>channels_last</c>.</summary>
/// <remarks>See <see cref="ConvLSTM"/> for the weights and the computation.</remarks>
/// <example><code>
/// var layer = new ConvLSTM2D(8, kernelSize: [3, 3], padding: "same");
/// Tensor y = layer.Call(x);   // (32, 10, 28, 28, 1) → (32, 28, 28, 8)
/// </code></example>
public sealed class ConvLSTM2D : ConvLSTM
{
    /// <summary>Creates the layer.</summary>
    /// <param name="filters">The number of output channels; must be positive.</param>
    /// <param name="kernelSize">The convolution window: one size for every axis or 2 sizes.</param>
    /// <param name="strides">The input convolution's strides: one for every axis or 2. Defaults to 1.</param>
    /// <param name="padding"><c>"valid"</c> or <c>"same"</c> (case-insensitive). Defaults to <c>"valid"</c>.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to <c>"channels_last"</c>.</param>
    /// <param name="dilationRate">The input convolution's dilation: one for every axis or 2. Defaults to 1.</param>
    /// <param name="activation">The cell and output activation. Defaults to <c>tanh</c>.</param>
    /// <param name="recurrentActivation">The gate activation. Defaults to <c>sigmoid</c>.</param>
    /// <param name="useBias">Whether to add a bias. Defaults to true.</param>
    /// <param name="kernelInitializer">Initializer of the input kernel. Defaults to <c>glorot_uniform</c>.</param>
    /// <param name="recurrentInitializer">Initializer of the recurrent kernel. Defaults to <c>orthogonal</c>.</param>
    /// <param name="biasInitializer">Initializer of the bias. Defaults to <c>zeros</c>.</param>
    /// <param name="unitForgetBias">Whether the forget gate's bias starts at 1. Defaults to true.</param>
    /// <param name="kernelRegularizer">Penalty on the input kernel. Defaults to none.</param>
    /// <param name="recurrentRegularizer">Penalty on the recurrent kernel. Defaults to none.</param>
    /// <param name="biasRegularizer">Penalty on the bias. Defaults to none.</param>
    /// <param name="activityRegularizer">Penalty on the output. Defaults to none.</param>
    /// <param name="kernelConstraint">Constraint on the input kernel. Defaults to none.</param>
    /// <param name="recurrentConstraint">Constraint on the recurrent kernel. Defaults to none.</param>
    /// <param name="biasConstraint">Constraint on the bias. Defaults to none.</param>
    /// <param name="dropout">Fraction of the inputs dropped while training. Defaults to 0.</param>
    /// <param name="recurrentDropout">Fraction of the state dropped while training. Defaults to 0.</param>
    /// <param name="returnSequences">Return every timestep's output. Defaults to false.</param>
    /// <param name="returnState">Also return the final states <c>h, c</c>. Defaults to false.</param>
    /// <param name="goBackwards">Process the sequence backwards. Defaults to false.</param>
    /// <param name="stateful">Carry the final states to the next call. Defaults to false.</param>
    /// <param name="name">The layer name. Defaults to <c>conv_lstm2d</c>, ...</param>
    /// <param name="trainable">Whether the weights train. Defaults to true.</param>
    public ConvLSTM2D(int filters, int[] kernelSize, int[]? strides = null, string padding = "valid",
        string? dataFormat = null, int[]? dilationRate = null, ActivationFunction? activation = null,
        ActivationFunction? recurrentActivation = null, bool useBias = true, Initializer? kernelInitializer = null,
        Initializer? recurrentInitializer = null, Initializer? biasInitializer = null, bool unitForgetBias = true,
        Regularizer? kernelRegularizer = null, Regularizer? recurrentRegularizer = null,
        Regularizer? biasRegularizer = null, Regularizer? activityRegularizer = null,
        Constraint? kernelConstraint = null, Constraint? recurrentConstraint = null, Constraint? biasConstraint = null,
        double dropout = 0.0, double recurrentDropout = 0.0, bool returnSequences = false, bool returnState = false,
        bool goBackwards = false, bool stateful = false, string? name = null, bool trainable = true)
        : base(2, filters, kernelSize, strides, padding, dataFormat, dilationRate, activation, recurrentActivation,
            useBias, kernelInitializer, recurrentInitializer, biasInitializer, unitForgetBias, kernelRegularizer,
            recurrentRegularizer, biasRegularizer, activityRegularizer, kernelConstraint, recurrentConstraint,
            biasConstraint, dropout, recurrentDropout, returnSequences, returnState, goBackwards, stateful, name,
            trainable)
    {
    }
}
