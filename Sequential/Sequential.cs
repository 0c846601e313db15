using Keras.Layers;

namespace Keras;

/// <summary>A plain stack of layers, each feeding the next (<c>keras.Sequential</c>).</summary>
/// <remarks>Start with an <see cref="Input"/> (or <see cref="InputLayer"/>) to build immediately; otherwise the model
/// builds on its first call or <c>Fit</c>. <see cref="Model.Layers"/> excludes the input layer, as in Keras.</remarks>
/// <example><code>
/// var model = new Sequential(
///     new Input([28, 28]),
///     new Flatten(),
///     new Dense(128, activation: "relu"),
///     new Dropout(0.2),
///     new Dense(10, activation: "softmax"));
/// model.Summary();
/// </code></example>
public sealed class Sequential : Model
{
    private readonly List<Layer> _layers = [];
    private InputLayer? _inputLayer;

    /// <summary>Creates a model from layers (the first may be an <see cref="Input"/> or <see cref="InputLayer"/>).</summary>
    /// <param name="layers">The layers, in order.</param>
    public Sequential(params Layer[] layers) : this(layers, null)
    {
    }

    /// <summary>Creates a named model from layers.</summary>
    /// <param name="layers">The layers, in order.</param>
    /// <param name="name">The model name. Defaults to <c>sequential</c>, <c>sequential_1</c>, ...</param>
    public Sequential(IEnumerable<Layer> layers, string? name) : base(name)
    {
        foreach (var layer in layers)
        {
            Add(layer);
        }
    }

    /// <summary>Creates a model whose first item is an input declaration.</summary>
    /// <param name="input">The input.</param>
    /// <param name="layers">The layers after it.</param>
    public Sequential(Input input, params Layer[] layers) : this([input.Layer, .. layers], null)
    {
    }

    /// <inheritdoc />
    public override IReadOnlyList<Layer> Layers => _layers;

    /// <inheritdoc />
    internal override IReadOnlyList<Layer>? StackedLayers => _inputLayer is null ? _layers : [_inputLayer, .. _layers];

    /// <summary>The input layer, when the model was given one.</summary>
    public InputLayer? InputLayer => _inputLayer;

    /// <inheritdoc />
    public override string InputDType => _inputLayer?.DType ?? "float32";

    /// <summary>Adds a layer on top of the stack (<c>model.add</c>).</summary>
    /// <param name="layer">The layer; an <see cref="InputLayer"/> only as the first item.</param>
    public void Add(Layer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (layer is InputLayer input)
        {
            if (_inputLayer is not null || _layers.Count > 0)
            {
                throw new ArgumentException(
                    $"Sequential model \"{Name}\" already has layers; an InputLayer (\"{input.Name}\") can only be " +
                    "the first layer of a Sequential model.", nameof(layer));
            }
            _inputLayer = input;
            TryBuildFromInput();
            return;
        }
        if (ReferenceEquals(layer, this))
        {
            throw new ArgumentException($"Cannot add model \"{Name}\" to itself.", nameof(layer));
        }
        if (_layers.Any(l => l.Name == layer.Name))
        {
            throw new ArgumentException(
                "All layers added to a Sequential model should have unique names. Name \"" + layer.Name +
                $"\" is already the name of a layer in this model. Update the `name` argument to pass a unique name.",
                nameof(layer));
        }
        _layers.Add(layer);
        TrackLayer(layer);
        MarkUnbuilt();
        TryBuildFromInput();
    }

    /// <summary>Removes the last layer (<c>model.pop</c>).</summary>
    /// <returns>The removed layer.</returns>
    public Layer Pop()
    {
        if (_layers.Count == 0)
        {
            throw new InvalidOperationException($"There are no layers in the model \"{Name}\".");
        }
        var last = _layers[^1];
        _layers.RemoveAt(_layers.Count - 1);
        UntrackLayer(last);
        MarkUnbuilt();
        TryBuildFromInput();
        return last;
    }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape)
    {
        var shape = inputShape;
        foreach (var layer in _layers)
        {
            shape = layer.ComputeOutputShape(shape);
        }
        return shape;
    }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var layers = new List<object?>();
        if (_inputLayer is not null)
        {
            layers.Add(_inputLayer);
        }
        layers.AddRange(_layers);
        return new Dictionary<string, object?>
        {
            ["name"] = Name,
            ["trainable"] = Trainable,
            ["dtype"] = DType,
            ["layers"] = layers,
            ["build_input_shape"] = BuildInputShape?.ToArray(),
        };
    }

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape)
    {
        if (_inputLayer is not null && !IsCompatible(_inputLayer.BatchShape, inputShape))
        {
            throw new ArgumentException(
                $"Input 0 of layer \"{Name}\" is incompatible with the layer: expected shape={_inputLayer.BatchShape}, " +
                $"found shape={inputShape}");
        }
        var shape = inputShape;
        foreach (var layer in _layers)
        {
            layer.Build(shape);
            shape = layer.ComputeOutputShape(shape);
        }
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training)
    {
        var x = inputs;
        if (_inputLayer is not null)
        {
            _inputLayer.InputSpecCheck(x);
        }
        foreach (var layer in _layers)
        {
            x = layer.Call(x, training);
        }
        return x;
    }

    /// <inheritdoc />
    protected override IEnumerable<(Layer Layer, string OutputShape, string? ConnectedTo)> SummaryRows()
    {
        Shape? shape = BuildInputShape ?? _inputLayer?.BatchShape;
        foreach (var layer in _layers)
        {
            string text = "?";
            if (shape is Shape s)
            {
                try
                {
                    shape = layer.ComputeOutputShape(s);
                    text = shape.Value.ToString();
                }
                catch (ArgumentException)
                {
                    shape = null;
                }
            }
            yield return (layer, text, null);
        }
    }

    private void TryBuildFromInput()
    {
        if (_inputLayer is not null && _layers.Count > 0 && !Built)
        {
            Build(_inputLayer.BatchShape);
        }
    }

    private static bool IsCompatible(Shape expected, Shape actual) =>
        expected.Rank == actual.Rank &&
        expected.Zip(actual).All(p => p.First is null || p.Second is null || p.First == p.Second);
}
