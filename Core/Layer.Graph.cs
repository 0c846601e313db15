namespace Keras;

public abstract partial class Layer
{
    private static int _tensorCounter;
    private readonly List<Node> _inboundNodes = [];
    private readonly Lock _nodeGate = new();

    /// <summary>Every call of this layer on symbolic tensors, in order.</summary>
    public IReadOnlyList<Node> InboundNodes => _inboundNodes;

    /// <summary>The symbolic output of the layer's only call (e.g. to build a feature extractor).</summary>
    /// <exception cref="InvalidOperationException">The layer was never called symbolically, was called several times,
    /// or has several outputs.</exception>
    public KerasTensor Output => SingleNode(nameof(Output)).Outputs is { Count: 1 } outputs
        ? outputs[0]
        : throw new InvalidOperationException(
            $"Layer \"{Name}\" has multiple outputs; use `InboundNodes[0].Outputs` instead of `Output`.");

    /// <summary>The symbolic input of the layer's only call.</summary>
    public KerasTensor Input => SingleNode(nameof(Input)).Inputs is { Count: 1 } inputs
        ? inputs[0]
        : throw new InvalidOperationException(
            $"Layer \"{Name}\" has multiple inputs; use `InboundNodes[0].Inputs` instead of `Input`.");

    /// <summary>Calls the layer on a symbolic tensor: builds it, infers the output shape and records a node.</summary>
    /// <param name="input">The symbolic input.</param>
    /// <returns>The symbolic output.</returns>
    public KerasTensor Call(KerasTensor input) => Single(CallMany([input]));

    /// <summary>Calls the layer on several symbolic tensors (merge layers, multi-input models).</summary>
    /// <param name="inputs">The symbolic inputs.</param>
    /// <returns>The symbolic output.</returns>
    public KerasTensor Call(IReadOnlyList<KerasTensor> inputs) => Single(CallMany(inputs));

