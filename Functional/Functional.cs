using Keras.Layers;

namespace Keras;

/// <summary>A model defined by a graph of layer calls from inputs to outputs: Keras' <c>keras.Model(inputs, outputs)</c>.</summary>
/// <remarks>Supports several inputs and outputs, shared layers (one layer called at several places shares its
/// weights), nested models used as layers, and intermediate outputs (<c>model.GetLayer("name").Output</c>) to build
/// feature extractors. <see cref="Model.Layers"/> includes the input layers, as in Keras.</remarks>
/// <example><code>
/// var inputs = new Input([784]);
/// var x = new Dense(64, activation: "relu").Call(inputs);
/// var outputs = new Dense(10, activation: "softmax").Call(x);
/// var model = new Functional(inputs, outputs, name: "mnist_model");
/// model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
/// </code></example>
public class Functional : Model
{
    private readonly GraphMap _graph;

    /// <summary>Creates a model with one input and one output.</summary>
    /// <param name="inputs">The input (from <see cref="Input"/>).</param>
    /// <param name="outputs">The output (from a layer call).</param>
    /// <param name="name">The model name. Defaults to <c>functional</c>, <c>functional_1</c>, ...</param>
    public Functional(KerasTensor inputs, KerasTensor outputs, string? name = null)
        : this([inputs], [outputs], name)
    {
    }

    /// <summary>Creates a model with several inputs and one output.</summary>
    /// <param name="inputs">The inputs, in the order data is given to <c>Fit</c>/<c>Predict</c>.</param>
    /// <param name="outputs">The output.</param>
    /// <param name="name">The model name. Defaults to <c>functional</c>, <c>functional_1</c>, ...</param>
    public Functional(IReadOnlyList<KerasTensor> inputs, KerasTensor outputs, string? name = null)
        : this(inputs, [outputs], name)
    {
    }

    /// <summary>Creates a model with one input and several outputs.</summary>
    /// <param name="inputs">The input.</param>
    /// <param name="outputs">The outputs, in the order targets and predictions are given.</param>
    /// <param name="name">The model name. Defaults to <c>functional</c>, <c>functional_1</c>, ...</param>
    public Functional(KerasTensor inputs, IReadOnlyList<KerasTensor> outputs, string? name = null)
        : this([inputs], outputs, name)
    {
    }

