namespace Keras.Layers;

/// <summary>Runs a recurrent cell over the timesteps of <c>(batch, time, features)</c> inputs (<c>keras.layers.RNN</c>).</summary>
/// <remarks>
/// <para>Initial states are passed after the inputs on the list path, <c>layer.Call([x, h0])</c> (<c>[x, h0, c0]</c> for
/// LSTM cells). With <see cref="ReturnState"/> the layer has several outputs, <c>[output, *final_states]</c>, so it is
/// called on the list path (<c>layer.Call([x])</c>) or with <c>CallMany</c> on symbolic tensors.</para>
/// <para>Masks (from <c>Embedding(maskZero: true)</c> or <c>Masking</c>) are consumed as in Keras 3: at a masked
/// timestep the states are carried over unchanged and the output repeats the previous step's output (zeros before the
/// first unmasked step, or always zeros with <see cref="ZeroOutputForMask"/>). The output keeps the input mask when
/// <see cref="ReturnSequences"/>, else it has none.</para>
/// <para><see cref="GoBackwards"/> processes the sequence from its end; returned sequences are in that reversed order,
/// as Keras returns them.</para>
/// </remarks>
/// <example><code>
/// var layer = new RNN(new LSTMCell(16), returnSequences: true);
/// Tensor y = layer.Call(x);                                  // (batch, time, 16)
/// var withState = new RNN(new GRUCell(8), returnState: true);
/// IReadOnlyList&lt;Tensor&gt; outputs = withState.Call([x, h0]);  // [output, h]
/// </code></example>
public class RNN : Layer
{
    private Tensor[]? _states;

    /// <summary>Creates the layer.</summary>
    /// <param name="cell">The cell run at each timestep; tracked by this layer (its weights are the layer's).</param>
    /// <param name="returnSequences">Return every timestep's output <c>(batch, time, ...)</c> rather than the last
    /// one. Defaults to false.</param>
    /// <param name="returnState">Also return the final states (list path). Defaults to false.</param>
    /// <param name="goBackwards">Process the sequence backwards and return the reversed sequence. Defaults to
    /// false.</param>
    /// <param name="stateful">Keep the final states of each call as the initial states of the next (a fixed batch
    /// size); <see cref="ResetStates"/> zeroes them. Defaults to false.</param>
    /// <param name="unroll">Keras' unrolling hint. The loop is the same either way here; it requires a known number of
    /// timesteps, as in Keras. Defaults to false.</param>
    /// <param name="zeroOutputForMask">Output zeros at masked timesteps instead of the previous output. Defaults to
    /// false.</param>
    /// <param name="name">The layer name. Defaults to <c>rnn</c>, <c>rnn_1</c>, ...</param>
    /// <param name="trainable">Whether the weights train. Defaults to true.</param>
    public RNN(RNNCell cell, bool returnSequences = false, bool returnState = false, bool goBackwards = false,
        bool stateful = false, bool unroll = false, bool zeroOutputForMask = false, string? name = null,
        bool trainable = true)
        : base(name, trainable)
    {
        ArgumentNullException.ThrowIfNull(cell);
        Cell = TrackLayer(cell);
        ReturnSequences = returnSequences;
        ReturnState = returnState;
        GoBackwards = goBackwards;
        Stateful = stateful;
        Unroll = unroll;
        ZeroOutputForMask = zeroOutputForMask;
        SupportsMasking = true;
        InputSpec = new InputSpec(minNdim: 3);
        if (!trainable)
        {
            Trainable = false;
        }
    }

    /// <summary>The cell run at each timestep.</summary>
    public RNNCell Cell { get; }

    /// <summary>Whether every timestep's output is returned.</summary>
    public bool ReturnSequences { get; }

    /// <summary>Whether the final states are returned after the output.</summary>
    public bool ReturnState { get; }

    /// <summary>Whether the sequence is processed backwards.</summary>
    public bool GoBackwards { get; }

    /// <summary>Whether the final states carry over to the next call.</summary>
    public bool Stateful { get; }

    /// <summary>Keras' unrolling hint (no effect on the computation here).</summary>
    public bool Unroll { get; }

    /// <summary>Whether masked timesteps output zeros (set by <see cref="Bidirectional"/> when it returns
    /// sequences, as Keras does).</summary>
    public bool ZeroOutputForMask { get; internal set; }

    /// <summary>The states a stateful layer carries to its next call (Keras layout), or null before the first call
    /// and for layers that are not stateful.</summary>
    public IReadOnlyList<Tensor>? States => _states;

    /// <summary>Zeroes the carried states of a stateful layer (Keras' <c>reset_state</c>).</summary>
    public void ResetStates()
    {
        if (_states is null)
        {
            return;
        }
        using var noGrad = Ops.NoGrad();
        foreach (var state in _states)
        {
            state.zero_();
        }
    }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => ComputeOutputShapes([inputShape])[0];

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShapes(IReadOnlyList<Shape> inputShapes)
    {
        var sequences = inputShapes[0];
        if (Unroll && sequences.Rank > 1 && sequences[1] is null)
        {
            throw new ArgumentException(
                "Cannot unroll a RNN if the time dimension is undefined. \n- If using a Sequential model, specify " +
                "the time dimension by passing an `Input()` as your first layer.\n- If using the functional API, " +
                "specify the time dimension by passing a `shape` or `batch_shape` argument to your `Input()`.");
        }
        var states = Cell.StateShapes(StepShape(sequences)).Select(s => s.WithBatch(sequences[0])).ToList();
        var output = ReturnSequences ? new Shape([sequences[0], sequences[1], .. states[0].WithoutBatch()]) : states[0];
        return ReturnState ? [output, .. states] : [output];
    }

