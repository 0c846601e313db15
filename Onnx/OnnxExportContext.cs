namespace Keras.Onnx;

/// <summary>What a layer exporter writes into: nodes, initializers and fresh value names of the ONNX graph being
/// built, plus the Keras shapes and dtypes known for its values.</summary>
/// <remarks>Value names made by <see cref="FreshName"/> and <see cref="AddNode(string, IReadOnlyList{string},
/// OnnxAttribute[])"/> start with the current layer's name (and the names of the models it is nested in), so a Netron
/// user sees which layer each node belongs to. An empty input name leaves an optional operator input out.</remarks>
/// <example><code>
/// OnnxExporters.RegisterUnary&lt;Dense&gt;((layer, context, input) =&gt;
/// {
///     var y = context.AddNode("MatMul", [input, context.AddInitializer(layer.Kernel!)]);
///     if (layer.Bias is { } bias)
///     {
///         y = context.AddNode("Add", [y, context.AddInitializer(bias)]);
///     }
///     return context.AddActivation(layer.Activation, y);
/// });
/// </code></example>
public sealed class OnnxExportContext
{
    private readonly HashSet<string> _valueNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _nodeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<Variable, string> _variables = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, Shape> _shapes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _dtypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _masks = new(StringComparer.Ordinal);
    private readonly Stack<OnnxGraph> _subgraphs = new();
    private readonly List<string> _scopes = [];
    private Layer? _layer;

    internal OnnxExportContext(int opset, string graphName)
    {
        Opset = opset;
        Graph = new OnnxGraph(graphName);
    }

    /// <summary>The opset the graph is written for (17 or 18); exporters branch on it where operators changed.</summary>
    public int Opset { get; }

    /// <summary>The layer being exported.</summary>
    /// <exception cref="InvalidOperationException">No layer is being exported.</exception>
    public Layer Layer => _layer ?? throw new InvalidOperationException("No layer is being exported.");

    internal OnnxGraph Graph { get; }

    private string Prefix => string.Concat(_scopes.Select(s => s + "/")) + (_layer is null ? "" : _layer.Name + "/");

    /// <summary>A value name no other value has, made from the current layer's name and a hint
    /// (<c>dense/MatMul</c>, <c>dense/MatMul_1</c>, ...).</summary>
    /// <param name="hint">What the value is (an operator type or a short word).</param>
    /// <returns>The name, reserved.</returns>
    public string FreshName(string hint) => Reserve(Prefix + hint);

    /// <summary>Adds a node with one output.</summary>
    /// <param name="opType">The ONNX operator (default domain).</param>
    /// <param name="inputs">The input value names; an empty name leaves an optional input out.</param>
    /// <param name="attributes">The attributes.</param>
    /// <returns>The output value name.</returns>
    public string AddNode(string opType, IReadOnlyList<string> inputs, params OnnxAttribute[] attributes) =>
        AddNode(opType, inputs, 1, attributes)[0];

