using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>Gated recurrent unit layer, Cho et al. 2014 (<c>keras.layers.GRU</c>): an <see cref="RNN"/> of one
/// <see cref="GRUCell"/>.</summary>
/// <remarks>The weights are the cell's, in Keras order and layout (gates z, r, h): <c>kernel (features, 3·units)</c>,
/// <c>recurrent_kernel (units, 3·units)</c>, <c>bias (2, 3·units)</c> with <c>resetAfter</c> (Keras 3's default) or
/// <c>(3·units)</c> without. With <c>returnState</c> the outputs are <c>[output, h]</c> (list path).</remarks>
/// <example><code>
/// var gru = new GRU(4);
/// Tensor y = gru.Call(x);                                       // x: (32, 10, 8) → y: (32, 4)
/// IReadOnlyList&lt;Tensor&gt; outputs = new GRU(4, returnState: true).Call([x, h0]);   // [output, h]
/// </code></example>
public sealed class GRU : RNN
{
    /// <summary>Creates the layer.</summary>
    /// <param name="units">The dimension of the output and state; must be positive.</param>
    /// <param name="activation">The candidate activation. Defaults to <c>tanh</c>.</param>
    /// <param name="recurrentActivation">The gate activation. Defaults to <c>sigmoid</c>.</param>
    /// <param name="useBias">Whether to add biases. Defaults to true.</param>
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
    /// <param name="resetAfter">Apply the reset gate after the recurrent product (Keras 3's default). Defaults to
    /// true.</param>
    /// <param name="name">The layer name. Defaults to <c>gru</c>, <c>gru_1</c>, ...</param>
    /// <param name="trainable">Whether the weights train. Defaults to true.</param>
    public GRU(int units, ActivationFunction? activation = null, ActivationFunction? recurrentActivation = null,
        bool useBias = true, Initializer? kernelInitializer = null, Initializer? recurrentInitializer = null,
        Initializer? biasInitializer = null, Regularizer? kernelRegularizer = null,
        Regularizer? recurrentRegularizer = null, Regularizer? biasRegularizer = null,
        Regularizer? activityRegularizer = null, Constraint? kernelConstraint = null,
        Constraint? recurrentConstraint = null, Constraint? biasConstraint = null, double dropout = 0.0,
        double recurrentDropout = 0.0, bool returnSequences = false, bool returnState = false,
        bool goBackwards = false, bool stateful = false, bool unroll = false, bool resetAfter = true,
        string? name = null, bool trainable = true)
        : base(new GRUCell(units, activation, recurrentActivation, useBias, kernelInitializer, recurrentInitializer,
                biasInitializer, kernelRegularizer, recurrentRegularizer, biasRegularizer, kernelConstraint,
                recurrentConstraint, biasConstraint, dropout, recurrentDropout, resetAfter, "gru_cell", trainable),
            returnSequences, returnState, goBackwards, stateful, unroll, zeroOutputForMask: false, name, trainable)
    {
        ActivityRegularizer = activityRegularizer;
        InputSpec = new InputSpec(ndim: 3);
    }

    /// <summary>The GRU cell holding the weights and options.</summary>
    public new GRUCell Cell => (GRUCell)base.Cell;

    /// <summary>The dimension of the output and state.</summary>
    public int Units => Cell.Units;

    /// <summary>Whether the reset gate is applied after the recurrent product.</summary>
    public bool ResetAfter => Cell.ResetAfter;

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => FlattenedConfig();
}