    /// <inheritdoc />
    public override Tensor? ComputeMask(Tensor inputs, Tensor? previousMask) => ReturnSequences ? previousMask : null;

    /// <inheritdoc />
    public override IReadOnlyList<Tensor?> ComputeMasks(IReadOnlyList<Tensor> inputs,
        IReadOnlyList<Tensor?> previousMasks, int outputCount)
    {
        var masks = new Tensor?[outputCount];
        masks[0] = ReturnSequences ? previousMasks[0] : null;
        return masks;
    }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = RecurrentConfig();
        config["cell"] = Cell;
        return config;
    }

    /// <summary>The config of the layers that wrap their own cell (<c>LSTM</c>, <c>GRU</c>, ...): the RNN keys, then the
    /// cell's arguments flattened in, with <c>activity_regularizer</c> after the bias regularizer (Keras 3's form).</summary>
    private protected Dictionary<string, object?> FlattenedConfig()
    {
        var config = RecurrentConfig();
        config.Remove("activity_regularizer");
        foreach (var (key, value) in Cell.GetConfig())
        {
            if (key is "name" or "trainable" or "dtype")
            {
                continue;
            }
            if (key == "kernel_constraint")
            {
                config["activity_regularizer"] = ActivityRegularizer;
            }
            config[key] = value;
        }
        return config;
    }

    /// <summary>Keras' <c>RNN.get_config</c> without the cell: the base keys (with <c>activity_regularizer</c> when
    /// set) and the RNN flags.</summary>
    private Dictionary<string, object?> RecurrentConfig()
    {
        var config = base.GetConfig();
        if (ActivityRegularizer is not null)
        {
            config["activity_regularizer"] = ActivityRegularizer;
        }
        config["return_sequences"] = ReturnSequences;
        config["return_state"] = ReturnState;
        config["go_backwards"] = GoBackwards;
        config["stateful"] = Stateful;
        config["unroll"] = Unroll;
        config["zero_output_for_mask"] = ZeroOutputForMask;
        return config;
    }

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape)
    {
        if (inputShape.Rank < 3)
        {
            throw new ArgumentException(
                $"Layer \"{Name}\" expects inputs of shape (batch, time, features). Received: input_shape={inputShape}");
        }
        if (!Cell.Built)
        {
            Cell.Build(StepShape(inputShape).WithBatch(inputShape[0]));
        }
        if (inputShape[-1] is int features && InputSpec is { } spec)
        {
            InputSpec = new InputSpec(spec.Ndim, spec.MinNdim, spec.MaxNdim, new Dictionary<int, int> { [-1] = features });
        }
    }

    /// <inheritdoc />
    protected override void BuildCore(IReadOnlyList<Shape> inputShapes) => BuildCore(inputShapes[0]);

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) => CallCore(inputs, null, training);

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, Tensor? mask, bool training) => ReturnState
        ? throw RecurrentErrors.NeedsList(Name, "its output and final states (return_state=True)")
        : RecurrentLoop.Run(this, inputs, [], mask, training)[0];

    /// <inheritdoc />
    protected override IReadOnlyList<Tensor> CallCore(IReadOnlyList<Tensor> inputs, bool training) =>
        RecurrentLoop.Run(this, inputs[0], inputs.Skip(1).ToList(), null, training);

    /// <inheritdoc />
    protected override IReadOnlyList<Tensor> CallCore(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?> masks,
        bool training) =>
        RecurrentLoop.Run(this, inputs[0], inputs.Skip(1).ToList(), masks[0], training);

    /// <summary>The states to start from: the carried ones of a stateful layer (created as zeros on the first call).</summary>
    internal IReadOnlyList<Tensor>? CarriedStates(long batchSize, Shape stepShape)
    {
        if (!Stateful)
        {
            return null;
        }
        if (_states is null)
        {
            _states = Cell.GetInitialState(batchSize, stepShape).Select(s => s.DetachFromDisposeScope()).ToArray();
        }
        else if (_states[0].shape[0] != batchSize)
        {
            throw new ArgumentException(
                $"Layer \"{Name}\" is stateful and holds states for a batch of {_states[0].shape[0]} samples, but it " +
                $"received a batch of {batchSize}. A stateful RNN needs the same batch size in every call.");
        }
        return _states;
    }

    /// <summary>Keeps the final states of a stateful layer for its next call.</summary>
    internal void CarryStates(IReadOnlyList<Tensor> states)
    {
        if (!Stateful)
        {
            return;
        }
        var old = _states;
        _states = states.Select(s => s.detach().clone().DetachFromDisposeScope()).ToArray();
        if (old is not null)
        {
            foreach (var state in old)
            {
                state.Dispose();
            }
        }
    }

    /// <summary>One sample's timestep shape: the input shape without its batch and time axes.</summary>
    internal static Shape StepShape(Shape sequences) => new(sequences.Skip(2).ToArray());

    /// <summary>Keras 3 stores the cell's weights under the attribute <c>cell</c>.</summary>
    internal override IEnumerable<Saving.KerasV3.SaveableChild> SaveableChildren => [new("cell", Cell)];
}