    /// <summary>Creates a model with several inputs and/or outputs.</summary>
    /// <param name="inputs">The inputs, in the order data is given to <c>Fit</c>/<c>Predict</c>.</param>
    /// <param name="outputs">The outputs, in the order targets and predictions are given.</param>
    /// <param name="name">The model name. Defaults to <c>functional</c>, <c>functional_1</c>, ...</param>
    public Functional(IReadOnlyList<KerasTensor> inputs, IReadOnlyList<KerasTensor> outputs, string? name = null)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        if (inputs.Count == 0 || outputs.Count == 0)
        {
            throw new ArgumentException(
                $"A functional model needs at least one input and one output. Received {inputs.Count} inputs and " +
                $"{outputs.Count} outputs.");
        }
        if (inputs.Distinct(ReferenceEqualityComparer.Instance).Count() != inputs.Count)
        {
            throw new ArgumentException("The same input tensor was passed more than once to a functional model.", nameof(inputs));
        }
        Inputs = inputs.ToList();
        Outputs = outputs.ToList();
        _graph = GraphMap.Build(Inputs, Outputs);
        foreach (var layer in _graph.Layers)
        {
            TrackLayer(layer);
        }
        BuildAll(Inputs.Select(i => i.Shape).ToList());
    }

    /// <summary>The model's symbolic inputs.</summary>
    public IReadOnlyList<KerasTensor> Inputs { get; }

    /// <summary>The model's symbolic outputs.</summary>
    public IReadOnlyList<KerasTensor> Outputs { get; }

    /// <summary>Every layer in the graph, input layers first, in Keras' depth order.</summary>
    public override IReadOnlyList<Layer> Layers => _graph.Layers;

    /// <summary>The input layers' names, which key dictionary inputs.</summary>
    public override IReadOnlyList<string> InputNames => Inputs.Select(i => i.Layer.Name).ToList();

    /// <summary>The output layers' names, which key per-output losses, metrics and targets.</summary>
    public override IReadOnlyList<string> OutputNames => Outputs.Select(o => o.Layer.Name).ToList();

    /// <inheritdoc />
    public override IReadOnlyList<string> InputDTypes => Inputs.Select(i => i.DType).ToList();

    /// <inheritdoc />
    public override string InputDType => Inputs[0].DType;

    /// <summary>The graph's nodes grouped by depth, inputs first (for summaries, plots and configs).</summary>
    public IReadOnlyList<IReadOnlyList<Node>> NodesByDepth => _graph.NodesByDepth;

    /// <summary>Whether a node belongs to this model's graph (a shared layer may also be called elsewhere).</summary>
    /// <param name="node">The node.</param>
    /// <returns>True when it is part of this graph.</returns>
    public bool ContainsNode(Node node) => _graph.Nodes.Contains(node);

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => ComputeOutputShapes([inputShape])[0];

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShapes(IReadOnlyList<Shape> inputShapes) =>
        Outputs.Select(o => inputShapes.Count > 0 && inputShapes[0].Rank > 0 ? o.Shape.With(0, inputShapes[0][0]) : o.Shape)
            .ToList();

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => new()
    {
        ["name"] = Name,
        ["trainable"] = Trainable,
    };

    /// <inheritdoc />
    protected override bool SummaryIsSequentialLike
    {
        get
        {
            var nodes = new List<Node>();
            foreach (var depth in _graph.NodesByDepth)
            {
                if (depth.Count > 1 || (depth.Count == 1 && depth[0].Inputs.Count > 1))
                {
                    return false;
                }
                nodes.AddRange(depth);
            }
            return Layers.All(l => l.InboundNodes.Count(nodes.Contains) <= 1);
        }
    }

    /// <inheritdoc />
    protected override IEnumerable<(Layer Layer, string OutputShape, string? ConnectedTo)> SummaryRows() =>
        Layers.Select(layer =>
        {
            var nodes = layer.InboundNodes.Where(ContainsNode).ToList();
            string shape = nodes.Count > 0 ? FormatShapes(nodes[^1].Outputs) : "?";
            var connections = nodes.SelectMany(n => n.Inputs)
                .Select(t => $"{t.Layer.Name}[{t.Node.Index}][{t.TensorIndex}]")
                .ToList();
            return (layer, shape, (string?)(connections.Count > 0 ? string.Join(", ", connections) : "-"));
        });

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape)
    {
    }

    /// <inheritdoc />
    protected override void BuildCore(IReadOnlyList<Shape> inputShapes)
    {
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training)
    {
        var outputs = CallCore([inputs], training);
        return outputs.Count == 1
            ? outputs[0]
            : throw new InvalidOperationException(
                $"Model \"{Name}\" has {outputs.Count} outputs; call it with a list of inputs to receive all of them.");
    }

    /// <inheritdoc />
    protected override IReadOnlyList<Tensor> CallCore(IReadOnlyList<Tensor> inputs, bool training)
    {
        if (inputs.Count != Inputs.Count)
        {
            throw new ArgumentException(
                $"Model \"{Name}\" expects {Inputs.Count} input(s) ({string.Join(", ", InputNames)}), " +
                $"but it received {inputs.Count} input tensors.");
        }
        var values = new Dictionary<KerasTensor, Tensor>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < inputs.Count; i++)
        {
            if (Inputs[i].Layer is InputLayer inputLayer)
            {
                inputLayer.InputSpecCheck(inputs[i]);
            }
            values[Inputs[i]] = inputs[i];
        }
        foreach (var nodes in _graph.NodesByDepth)
        {
            foreach (var node in nodes)
            {
                if (node.IsInput || node.Outputs.All(values.ContainsKey) || !node.Inputs.All(values.ContainsKey))
                {
                    continue;
                }
                var args = node.Inputs.Select(t => values[t]).ToList();
                var results = args.Count == 1 && node.Outputs.Count == 1
                    ? [node.Layer.Call(args[0], training)]
                    : node.Layer.Call(args, training);
                for (int o = 0; o < node.Outputs.Count; o++)
                {
                    values[node.Outputs[o]] = results[o];
                }
            }
        }
        return Outputs.Select(o => values[o]).ToList();
    }
}
