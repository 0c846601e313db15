using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>Long short-term memory layer, Hochreiter 1997 (<c>keras.layers.LSTM</c>): an <see cref="RNN"/> of one
/// <see cref="LSTMCell"/>.</summary>
/// <remarks>The weights are the cell's, in Keras order and layout (gates i, f, c, o): <c>kernel (features, 4·units)</c>,
/// <c>recurrent_kernel (units, 4·units)</c>, <c>bias (4·units)</c>. With <c>returnState</c> the outputs are
/// <c>[output, h, c]</c> (list path); initial states are passed as <c>layer.Call([x, h0, c0])</c>.</remarks>
/// <example><code>
/// var lstm = new LSTM(4);
/// Tensor y = lstm.Call(x);                                          // x: (32, 10, 8) → y: (32, 4)
/// var full = new LSTM(4, returnSequences: true, returnState: true);
/// IReadOnlyList&lt;Tensor&gt; outputs = full.Call([x]);                  // [(32, 10, 4), h (32, 4), c (32, 4)]
/// </code></example>
public sealed class LSTM : RNN
{
    /// <summary>Creates the layer.</summary>
    /// <param name="units">The dimension of the output and states; must be positive.</param>
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
    /// <param name="unroll">Keras' unrolling hint. Defaults to false.</param>
    /// <param name="name">The layer name. Defaults to <c>lstm</c>, <c>lstm_1</c>, ...</param>
    /// <param name="trainable">Whether the weights train. Defaults to true.</param>
    public LSTM(int units, ActivationFunction? activation = null, ActivationFunction? recurrentActivation = null,
        bool useBias = true, Initializer? kernelInitializer = null, Initializer? recurrentInitializer = null,
        Initializer? biasInitializer = null, bool unitForgetBias = true, Regularizer? kernelRegularizer = null,
        Regularizer? recurrentRegularizer = null, Regularizer? biasRegularizer = null,
        Regularizer? activityRegularizer = null, Constraint? kernelConstraint = null,
        Constraint? recurrentConstraint = null, Constraint? biasConstraint = null, double dropout = 0.0,
        double recurrentDropout = 0.0, bool returnSequences = false, bool returnState = false,
        bool goBackwards = false, bool stateful = false, bool unroll = false, string? name = null,
        bool trainable = true)
        : base(new LSTMCell(units, activation, recurrentActivation, useBias, kernelInitializer, recurrentInitializer,
                biasInitializer, unitForgetBias, kernelRegularizer, recurrentRegularizer, biasRegularizer,
                kernelConstraint, recurrentConstraint, biasConstraint, dropout, recurrentDropout, "lstm_cell",
                trainable),
            returnSequences, returnState, goBackwards, stateful, unroll, zeroOutputForMask: false, name, trainable)
    {
        ActivityRegularizer = activityRegularizer;
        InputSpec = new InputSpec(ndim: 3);
    }

    /// <summary>The LSTM cell holding the weights and options.</summary>
    public new LSTMCell Cell => (LSTMCell)base.Cell;

    /// <summary>The dimension of the output and states.</summary>
    public int Units => Cell.Units;

    /// <summary>Whether the forget gate's bias starts at 1.</summary>
    public bool UnitForgetBias => Cell.UnitForgetBias;

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        // The layer writes unit_forget_bias after the initializers (the cell writes it after use_bias).
        var config = new Dictionary<string, object?>();
        foreach (var (key, value) in FlattenedConfig())
        {
            if (key != "unit_forget_bias")
            {
                config[key] = value;
            }
            if (key == "bias_initializer")
            {
                config["unit_forget_bias"] = UnitForgetBias;
            }
        }
        return config;
    }
}