    /// <summary>Adds a node with several outputs.</summary>
    /// <param name="opType">The ONNX operator (default domain).</param>
    /// <param name="inputs">The input value names; an empty name leaves an optional input out.</param>
    /// <param name="outputCount">How many outputs the node has.</param>
    /// <param name="attributes">The attributes.</param>
    /// <returns>The output value names.</returns>
    public IReadOnlyList<string> AddNode(string opType, IReadOnlyList<string> inputs, int outputCount,
        params OnnxAttribute[] attributes)
    {
        ArgumentException.ThrowIfNullOrEmpty(opType);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputCount, 1);
        var outputs = Enumerable.Range(0, outputCount).Select(_ => FreshName(opType)).ToList();
        AddNodeWithOutputs(opType, inputs, outputs, attributes);
        return outputs;
    }

    /// <summary>Adds an initializer holding a variable's current value, named by its path (<c>dense/kernel</c>);
    /// a variable added twice (a shared layer) is stored once.</summary>
    /// <param name="variable">The variable.</param>
    /// <returns>The initializer's value name.</returns>
    public string AddInitializer(Variable variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        if (_variables.TryGetValue(variable, out var existing))
        {
            return existing;
        }
        var name = Reserve(variable.Path);
        Graph.Initializers.Add(OnnxTensor.FromTensor(name, variable.Value));
        _variables[variable] = name;
        SetShape(name, variable.Shape);
        SetDType(name, variable.DType);
        return name;
    }

    /// <summary>Adds an initializer holding a copy of a tensor (float32, float64, int64, int32, int8, uint8, bool).</summary>
    /// <param name="hint">What the constant is; the name is <see cref="FreshName"/>(hint).</param>
    /// <param name="value">The tensor.</param>
    /// <returns>The initializer's value name.</returns>
    public string AddInitializer(string hint, Tensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var name = FreshName(hint);
        var tensor = OnnxTensor.FromTensor(name, value);
        Graph.Initializers.Add(tensor);
        SetShape(name, new Shape(tensor.Dims));
        SetDType(name, OnnxDataTypes.ToKeras(tensor.DataType));
        return name;
    }

    /// <summary>Adds a float32 constant initializer.</summary>
    /// <param name="hint">What the constant is.</param>
    /// <param name="values">The elements, row-major.</param>
    /// <param name="dims">The dims. Defaults to one dimension of <c>values.Length</c>; <c>[]</c> is a scalar.</param>
    /// <returns>The initializer's value name.</returns>
    public string AddFloats(string hint, float[] values, long[]? dims = null)
    {
        var name = FreshName(hint);
        var tensor = OnnxTensor.FromFloats(name, values, dims);
        Graph.Initializers.Add(tensor);
        SetShape(name, new Shape(tensor.Dims));
        return name;
    }

    /// <summary>Adds an int64 constant initializer (shapes, axes, pads, starts/ends of <c>Slice</c>).</summary>
    /// <param name="hint">What the constant is.</param>
    /// <param name="values">The elements, row-major.</param>
    /// <param name="dims">The dims. Defaults to one dimension of <c>values.Length</c>; <c>[]</c> is a scalar.</param>
    /// <returns>The initializer's value name.</returns>
    public string AddInt64s(string hint, long[] values, long[]? dims = null)
    {
        var name = FreshName(hint);
        var tensor = OnnxTensor.FromInt64s(name, values, dims);
        Graph.Initializers.Add(tensor);
        SetShape(name, new Shape(tensor.Dims));
        SetDType(name, "int64");
        return name;
    }

    /// <summary>Adds a float32 scalar constant initializer.</summary>
    /// <param name="hint">What the constant is.</param>
    /// <param name="value">The value.</param>
    /// <returns>The initializer's value name.</returns>
    public string AddScalar(string hint, float value) => AddFloats(hint, [value], []);

    /// <summary>Adds a reduction (<c>ReduceMean</c>, <c>ReduceMax</c>, <c>ReduceSum</c>, ...) over axes, with the axes
    /// as an attribute or an input as the opset requires.</summary>
    /// <param name="opType">The reduction operator.</param>
    /// <param name="input">The input value.</param>
    /// <param name="axes">The axes (negative counts from the end).</param>
    /// <param name="keepDims">Whether reduced axes stay as size 1.</param>
    /// <returns>The output value name.</returns>
    public string AddReduce(string opType, string input, long[] axes, bool keepDims)
    {
        bool axesAsInput = opType == "ReduceSum" || Opset >= 18;
        return axesAsInput
            ? AddNode(opType, [input, AddInt64s("axes", axes)], OnnxAttribute.Int("keepdims", keepDims ? 1 : 0))
            : AddNode(opType, [input], OnnxAttribute.Ints("axes", axes), OnnxAttribute.Int("keepdims", keepDims ? 1 : 0));
    }

    /// <summary>Applies a Keras activation by name (<c>"relu"</c>, <c>"softmax"</c> over the last axis, ...);
    /// <c>"linear"</c>, null and empty add nothing.</summary>
    /// <param name="kerasName">The Keras activation name.</param>
    /// <param name="input">The input value.</param>
    /// <returns>The activated value.</returns>
    /// <exception cref="NotSupportedException">The activation has no ONNX export; the message lists those that do.</exception>
    public string AddActivation(string? kerasName, string input) => OnnxActivations.Apply(this, kerasName, input);

    /// <summary>Applies a Keras activation (by its <see cref="ActivationFunction.Name"/>).</summary>
    /// <param name="activation">The activation.</param>
    /// <param name="input">The input value.</param>
    /// <returns>The activated value.</returns>
    public string AddActivation(ActivationFunction? activation, string input) =>
        OnnxActivations.Apply(this, activation?.Name, input);

    /// <summary>Transposes a channels_last value (<c>N, d1, ..., C</c>) to channels_first (<c>N, C, d1, ...</c>), the
    /// layout of ONNX's Conv and pooling operators.</summary>
    /// <param name="input">The value.</param>
    /// <param name="rank">Its rank, batch included.</param>
    /// <returns>The transposed value.</returns>
    public string ToChannelsFirst(string input, int rank) =>
        Transpose(input, [0, rank - 1, .. Enumerable.Range(1, rank - 2)]);

    /// <summary>Transposes a channels_first value (<c>N, C, d1, ...</c>) back to channels_last
    /// (<c>N, d1, ..., C</c>).</summary>
    /// <param name="input">The value.</param>
    /// <param name="rank">Its rank, batch included.</param>
    /// <returns>The transposed value.</returns>
    public string ToChannelsLast(string input, int rank) =>
        Transpose(input, [0, .. Enumerable.Range(2, rank - 2), 1]);

    /// <summary>Adds a Transpose and records the permuted shape where the input's is known.</summary>
    /// <param name="input">The value.</param>
    /// <param name="perm">The permutation: output axis i is input axis perm[i].</param>
    /// <returns>The transposed value.</returns>
    public string Transpose(string input, int[] perm)
    {
        var output = AddNode("Transpose", [input], OnnxAttribute.Ints("perm", perm.Select(p => (long)p)));
        if (_shapes.TryGetValue(input, out var shape) && shape.Rank == perm.Length)
        {
            SetShape(output, new Shape(perm.Select(p => shape[p]).ToArray()));
        }
        return output;
    }

    /// <summary>The Keras shape of a value (batch dimension first, null where unknown), as recorded for layer inputs,
    /// outputs and initializers.</summary>
    /// <param name="value">The value name.</param>
    /// <returns>The shape.</returns>
    /// <exception cref="InvalidOperationException">No shape is known for the value.</exception>
    public Shape ShapeOf(string value) => _shapes.TryGetValue(value, out var shape)
        ? shape
        : throw new InvalidOperationException(
            $"No shape is known for ONNX value \"{value}\" (while exporting layer \"{_layer?.Name}\").");

    /// <summary>Whether a Keras shape is known for a value.</summary>
    /// <param name="value">The value name.</param>
    /// <returns>True when <see cref="ShapeOf"/> answers.</returns>
    public bool HasShape(string value) => _shapes.ContainsKey(value);

    /// <summary>Records the Keras shape of a value.</summary>
    /// <param name="value">The value name.</param>
    /// <param name="shape">The shape, batch dimension first.</param>
    public void SetShape(string value, Shape shape) => _shapes[value] = shape;

    /// <summary>The Keras dtype of a value. Defaults to <c>"float32"</c> where none was recorded.</summary>
    /// <param name="value">The value name.</param>
    /// <returns>The dtype name.</returns>
    public string DTypeOf(string value) => _dtypes.GetValueOrDefault(value, "float32");

    /// <summary>Records the Keras dtype of a value (<c>"int64"</c>, <c>"bool"</c>, ...).</summary>
    /// <param name="value">The value name.</param>
    /// <param name="dtype">The dtype name.</param>
    public void SetDType(string value, string dtype) => _dtypes[value] = dtype;

    /// <summary>The Keras mask carried beside a value: a bool value of shape <c>(batch, time)</c> made by
    /// <c>Masking</c> or <c>Embedding(mask_zero=True)</c> and passed on as the layers' <c>compute_mask</c> does, or
    /// null when the value has no mask.</summary>
    /// <param name="value">The value name.</param>
    /// <returns>The mask's value name, or null.</returns>
    public string? MaskOf(string value) => _masks.GetValueOrDefault(value);

    /// <summary>Records (or, with null, removes) the Keras mask carried beside a value.</summary>
    /// <param name="value">The value name.</param>
    /// <param name="mask">The bool mask value, shape <c>(batch, time)</c>, or null.</param>
    public void SetMask(string value, string? mask)
    {
        if (mask is null)
        {
            _masks.Remove(value);
        }
        else
        {
            _masks[value] = mask;
        }
    }

    /// <summary>Exports a call of another layer (a wrapper's inner layer, a nested model) with the registered exporter,
    /// and returns its outputs.</summary>
    /// <param name="layer">The layer.</param>
    /// <param name="inputs">Its input values, whose shapes are known.</param>
    /// <returns>Its output values.</returns>
    public IReadOnlyList<string> ExportLayer(Layer layer, IReadOnlyList<string> inputs) =>
        OnnxModelWalker.ExportCall(this, layer, inputs, null);

    internal void AddNodeWithOutputs(string opType, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs,
        IReadOnlyList<OnnxAttribute> attributes)
    {
        var unknown = inputs.FirstOrDefault(i => i.Length > 0 && !_valueNames.Contains(i));
        if (unknown is not null)
        {
            throw new InvalidOperationException(
                $"ONNX node {opType} of layer \"{_layer?.Name}\" reads value \"{unknown}\", which no node, input or " +
                "initializer defines.");
        }
        // The layer's first node takes the layer's name; its other nodes are "<layer>/<OpType>".
        var baseName = _layer is null ? opType : string.Concat(_scopes.Select(s => s + "/")) + _layer.Name;
        var name = UniqueNodeName(_nodeNames.Contains(baseName) ? baseName + "/" + opType : baseName);
        var target = _subgraphs.Count > 0 ? _subgraphs.Peek() : Graph;
        target.Nodes.Add(new OnnxNode(name, opType, inputs.ToList(), outputs.ToList(), attributes.ToList()));
    }

    /// <summary>Starts a subgraph (a <c>Scan</c> body): nodes go into it until <see cref="EndSubgraph"/>, while
    /// initializers stay in the main graph, where the body reads them as outer-scope values.</summary>
    internal OnnxGraph BeginSubgraph(string name)
    {
        var graph = new OnnxGraph(name);
        _subgraphs.Push(graph);
        return graph;
    }

    internal void EndSubgraph() => _subgraphs.Pop();

    /// <summary>Declares a value defined outside any node (a subgraph input), so nodes may read it.</summary>
    internal string DeclareValue(string hint) => FreshName(hint);

    internal string Reserve(string name)
    {
        var candidate = name;
        for (int i = 1; !_valueNames.Add(candidate); i++)
        {
            candidate = $"{name}_{i}";
        }
        return candidate;
    }

    internal bool IsValueName(string name) => _valueNames.Contains(name);

    internal void Rename(string from, string to)
    {
        _valueNames.Add(to);
        foreach (var node in Graph.Nodes)
        {
            Replace(node.Inputs, from, to);
            Replace(node.Outputs, from, to);
        }
        if (_shapes.Remove(from, out var shape))
        {
            _shapes[to] = shape;
        }
        if (_dtypes.Remove(from, out var dtype))
        {
            _dtypes[to] = dtype;
        }
        if (_masks.Remove(from, out var mask))
        {
            _masks[to] = mask;
        }
    }

    internal Layer? EnterLayer(Layer? layer)
    {
        var previous = _layer;
        _layer = layer;
        return previous;
    }

    internal void PushScope(string name) => _scopes.Add(name);

    internal void PopScope() => _scopes.RemoveAt(_scopes.Count - 1);

    private string UniqueNodeName(string name)
    {
        var candidate = name;
        for (int i = 1; !_nodeNames.Add(candidate); i++)
        {
            candidate = $"{name}_{i}";
        }
        return candidate;
    }

    private static void Replace(List<string> names, string from, string to)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i] == from)
            {
                names[i] = to;
            }
        }
    }
}
