using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>The cell of <see cref="LSTM"/> (<c>keras.layers.LSTMCell</c>): input, forget, cell and output gates
/// <c>i, f, c, o</c>; <c>c_t = f·c_{t-1} + i·activation(z_c)</c>, <c>h_t = o·activation(c_t)</c>.</summary>
/// <remarks>Weights in Keras order and layout, the four gates side by side in the order i, f, c, o:
/// <c>kernel (input_dim, 4·units)</c>, <c>recurrent_kernel (units, 4·units)</c>, <c>bias (4·units)</c>. The states are
/// <c>[h, c]</c>.</remarks>
/// <example><code>
/// var lstm = new RNN(new LSTMCell(32));
/// IReadOnlyList&lt;Tensor&gt; next = new LSTMCell(8).Call([x, h, c]);   // [output, new h, new c]
/// </code></example>
public sealed class LSTMCell : RNNCell
{
    /// <summary>Creates the cell.</summary>
    /// <param name="units">The dimension of the output and states; must be positive.</param>
    /// <param name="activation">The cell and output activation. Defaults to <c>tanh</c>.</param>
    /// <param name="recurrentActivation">The gate activation. Defaults to <c>sigmoid</c>.</param>
    /// <param name="useBias">Whether to add a bias. Defaults to true.</param>
    /// <param name="kernelInitializer">Initializer of the input kernel. Defaults to <c>glorot_uniform</c>.</param>
    /// <param name="recurrentInitializer">Initializer of the recurrent kernel. Defaults to <c>orthogonal</c>.</param>
    /// <param name="biasInitializer">Initializer of the bias. Defaults to <c>zeros</c>.</param>
    /// <param name="unitForgetBias">Whether the forget gate's bias starts at 1 (the other gates use
    /// <paramref name="biasInitializer"/>). Defaults to true.</param>
    /// <param name="kernelRegularizer">Penalty on the input kernel. Defaults to none.</param>
    /// <param name="recurrentRegularizer">Penalty on the recurrent kernel. Defaults to none.</param>
    /// <param name="biasRegularizer">Penalty on the bias. Defaults to none.</param>
    /// <param name="kernelConstraint">Constraint on the input kernel. Defaults to none.</param>
    /// <param name="recurrentConstraint">Constraint on the recurrent kernel. Defaults to none.</param>
    /// <param name="biasConstraint">Constraint on the bias. Defaults to none.</param>
    /// <param name="dropout">Fraction of the inputs dropped while training, clipped to [0, 1]. Defaults to 0.</param>
    /// <param name="recurrentDropout">Fraction of the state dropped while training, clipped to [0, 1]. Defaults to
    /// 0.</param>
    /// <param name="name">The cell name. Defaults to <c>lstm_cell</c>, ...</param>
    /// <param name="trainable">Whether the weights train. Defaults to true.</param>
    public LSTMCell(int units, ActivationFunction? activation = null, ActivationFunction? recurrentActivation = null,
        bool useBias = true, Initializer? kernelInitializer = null, Initializer? recurrentInitializer = null,
        Initializer? biasInitializer = null, bool unitForgetBias = true, Regularizer? kernelRegularizer = null,
        Regularizer? recurrentRegularizer = null, Regularizer? biasRegularizer = null,
        Constraint? kernelConstraint = null, Constraint? recurrentConstraint = null, Constraint? biasConstraint = null,
        double dropout = 0.0, double recurrentDropout = 0.0, string? name = null, bool trainable = true)
        : base(activation, useBias, kernelInitializer, recurrentInitializer, biasInitializer, kernelRegularizer,
            recurrentRegularizer, biasRegularizer, kernelConstraint, recurrentConstraint, biasConstraint, dropout,
            recurrentDropout, name, trainable)
    {
        Units = PositiveUnits(units);
        RecurrentActivation = recurrentActivation ?? Activations.Sigmoid;
        UnitForgetBias = unitForgetBias;
    }

    /// <summary>The dimension of the output and states.</summary>
    public int Units { get; }

    /// <summary>The gate activation.</summary>
    public ActivationFunction RecurrentActivation { get; }

    /// <summary>Whether the forget gate's bias starts at 1.</summary>
    public bool UnitForgetBias { get; }

    /// <summary>Keras' <c>implementation</c> mode: 2 (default) draws one dropout mask for all gates, 1 one per gate;
    /// a non-zero recurrent dropout selects 1, as in Keras.</summary>
    internal int Implementation { get; set; } = 2;

    /// <inheritdoc />
    internal override int DropoutMaskCount => Implementation == 1 || RecurrentDropout != 0 ? 4 : 1;

    /// <inheritdoc />
    public override IReadOnlyList<Shape> StateShapes(Shape stepInputShape) => [new Shape(Units), new Shape(Units)];

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => CellConfig(
        [new("units", Units), new("activation", Activation.Name), new("recurrent_activation", RecurrentActivation.Name)],
        [new("unit_forget_bias", UnitForgetBias)], [], []);

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape)
    {
        int inputDim = inputShape[-1] ?? throw RecurrentErrors.UndefinedFeatures(Name, inputShape);
        AddCellWeights([inputDim, 4 * Units], [Units, 4 * Units], [4 * Units],
            UnitForgetBias ? new ForgetGateBias(BiasInitializer) : null);
    }

    /// <inheritdoc />
    internal override Tensor ProjectInputs(Tensor sequences, IReadOnlyList<Tensor>? masks) =>
        GatedProjection.Inputs(sequences, Kernel!.Value, Bias?.Value, masks);

    /// <inheritdoc />
    internal override Tensor[] Step(Tensor projected, IReadOnlyList<Tensor> states, IReadOnlyList<Tensor>? masks)
    {
        var z = GatedProjection.Recurrent(projected, states[0], RecurrentKernel!.Value, masks);
        var gates = z.chunk(4, 1);
        var i = RecurrentActivation.Apply(gates[0]);
        var f = RecurrentActivation.Apply(gates[1]);
        var c = f * states[1] + i * Activation.Apply(gates[2]);
        var o = RecurrentActivation.Apply(gates[3]);
        var h = o * Activation.Apply(c);
        return [h, h, c];
    }
}
