using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>The cell of <see cref="GRU"/> (<c>keras.layers.GRUCell</c>): update and reset gates <c>z, r</c> and
/// candidate <c>h̃</c>; <c>h_t = z·h_{t-1} + (1 − z)·h̃</c>.</summary>
/// <remarks>
/// Weights in Keras order and layout, gates side by side in the order z, r, h: <c>kernel (input_dim, 3·units)</c>,
/// <c>recurrent_kernel (units, 3·units)</c> and <c>bias</c>: <c>(2, 3·units)</c> (input and recurrent biases) with
/// <c>resetAfter</c> (the Keras 3 and cuDNN convention, the reset gate applied after the recurrent product), else
/// <c>(3·units)</c> (the reset gate applied to the state before the product).
/// </remarks>
/// <example><code>
/// var gru = new RNN(new GRUCell(16, resetAfter: false));
/// </code></example>
public sealed class GRUCell : RNNCell
{
    /// <summary>Creates the cell.</summary>
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
    /// <param name="kernelConstraint">Constraint on the input kernel. Defaults to none.</param>
    /// <param name="recurrentConstraint">Constraint on the recurrent kernel. Defaults to none.</param>
    /// <param name="biasConstraint">Constraint on the bias. Defaults to none.</param>
    /// <param name="dropout">Fraction of the inputs dropped while training, clipped to [0, 1]. Defaults to 0.</param>
    /// <param name="recurrentDropout">Fraction of the state dropped while training, clipped to [0, 1]. Defaults to
    /// 0.</param>
    /// <param name="resetAfter">Whether the reset gate multiplies the recurrent product (true, Keras 3's default) or
    /// the state before it. Defaults to true.</param>
    /// <param name="name">The cell name. Defaults to <c>gru_cell</c>, ...</param>
    /// <param name="trainable">Whether the weights train. Defaults to true.</param>
    public GRUCell(int units, ActivationFunction? activation = null, ActivationFunction? recurrentActivation = null,
        bool useBias = true, Initializer? kernelInitializer = null, Initializer? recurrentInitializer = null,
        Initializer? biasInitializer = null, Regularizer? kernelRegularizer = null,
        Regularizer? recurrentRegularizer = null, Regularizer? biasRegularizer = null,
        Constraint? kernelConstraint = null, Constraint? recurrentConstraint = null, Constraint? biasConstraint = null,
        double dropout = 0.0, double recurrentDropout = 0.0, bool resetAfter = true, string? name = null,
        bool trainable = true)
        : base(activation, useBias, kernelInitializer, recurrentInitializer, biasInitializer, kernelRegularizer,
            recurrentRegularizer, biasRegularizer, kernelConstraint, recurrentConstraint, biasConstraint, dropout,
            recurrentDropout, name, trainable)
    {
        Units = PositiveUnits(units);
        RecurrentActivation = recurrentActivation ?? Activations.Sigmoid;
        ResetAfter = resetAfter;
    }

    /// <summary>The dimension of the output and state.</summary>
    public int Units { get; }

    /// <summary>The gate activation.</summary>
    public ActivationFunction RecurrentActivation { get; }

    /// <summary>Whether the reset gate is applied after the recurrent product.</summary>
    public bool ResetAfter { get; }

    /// <summary>Keras' <c>implementation</c> mode: 2 (default) draws one dropout mask for all gates, 1 one per gate;
    /// a non-zero recurrent dropout selects 1, as in Keras.</summary>
    internal int Implementation { get; set; } = 2;

    /// <inheritdoc />
    internal override int DropoutMaskCount => Implementation == 1 || RecurrentDropout != 0 ? 3 : 1;

    /// <inheritdoc />
    public override IReadOnlyList<Shape> StateShapes(Shape stepInputShape) => [new Shape(Units)];

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => CellConfig(
        [new("units", Units), new("activation", Activation.Name), new("recurrent_activation", RecurrentActivation.Name)],
        [], [], [new("reset_after", ResetAfter)]);

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape)
    {
        int inputDim = inputShape[-1] ?? throw RecurrentErrors.UndefinedFeatures(Name, inputShape);
        AddCellWeights([inputDim, 3 * Units], [Units, 3 * Units], ResetAfter ? [2, 3 * Units] : [3 * Units]);
    }

    /// <inheritdoc />
    internal override Tensor ProjectInputs(Tensor sequences, IReadOnlyList<Tensor>? masks)
    {
        using var inputBias = Bias is null ? null : ResetAfter ? Bias.Value.select(0, 0) : Bias.Value.alias();
        return GatedProjection.Inputs(sequences, Kernel!.Value, inputBias, masks);
    }

    /// <inheritdoc />
    internal override Tensor[] Step(Tensor projected, IReadOnlyList<Tensor> states, IReadOnlyList<Tensor>? masks)
    {
        var h = states[0];
        var kernel = RecurrentKernel!.Value;
        var x = projected.chunk(3, 1);
        Tensor z, r, candidate;
        if (ResetAfter)
        {
            // r multiplies (h @ U_h + b_h): the three recurrent products at once.
            using var recurrentBias = Bias?.Value.select(0, 1);
            var inner = masks is not null ? GatedProjection.PerGate(h, kernel, masks)
                : recurrentBias is null ? Ops.Matmul(h, kernel)
                : Ops.RecurrentAddmm(recurrentBias, h, kernel);
            if (masks is not null && recurrentBias is not null)
            {
                inner.add_(recurrentBias);
            }
            var parts = inner.chunk(3, 1);
            z = RecurrentActivation.Apply(x[0] + parts[0]);
            r = RecurrentActivation.Apply(x[1] + parts[1]);
            candidate = r * parts[2];
        }
        else
        {
            // r multiplies h before the candidate's product: z and r first, then (r·h) @ U_h.
            using var gatesKernel = kernel.narrow(1, 0, 2 * Units);
            using var candidateKernel = kernel.narrow(1, 2 * Units, Units);
            var inner = masks is null
                ? Ops.Matmul(h, gatesKernel)
                : GatedProjection.PerGate(h, gatesKernel, [masks[0], masks[1]]);
            var parts = inner.chunk(2, 1);
            z = RecurrentActivation.Apply(x[0] + parts[0]);
            r = RecurrentActivation.Apply(x[1] + parts[1]);
            candidate = Ops.Matmul(masks is null ? r * h : r * (h * masks[2]), candidateKernel);
        }
        var hh = Activation.Apply(x[2] + candidate);
        // z·h + (1 − z)·hh, written without a scalar: hh + z·(h − hh).
        var output = hh + z * (h - hh);
        return [output, output];
    }
}
