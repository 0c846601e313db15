using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>The base of the built-in recurrent cells (<see cref="SimpleRNNCell"/>, <see cref="LSTMCell"/>,
/// <see cref="GRUCell"/>): one timestep of a recurrent layer, with Keras' weight options and dropout.</summary>
/// <remarks>
/// A cell is called on a list <c>[input_t, *states]</c> and returns <c>[output_t, *new_states]</c>, as Keras'
/// <c>cell(inputs, states)</c>. Wrapped in <see cref="RNN"/> it runs over a whole sequence: the input projection of
/// every timestep is computed at once (one matrix product), then the recurrence runs step by step. Dropout masks are
/// drawn once per sequence (Keras' <c>DropoutRNNCell</c>) and only while training.
/// </remarks>
/// <example><code>
/// var rnn = new RNN(new LSTMCell(16), returnSequences: true);
/// Tensor y = rnn.Call(x);   // x: (batch, time, features) → y: (batch, time, 16)
/// </code></example>
public abstract class RNNCell : Layer
{
    private protected RNNCell(ActivationFunction? activation, bool useBias, Initializer? kernelInitializer,
        Initializer? recurrentInitializer, Initializer? biasInitializer, Regularizer? kernelRegularizer,
        Regularizer? recurrentRegularizer, Regularizer? biasRegularizer, Constraint? kernelConstraint,
        Constraint? recurrentConstraint, Constraint? biasConstraint, double dropout, double recurrentDropout,
        string? name, bool trainable)
        : base(name, trainable)
    {
        Activation = activation ?? Activations.Tanh;
        UseBias = useBias;
        KernelInitializer = kernelInitializer ?? new GlorotUniform();
        RecurrentInitializer = recurrentInitializer ?? RecurrentDefaults.Orthogonal();
        BiasInitializer = biasInitializer ?? new Zeros();
        KernelRegularizer = kernelRegularizer;
        RecurrentRegularizer = recurrentRegularizer;
        BiasRegularizer = biasRegularizer;
        KernelConstraint = kernelConstraint;
        RecurrentConstraint = recurrentConstraint;
        BiasConstraint = biasConstraint;
        // Keras clips the rates into [0, 1].
        Dropout = double.IsNaN(dropout) ? 0 : Math.Clamp(dropout, 0.0, 1.0);
        RecurrentDropout = double.IsNaN(recurrentDropout) ? 0 : Math.Clamp(recurrentDropout, 0.0, 1.0);
    }

    /// <summary>The output activation.</summary>
    public ActivationFunction Activation { get; }

    /// <summary>Whether a bias is added.</summary>
    public bool UseBias { get; }

    /// <summary>The initializer of <see cref="Kernel"/>.</summary>
    public Initializer KernelInitializer { get; }

    /// <summary>The initializer of <see cref="RecurrentKernel"/>.</summary>
    public Initializer RecurrentInitializer { get; }

    /// <summary>The initializer of <see cref="Bias"/>.</summary>
    public Initializer BiasInitializer { get; }

    /// <summary>The penalty on <see cref="Kernel"/>, if any.</summary>
    public Regularizer? KernelRegularizer { get; }

    /// <summary>The penalty on <see cref="RecurrentKernel"/>, if any.</summary>
    public Regularizer? RecurrentRegularizer { get; }

    /// <summary>The penalty on <see cref="Bias"/>, if any.</summary>
    public Regularizer? BiasRegularizer { get; }

    /// <summary>The constraint on <see cref="Kernel"/>, if any.</summary>
    public Constraint? KernelConstraint { get; }

    /// <summary>The constraint on <see cref="RecurrentKernel"/>, if any.</summary>
    public Constraint? RecurrentConstraint { get; }

    /// <summary>The constraint on <see cref="Bias"/>, if any.</summary>
    public Constraint? BiasConstraint { get; }

    /// <summary>The fraction of the inputs dropped while training, in [0, 1].</summary>
    public double Dropout { get; }

    /// <summary>The fraction of the recurrent state dropped while training, in [0, 1].</summary>
    public double RecurrentDropout { get; }

    /// <summary>The input kernel (Keras layout, gates side by side on the last axis); null before building.</summary>
    public Variable? Kernel { get; private protected set; }

    /// <summary>The recurrent kernel (Keras layout); null before building.</summary>
    public Variable? RecurrentKernel { get; private protected set; }

    /// <summary>The bias; null before building or without bias.</summary>
    public Variable? Bias { get; private protected set; }

    /// <summary>The shapes of one sample's states (without the batch axis) for one sample's step input shape; the
    /// output of a step has the shape of the first state.</summary>
    /// <param name="stepInputShape">The shape of one timestep of one sample, e.g. <c>(features)</c>.</param>
    /// <returns>One shape per state (<c>[h]</c>, or <c>[h, c]</c> for LSTM cells).</returns>
    public abstract IReadOnlyList<Shape> StateShapes(Shape stepInputShape);

    /// <summary>Zero states for a batch (Keras' <c>get_initial_state</c>), in Keras layout.</summary>
    /// <param name="batchSize">The batch size.</param>
    /// <param name="stepInputShape">The shape of one timestep of one sample.</param>
    /// <returns>New zero tensors, one per state.</returns>
    public IReadOnlyList<Tensor> GetInitialState(long batchSize, Shape stepInputShape) =>
        StateShapes(stepInputShape)
            .Select(s => Ops.Zeros([batchSize, .. s.ToLongArray()], DType))
            .ToList();

    /// <summary>The output shape of a step: the first state's shape with the batch axis.</summary>
    /// <param name="inputShape">The step input shape, with batch axis.</param>
    /// <returns>The output shape.</returns>
    public override Shape ComputeOutputShape(Shape inputShape) =>
        StateShapes(inputShape.WithoutBatch())[0].WithBatch(inputShape[0]);

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShapes(IReadOnlyList<Shape> inputShapes)
    {
        var states = StateShapes(inputShapes[0].WithoutBatch()).Select(s => s.WithBatch(inputShapes[0][0])).ToList();
        return [states[0], .. states];
    }

    /// <summary>How many independent dropout masks a sequence draws (one per gate in Keras' implementation 1).</summary>
    internal virtual int DropoutMaskCount => 1;

    /// <summary>Whether a rate turns dropout on (Keras' gated cells skip a rate of 1; SimpleRNN applies it).</summary>
    internal virtual bool AppliesDropout(double rate) => rate > 0 && rate < 1;

    /// <summary>Projects the inputs of every timestep at once, applying the input dropout masks.</summary>
    /// <param name="sequences">Inputs of shape <c>(batch, time, *step)</c> in Keras layout.</param>
    /// <param name="masks">The input dropout masks (Keras layout, shape of one step), or null.</param>
    /// <returns>The projections in the cell's internal layout, time on axis 1.</returns>
    internal abstract Tensor ProjectInputs(Tensor sequences, IReadOnlyList<Tensor>? masks);

    /// <summary>One timestep from its projected input.</summary>
    /// <param name="projected">The projection of this timestep (time axis removed).</param>
    /// <param name="states">The previous states, internal layout.</param>
    /// <param name="masks">The recurrent dropout masks (internal layout), or null.</param>
    /// <returns><c>[output, *new_states]</c>, internal layout.</returns>
    internal abstract Tensor[] Step(Tensor projected, IReadOnlyList<Tensor> states, IReadOnlyList<Tensor>? masks);

    /// <summary>Converts a Keras-layout state (or state-shaped tensor) to the internal layout.</summary>
    internal virtual Tensor StateToInternal(Tensor state) => state;

    /// <summary>Converts an internal-layout state or step output to the Keras layout.</summary>
    internal virtual Tensor StateToKeras(Tensor state) => state;

    /// <summary>Converts stacked internal-layout outputs <c>(batch, time, ...)</c> to the Keras layout.</summary>
    internal virtual Tensor SequenceToKeras(Tensor outputs) => outputs;

    /// <summary>Draws the dropout masks of one sequence (Keras' <c>get_dropout_mask</c> and
    /// <c>get_recurrent_dropout_mask</c>): null for a kind of dropout that is off or outside training.</summary>
    /// <param name="stepInput">One timestep of the inputs, Keras layout.</param>
    /// <param name="state">The first state, Keras layout.</param>
    /// <param name="training">Whether training.</param>
    /// <returns>The input masks (Keras layout) and recurrent masks (internal layout).</returns>
    internal (Tensor[]? Input, Tensor[]? Recurrent) DrawDropoutMasks(Tensor stepInput, Tensor state, bool training)
    {
        Tensor[]? Draw(long[] shape, double rate) => training && AppliesDropout(rate)
            ? Enumerable.Range(0, DropoutMaskCount).Select(_ =>
            {
                using var ones = Ops.Ones(shape, DType);
                return Ops.Dropout(ones, rate);
            }).ToArray()
            : null;

        var input = Draw(stepInput.shape, Dropout);
        var recurrent = Draw(state.shape, RecurrentDropout)?.Select(StateToInternal).ToArray();
        return (input, recurrent);
    }

    /// <summary>Checks a cell's <c>units</c> argument (Keras' error when it is not positive).</summary>
    private protected static int PositiveUnits(int units) => units > 0
        ? units
        : throw new ArgumentException(
            $"Received an invalid value for argument `units`, expected a positive integer, got {units}.",
            nameof(units));

    /// <summary>Writes the weight options and dropout rates shared by the cells, in Keras' key order, around the
    /// cell-specific keys.</summary>
    private protected Dictionary<string, object?> CellConfig(IEnumerable<KeyValuePair<string, object?>> head,
        IEnumerable<KeyValuePair<string, object?>> afterUseBias,
        IEnumerable<KeyValuePair<string, object?>> afterInitializers, IEnumerable<KeyValuePair<string, object?>> tail)
    {
        var config = base.GetConfig();
        foreach (var (key, value) in head)
        {
            config[key] = value;
        }
        config["use_bias"] = UseBias;
        foreach (var (key, value) in afterUseBias)
        {
            config[key] = value;
        }
        config["kernel_initializer"] = KernelInitializer;
        config["recurrent_initializer"] = RecurrentInitializer;
        config["bias_initializer"] = BiasInitializer;
        foreach (var (key, value) in afterInitializers)
        {
            config[key] = value;
        }
        config["kernel_regularizer"] = KernelRegularizer;
        config["recurrent_regularizer"] = RecurrentRegularizer;
        config["bias_regularizer"] = BiasRegularizer;
        config["kernel_constraint"] = KernelConstraint;
        config["recurrent_constraint"] = RecurrentConstraint;
        config["bias_constraint"] = BiasConstraint;
        config["dropout"] = Dropout;
        config["recurrent_dropout"] = RecurrentDropout;
        foreach (var (key, value) in tail)
        {
            config[key] = value;
        }
        config["seed"] = null;
        return config;
    }

    /// <summary>Creates the three weights in Keras' order with the cell's options.</summary>
    private protected void AddCellWeights(Shape kernelShape, Shape recurrentShape, Shape biasShape,
        Initializer? biasInitializer = null)
    {
        Kernel = AddWeight("kernel", kernelShape, KernelInitializer, regularizer: KernelRegularizer,
            constraint: KernelConstraint);
        RecurrentKernel = AddWeight("recurrent_kernel", recurrentShape, RecurrentInitializer,
            regularizer: RecurrentRegularizer, constraint: RecurrentConstraint);
        if (UseBias)
        {
            Bias = AddWeight("bias", biasShape, biasInitializer ?? BiasInitializer, regularizer: BiasRegularizer,
                constraint: BiasConstraint);
        }
    }

    /// <inheritdoc />
    protected override void BuildCore(IReadOnlyList<Shape> inputShapes) => BuildCore(inputShapes[0]);

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) => throw new ArgumentException(
        $"Cell \"{Name}\" ({ClassName}) is called on a list [inputs, *states], e.g. `cell.Call([x, h])`, and returns " +
        "[output, *new_states]; wrap it in `RNN` to run it over sequences.");

    /// <inheritdoc />
    protected override IReadOnlyList<Tensor> CallCore(IReadOnlyList<Tensor> inputs, bool training)
    {
        var stepShape = new Shape(inputs[0].shape).WithoutBatch();
        int stateCount = StateShapes(stepShape).Count;
        if (inputs.Count != 1 + stateCount)
        {
            throw new ArgumentException(
                $"Cell \"{Name}\" expects its input and {stateCount} state tensor(s), but it received " +
                $"{inputs.Count} tensors.");
        }
        var (inputMasks, recurrentMasks) = DrawDropoutMasks(inputs[0], inputs[1], training);
        var projected = ProjectInputs(inputs[0].unsqueeze(1), inputMasks).squeeze(1);
        var states = inputs.Skip(1).Select(StateToInternal).ToList();
        var result = Step(projected, states, recurrentMasks);
        return result.Select(StateToKeras).ToList();
    }
}
