using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>The cell of <see cref="SimpleRNN"/>: <c>h_t = activation(x_t @ kernel + h_{t-1} @ recurrent_kernel +
/// bias)</c> (<c>keras.layers.SimpleRNNCell</c>).</summary>
/// <remarks>Weights in Keras order and layout: <c>kernel (input_dim, units)</c>, <c>recurrent_kernel (units, units)</c>,
/// <c>bias (units)</c>.</remarks>
/// <example><code>
/// var cell = new SimpleRNNCell(4);
/// IReadOnlyList&lt;Tensor&gt; next = cell.Call([x, h]);   // x: (batch, features), h: (batch, 4) → [output, new h]
/// var layer = new RNN(new SimpleRNNCell(4), returnSequences: true);
/// </code></example>
public sealed class SimpleRNNCell : RNNCell
{
    /// <summary>Creates the cell.</summary>
    /// <param name="units">The dimension of the output and state; must be positive.</param>
    /// <param name="activation">The activation. Defaults to <c>tanh</c>; pass <c>"linear"</c> for none.</param>
    /// <param name="useBias">Whether to add a bias. Defaults to true.</param>
    /// <param name="kernelInitializer">Initializer of the input kernel. Defaults to <c>glorot_uniform</c>.</param>
    /// <param name="recurrentInitializer">Initializer of the recurrent kernel. Defaults to <c>orthogonal</c>.</param>
    /// <param name="biasInitializer">Initializer of the bias. Defaults to <c>zeros</c>.</param>
    /// <param name="kernelRegularizer">Penalty on the input kernel. Defaults to none.</param>
    /// <param name="recurrentRegularizer">Penalty on the recurrent kernel. Defaults to none.</param>
    /// <param name="biasRegularizer">Penalty on the bias. Defaults to none.</param>
    /// <param name="kernelConstraint">Constraint on the input kernel. Defaults to none.</param>
    /// <param name="recurrentConstraint">Constraint on the recurrent kernel. Defaults to none.</param>
    /// <param name="biasConstraint">Constraint on the bias. Defaults to none.</param>
    /// <param name="dropout">Fraction of the inputs dropped while training, clipped to [0, 1]. Defaults to 0.</param>
    /// <param name="recurrentDropout">Fraction of the state dropped while training, clipped to [0, 1]. Defaults to
    /// 0.</param>
    /// <param name="name">The cell name. Defaults to <c>simple_rnn_cell</c>, ...</param>
    /// <param name="trainable">Whether the weights train. Defaults to true.</param>
    public SimpleRNNCell(int units, ActivationFunction? activation = null, bool useBias = true,
        Initializer? kernelInitializer = null, Initializer? recurrentInitializer = null,
        Initializer? biasInitializer = null, Regularizer? kernelRegularizer = null,
        Regularizer? recurrentRegularizer = null, Regularizer? biasRegularizer = null,
        Constraint? kernelConstraint = null, Constraint? recurrentConstraint = null, Constraint? biasConstraint = null,
        double dropout = 0.0, double recurrentDropout = 0.0, string? name = null, bool trainable = true)
        : base(activation, useBias, kernelInitializer, recurrentInitializer, biasInitializer, kernelRegularizer,
            recurrentRegularizer, biasRegularizer, kernelConstraint, recurrentConstraint, biasConstraint, dropout,
            recurrentDropout, name, trainable)
    {
        Units = PositiveUnits(units);
    }

    /// <summary>The dimension of the output and state.</summary>
    public int Units { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> StateShapes(Shape stepInputShape) => [new Shape(Units)];

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => CellConfig(
        [new("units", Units), new("activation", Activation.Name)], [], [], []);

    /// <inheritdoc />
    internal override bool AppliesDropout(double rate) => rate > 0;

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape)
    {
        int inputDim = inputShape[-1] ?? throw RecurrentErrors.UndefinedFeatures(Name, inputShape);
        AddCellWeights([inputDim, Units], [Units, Units], [Units]);
    }

    /// <inheritdoc />
    internal override Tensor ProjectInputs(Tensor sequences, IReadOnlyList<Tensor>? masks)
    {
        if (masks is null)
        {
            return Ops.Dense(sequences, Kernel!.Value, Bias?.Value);
        }
        using var dropped = sequences * masks[0].unsqueeze(1);
        return Ops.Dense(dropped, Kernel!.Value, Bias?.Value);
    }

    /// <inheritdoc />
    internal override Tensor[] Step(Tensor projected, IReadOnlyList<Tensor> states, IReadOnlyList<Tensor>? masks)
    {
        var previous = masks is null ? states[0] : states[0] * masks[0];
        var output = Activation.Apply(Ops.RecurrentAddmm(projected, previous, RecurrentKernel!.Value));
        return [output, output];
    }
}