    /// <summary>Calls the layer on symbolic tensors and returns every output (multi-output layers and models).</summary>
    /// <param name="inputs">The symbolic inputs.</param>
    /// <returns>The symbolic outputs.</returns>
    public IReadOnlyList<KerasTensor> CallMany(IReadOnlyList<KerasTensor> inputs)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0 || inputs.Any(i => i is null))
        {
            throw new ArgumentException($"Layer \"{Name}\" was called with no (or a null) symbolic input.", nameof(inputs));
        }
        var shapes = inputs.Select(i => i.Shape).ToList();
        for (int i = 0; i < shapes.Count; i++)
        {
            InputSpecFor(i)?.AssertCompatible(shapes[i], Name, i);
        }
        if (!Built)
        {
            BuildAll(shapes);
        }
        for (int i = 0; i < shapes.Count; i++)
        {
            InputSpecFor(i)?.AssertCompatible(shapes[i], Name, i);
        }
        var outputShapes = ComputeOutputShapes(shapes);
        string dtype = OutputDType(inputs);
        lock (_nodeGate)
        {
            var outputs = outputShapes
                .Select(s => new KerasTensor(s, dtype, $"keras_tensor_{Interlocked.Increment(ref _tensorCounter) - 1}"))
                .ToList();
            var node = new Node(this, inputs.ToList(), outputs, _inboundNodes.Count);
            for (int i = 0; i < outputs.Count; i++)
            {
                outputs[i].Node = node;
                outputs[i].TensorIndex = i;
            }
            _inboundNodes.Add(node);
            return outputs;
        }
    }

    /// <summary>Runs the layer on several real tensors (merge layers, multi-input models).</summary>
    /// <param name="inputs">The input batches.</param>
    /// <param name="training">Training mode; <c>null</c> inherits the enclosing call's mode.</param>
    /// <param name="masks">Masks for the inputs; <c>null</c> uses the masks attached to them.</param>
    /// <returns>The outputs, carrying <see cref="ComputeMasks"/>' masks.</returns>
    public IReadOnlyList<Tensor> Call(IReadOnlyList<Tensor> inputs, bool? training = null,
        IReadOnlyList<Tensor?>? masks = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var shapes = inputs.Select(t => new Shape(t.shape)).ToList();
        for (int i = 0; i < shapes.Count; i++)
        {
            InputSpecFor(i)?.AssertCompatible(shapes[i], Name, i);
        }
        if (!Built)
        {
            BuildAll(shapes.Select(s => s.Rank > 0 ? s.With(0, null) : s).ToList());
        }
        if (masks is not null && masks.Count != inputs.Count)
        {
            throw new ArgumentException(
                $"Layer \"{Name}\" received {inputs.Count} inputs but {masks.Count} masks.", nameof(masks));
        }
        var inputMasks = masks ?? inputs.Select(KerasMask.Get).ToList();
        bool? outer = _ambientTraining;
        _ambientTraining = training ?? outer ?? TrainingByDefault;
        BeginCall();
        try
        {
            var outputs = inputMasks.Any(m => m is not null)
                ? CallCore(inputs, inputMasks, _ambientTraining.Value)
                : CallCore(inputs, _ambientTraining.Value);
            var outputMasks = MasksComeFromSublayers ? null : ComputeMasks(inputs, inputMasks, outputs.Count);
            for (int i = 0; i < outputs.Count; i++)
            {
                if (outputMasks is not null)
                {
                    KerasMask.Set(outputs[i], i < outputMasks.Count ? outputMasks[i] : null);
                }
                AddActivityLoss(outputs[i]);
            }
            return outputs;
        }
        finally
        {
            _ambientTraining = outer;
            EndCall();
        }
    }

    /// <summary>The computation on several real tensors with their masks; by default ignores the masks.</summary>
    /// <param name="inputs">The input batches.</param>
    /// <param name="masks">One mask (or <c>null</c>) per input; at least one is not null.</param>
    /// <param name="training">True while training.</param>
    /// <returns>The outputs.</returns>
    protected virtual IReadOnlyList<Tensor> CallCore(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?> masks,
        bool training) =>
        inputs.Count == 1 ? [CallCore(inputs[0], masks[0], training)] : CallCore(inputs, training);

    /// <summary>Every input shape a multi-input build saw (Keras writes them as the <c>build_config</c>); null for a
    /// single-input build.</summary>
    internal IReadOnlyList<Shape>? BuildInputShapes { get; private set; }

    /// <summary>Output shapes for several inputs; by default the single-input rule.</summary>
    /// <param name="inputShapes">The input shapes.</param>
    /// <returns>The output shapes.</returns>
    public virtual IReadOnlyList<Shape> ComputeOutputShapes(IReadOnlyList<Shape> inputShapes) =>
        inputShapes.Count == 1
            ? [ComputeOutputShape(inputShapes[0])]
            : throw new ArgumentException(
                $"Layer \"{Name}\" expects 1 input, but it received {inputShapes.Count} input tensors.");

    /// <summary>Builds for several inputs. Called once; by default the single-input <see cref="Build(Shape)"/>.</summary>
    /// <param name="inputShapes">The input shapes.</param>
    public void BuildAll(IReadOnlyList<Shape> inputShapes)
    {
        if (inputShapes.Count == 1)
        {
            Build(inputShapes[0]);
            return;
        }
        lock (_buildGate)
        {
            if (Built)
            {
                return;
            }
            BuildCore(inputShapes);
            BuildInputShape = inputShapes[0];
            BuildInputShapes = inputShapes.ToArray();
            Built = true;
        }
    }

    /// <summary>Creates weights for several inputs; by default fails for more than one input.</summary>
    /// <param name="inputShapes">The input shapes.</param>
    protected virtual void BuildCore(IReadOnlyList<Shape> inputShapes)
    {
        if (inputShapes.Count != 1)
        {
            throw new ArgumentException(
                $"Layer \"{Name}\" expects 1 input, but it received {inputShapes.Count} input tensors.");
        }
        BuildCore(inputShapes[0]);
    }

    /// <summary>The computation on several real tensors; by default the single-input <see cref="CallCore(Tensor, bool)"/>.</summary>
    /// <param name="inputs">The input batches.</param>
    /// <param name="training">True while training.</param>
    /// <returns>The outputs.</returns>
    protected virtual IReadOnlyList<Tensor> CallCore(IReadOnlyList<Tensor> inputs, bool training) =>
        inputs.Count == 1
            ? [CallCore(inputs[0], null, training)]
            : throw new ArgumentException(
                $"Layer \"{Name}\" expects 1 input, but it received {inputs.Count} input tensors.");

    /// <summary>The spec for input <paramref name="index"/>; by default <see cref="InputSpec"/> applies to input 0.</summary>
    /// <param name="index">The input index.</param>
    /// <returns>The spec, or null.</returns>
    protected virtual InputSpec? InputSpecFor(int index) => index == 0 ? InputSpec : null;

    /// <summary>The dtype of symbolic outputs; by default the first input's for non-float inputs, else the layer's.</summary>
    /// <param name="inputs">The symbolic inputs.</param>
    /// <returns>The dtype name.</returns>
    protected virtual string OutputDType(IReadOnlyList<KerasTensor> inputs) => DType;

    /// <summary>Whether a call passes several inputs as separate positional arguments (<c>mha(query, value)</c>) rather
    /// than as one list (<c>Add()([a, b])</c>); decides how Keras 3 configs write the call's <c>args</c>.</summary>
    internal virtual bool InputsAreSeparateArguments => false;

    /// <summary>Records an input layer's node (its output has no inputs).</summary>
    internal KerasTensor AddInputNode(KerasTensor tensor)
    {
        lock (_nodeGate)
        {
            var node = new Node(this, [], [tensor], _inboundNodes.Count);
            tensor.Node = node;
            _inboundNodes.Add(node);
        }
        return tensor;
    }

    private Node SingleNode(string property) => _inboundNodes.Count switch
    {
        0 => throw new InvalidOperationException(
            $"The layer \"{Name}\" has never been called on a symbolic tensor and thus has no defined {property.ToLowerInvariant()}."),
        1 => _inboundNodes[0],
        _ => throw new InvalidOperationException(
            $"The layer \"{Name}\" has multiple inbound nodes, with different {property.ToLowerInvariant()}s. " +
            $"Use `InboundNodes[i].{property}s` to pick one."),
    };

    private KerasTensor Single(IReadOnlyList<KerasTensor> outputs) => outputs.Count == 1
        ? outputs[0]
        : throw new InvalidOperationException(
            $"Layer \"{Name}\" returns {outputs.Count} outputs; use `CallMany` to receive all of them.");
}
