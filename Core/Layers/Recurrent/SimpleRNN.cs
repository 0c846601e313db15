using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>Fully-connected RNN whose output is fed back as its state (<c>keras.layers.SimpleRNN</c>): an
/// <see cref="RNN"/> of one <see cref="SimpleRNNCell"/>.</summary>
/// <remarks>The weights are the cell's, in Keras order and layout: <c>kernel (features, units)</c>,
/// <c>recurrent_kernel (units, units)</c>, <c>bias (units)</c>.</remarks>
/// <example><code>
/// var rnn = new SimpleRNN(4);
/// Tensor y = rnn.Call(x);   // x: (32, 10, 8) → y: (32, 4)
/// </code></example>
public sealed class SimpleRNN : RNN
{
    /// <summary>Creates the layer.</summary>
    /// <param name="units">The dimension of the output and state; must be positive.</param>
    /// <param name="activation">The activation. Defaults to <c>tanh</c>.</param>
    /// <param name="useBias">Whether to add a bias. Defaults to true.</param>
    /// <param name="kernelInitializer">Initializer of the input kernel. Defaults to <c>glorot_uniform</c>.</param>
    /// <param name="recurrentInitializer">Initializer of the recurrent kernel. Defaults to <c>orthogonal</c>.</param>
    /// <param name="biasInitializer">Initializer of the bias. Defaults to <c>zeros</c>.</param>
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
    /// <param name="returnState">Also return the final state. Defaults to false.</param>
    /// <param name="goBackwards">Process the sequence backwards. Defaults to false.</param>
    /// <param name="stateful">Carry the final state to the next call. Defaults to false.</param>
    /// <param name="unroll">Keras' unrolling hint. Defaults to false.</param>
    /// <param name="name">The layer name. Defaults to <c>simple_rnn</c>, <c>simple_rnn_1</c>, ...</param>
    /// <param name="trainable">Whether the weights train. Defaults to true.</param>
    public SimpleRNN(int units, ActivationFunction? activation = null, bool useBias = true,
        Initializer? kernelInitializer = null, Initializer? recurrentInitializer = null,
        Initializer? biasInitializer = null, Regularizer? kernelRegularizer = null,
        Regularizer? recurrentRegularizer = null, Regularizer? biasRegularizer = null,
        Regularizer? activityRegularizer = null, Constraint? kernelConstraint = null,
        Constraint? recurrentConstraint = null, Constraint? biasConstraint = null, double dropout = 0.0,
        double recurrentDropout = 0.0, bool returnSequences = false, bool returnState = false,
        bool goBackwards = false, bool stateful = false, bool unroll = false, string? name = null,
        bool trainable = true)
        : base(new SimpleRNNCell(units, activation, useBias, kernelInitializer, recurrentInitializer, biasInitializer,
                kernelRegularizer, recurrentRegularizer, biasRegularizer, kernelConstraint, recurrentConstraint,
                biasConstraint, dropout, recurrentDropout, "simple_rnn_cell", trainable),
            returnSequences, returnState, goBackwards, stateful, unroll, zeroOutputForMask: false, name, trainable)
    {
        ActivityRegularizer = activityRegularizer;
        InputSpec = new InputSpec(ndim: 3);
    }

    /// <summary>The cell holding the weights and options.</summary>
    public new SimpleRNNCell Cell => (SimpleRNNCell)base.Cell;

    /// <summary>The dimension of the output and state.</summary>
    public int Units => Cell.Units;

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        // Keras 3's SimpleRNN writes no seed.
        var config = FlattenedConfig();
        config.Remove("seed");
        return config;
    }
}
