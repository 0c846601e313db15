using Keras.Initializers;

namespace Keras;

/// <summary>The base of every layer: lazy building, named weights, trainable flags, input checks and configs.</summary>
/// <remarks>
/// The public <see cref="Call(Tensor, bool?, Tensor?)"/> and <see cref="Build(Shape)"/> belong to the framework: they resolve the
/// <c>training</c> flag, build on first use, check the input against <see cref="InputSpec"/> and then run the hooks.
/// Layer authors override <see cref="BuildCore(Shape)"/>, <see cref="CallCore(Tensor, bool)"/>, <see cref="ComputeOutputShape"/> and
/// <see cref="GetConfig"/>, and create weights with <see cref="AddWeight"/>.
/// </remarks>
/// <example><code>
/// public sealed class Scale : Layer
/// {
///     private Variable? _factor;
///     protected override void BuildCore(Shape inputShape) =&gt; _factor = AddWeight("factor", [1], "ones");
///     protected override Tensor CallCore(Tensor inputs, bool training) =&gt; inputs * _factor!.Value;
///     public override Shape ComputeOutputShape(Shape inputShape) =&gt; inputShape;
/// }
/// </code></example>
public abstract partial class Layer : IDisposable
{
    [ThreadStatic]
    private static bool? _ambientTraining;

    private static int _trainableVersion;
    private readonly List<Variable> _variables = [];
    private readonly List<Layer> _layers = [];
    private readonly Lock _buildGate = new();
    private bool _trainable = true;
    private bool _disposed;

    /// <summary>Creates a layer.</summary>
    /// <param name="name">The layer's name; defaults to a unique snake_case name from the class (<c>dense</c>, <c>dense_1</c>).</param>
    /// <param name="trainable">Whether its weights are trained. Defaults to true.</param>
    /// <param name="dtype">The weights' dtype. Defaults to <c>"float32"</c>.</param>
    protected Layer(string? name = null, bool trainable = true, string dtype = "float32")
    {
        if (name is not null && string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"Layer name must be a non-empty string. Received: name=\"{name}\"", nameof(name));
        }
        Name = name ?? LayerNames.Unique(LayerNames.ToSnakeCase(GetType().Name));
        _trainable = trainable;
        DType = dtype;
    }

    /// <summary>The layer's unique name.</summary>
    public string Name { get; }

    /// <summary>The weights' dtype (<c>float32</c>).</summary>
    public string DType { get; }

    /// <summary>The Keras class name used in summaries and configs (the C# type name).</summary>
    public virtual string ClassName => GetType().Name;

    /// <summary>Whether <see cref="Build"/> has run.</summary>
    public bool Built { get; private set; }

    /// <summary>The shape the layer was built for (with batch dimension), once built.</summary>
    public Shape? BuildInputShape { get; private set; }

    /// <summary>What the layer accepts; checked on every call. Layers usually set it in <see cref="BuildCore(Shape)"/>.</summary>
    public InputSpec? InputSpec { get; protected set; }

    /// <summary>Whether the layer's weights are updated by training. Setting it on a model freezes every sublayer.</summary>
    /// <remarks>As in Keras, a change takes effect in <c>Fit</c> after the next <c>Compile</c>.</remarks>
    public bool Trainable
    {
        get => _trainable;
        set
        {
            _trainable = value;
            Interlocked.Increment(ref _trainableVersion);
            foreach (var layer in _layers)
            {
                layer.Trainable = value;
            }
            OnTrainableChanged();
        }
    }

    /// <summary>Changes whenever any layer's <see cref="Trainable"/> flag is set (lets the engine cache weight lists).</summary>
    internal static int TrainableVersion => Volatile.Read(ref _trainableVersion);

    /// <summary>Sublayers tracked by this layer, in the order they were added.</summary>
    public IReadOnlyList<Layer> Sublayers => _layers;

    /// <summary>All weights: this layer's own, then its sublayers' (trainable and not).</summary>
    public IReadOnlyList<Variable> Weights => [.. _variables, .. _layers.SelectMany(l => l.Weights)];

    /// <summary>Weights that training updates.</summary>
    public IReadOnlyList<Variable> TrainableWeights => Trainable
        ? [.. _variables.Where(v => v.Trainable), .. _layers.SelectMany(l => l.TrainableWeights)]
        : [];

    /// <summary>Weights that training leaves alone (frozen weights, BatchNorm moving statistics).</summary>
    public IReadOnlyList<Variable> NonTrainableWeights => Trainable
        ? [.. _variables.Where(v => !v.Trainable), .. _layers.SelectMany(l => l.NonTrainableWeights)]
        : Weights;

    /// <summary>The total number of scalars in <see cref="Weights"/>.</summary>
    public long CountParams()
    {
        if (!Built)
        {
            throw new InvalidOperationException(
                $"You tried to call `CountParams` on layer \"{Name}\", but the layer isn't built. " +
                "You can build it manually via: `layer.Build(inputShape)`.");
        }
        return Weights.Sum(v => v.Shape.NumElements ?? 0);
    }

    /// <summary>Creates the layer's weights for inputs of <paramref name="inputShape"/> (with batch dimension).</summary>
    /// <param name="inputShape">The input shape, e.g. <c>[null, 784]</c>.</param>
    public void Build(Shape inputShape)
    {
        lock (_buildGate)
        {
            if (Built)
            {
                return;
            }
            BuildCore(inputShape);
            BuildInputShape = inputShape;
            Built = true;
        }
    }

    /// <summary>Runs the layer on a tensor, building it first if needed.</summary>
    /// <param name="inputs">The input batch.</param>
    /// <param name="training">Training mode; <c>null</c> inherits the enclosing call's mode (inference at top level).</param>
    /// <param name="mask">A boolean mask for the input; <c>null</c> uses the mask attached to <paramref name="inputs"/>
    /// by the previous layer (see <see cref="KerasMask"/>).</param>
    /// <returns>The output, carrying <see cref="ComputeMask"/>'s mask when there is one.</returns>
    public Tensor Call(Tensor inputs, bool? training = null, Tensor? mask = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var shape = new Shape(inputs.shape);
        InputSpec?.AssertCompatible(shape, Name);
        if (!Built)
        {
            Build(shape.Rank > 0 ? shape.With(0, null) : shape);
            InputSpec?.AssertCompatible(shape, Name);
        }
        var inputMask = mask ?? KerasMask.Get(inputs);
        bool? outer = _ambientTraining;
        bool mode = training ?? outer ?? TrainingByDefault;
        _ambientTraining = mode;
        BeginCall();
        try
        {
            var output = CallCore(inputs, inputMask, mode);
            // A fresh output carries no mask, so without masks in play there is nothing to attach or remove.
            if (!MasksComeFromSublayers && (inputMask is not null || MakesMasks))
            {
                KerasMask.Set(output, ComputeMask(inputs, inputMask));
            }
            AddActivityLoss(output);
            return output;
        }
        finally
        {
            _ambientTraining = outer;
            EndCall();
        }
    }

    /// <summary>The output shape for an input shape, without running kernels.</summary>
    /// <param name="inputShape">The input shape, with batch dimension.</param>
    /// <returns>The output shape.</returns>
    /// <remarks>Built-in layers compute it; the default runs <see cref="CallCore(Tensor, bool)"/> once on small zero tensors.</remarks>
    public virtual Shape ComputeOutputShape(Shape inputShape)
    {
        using var scope = Backend.KerasBackend.Current.MemoryScope();
        using var noGrad = Backend.KerasBackend.Current.NoGrad();
        var probeDims = inputShape.Select(d => (long)(d ?? 1)).ToArray();
        if (!Built)
        {
            Build(inputShape);
        }
        var output = CallCore(Ops.Zeros(probeDims), training: false);
        var dims = output.shape.Select(d => (int?)checked((int)d)).ToArray();
        if (inputShape.Rank > 0 && inputShape[0] is null && dims.Length > 0)
        {
            dims[0] = null;
        }
        return new Shape(dims);
    }

    /// <summary>The layer's Keras config: constructor arguments in snake_case plus <c>name</c>, <c>trainable</c>, <c>dtype</c>.</summary>
    /// <returns>The config dictionary.</returns>
    /// <remarks>As Keras 3, <c>activity_regularizer</c> is written only when one is set.</remarks>
    public virtual Dictionary<string, object?> GetConfig()
    {
        var config = new Dictionary<string, object?>
        {
            ["name"] = Name,
            ["trainable"] = Trainable,
            ["dtype"] = DType,
        };
        if (ActivityRegularizer is not null)
        {
            config["activity_regularizer"] = ActivityRegularizer;
        }
        return config;
    }

    /// <summary>Creates the weights. Called once, from <see cref="Build"/>.</summary>
    /// <param name="inputShape">The input shape, with batch dimension.</param>
    protected virtual void BuildCore(Shape inputShape)
    {
    }

    /// <summary>The layer's computation on a real tensor.</summary>
    /// <param name="inputs">The input batch.</param>
    /// <param name="training">True while training (dropout active, statistics updated).</param>
    /// <returns>The output.</returns>
    protected abstract Tensor CallCore(Tensor inputs, bool training);

    /// <summary>The computation with the input's mask. Layers that use masks (RNNs, attention, pooling over time)
    /// override this; by default it ignores the mask and runs <see cref="CallCore(Tensor, bool)"/>.</summary>
    /// <param name="inputs">The input batch.</param>
    /// <param name="mask">The input's boolean mask, or <c>null</c>.</param>
    /// <param name="training">True while training.</param>
    /// <returns>The output.</returns>
    protected virtual Tensor CallCore(Tensor inputs, Tensor? mask, bool training) => CallCore(inputs, training);

    /// <summary>The mode of a call that names none and has no enclosing call: false (inference) for most layers; true
    /// for the random augmentation layers, which augment when called on their own, as Keras 3's
    /// <c>call(inputs, training=True)</c>. Inside a model, the model's mode (inference in <c>Predict</c>) wins.</summary>
    protected virtual bool TrainingByDefault => false;

    /// <summary>Called after <see cref="Trainable"/> changes (e.g. to switch BatchNormalization to inference).</summary>
    protected virtual void OnTrainableChanged()
    {
        foreach (var v in _variables)
        {
            v.Trainable = _trainable && v.DeclaredTrainable;
        }
    }

    /// <summary>Creates a weight owned by this layer, named <c>{layer}/{name}</c>.</summary>
    /// <param name="name">The weight name (<c>kernel</c>).</param>
    /// <param name="shape">The shape in Keras layout.</param>
    /// <param name="initializer">The initializer. Defaults to <c>glorot_uniform</c>, as Keras.</param>
    /// <param name="trainable">Whether training updates it. Defaults to true.</param>
    /// <param name="regularizer">An optional penalty added to the loss.</param>
    /// <param name="constraint">An optional projection applied after each update.</param>
    /// <returns>The variable.</returns>
    protected Variable AddWeight(string name, Shape shape, Initializer? initializer = null, bool trainable = true,
        Regularizers.Regularizer? regularizer = null, Constraints.Constraint? constraint = null)
    {
        initializer ??= new GlorotUniform();
        using var scope = Backend.KerasBackend.Current.MemoryScope();
        using var noGrad = Backend.KerasBackend.Current.NoGrad();
        var value = initializer.Call(shape.ToLongArray(), DType);
        var variable = new Variable(name, $"{Name}/{name}", value, trainable && _trainable, DType)
        {
            DeclaredTrainable = trainable,
            Regularizer = regularizer,
            Constraint = constraint,
        };
        _variables.Add(variable);
        return variable;
    }

    /// <summary>Tracks a sublayer so its weights, trainable flag and disposal follow this layer's.</summary>
    /// <typeparam name="T">The layer type.</typeparam>
    /// <param name="layer">The sublayer.</param>
    /// <returns>The same sublayer.</returns>
    protected T TrackLayer<T>(T layer) where T : Layer
    {
        if (!_layers.Contains(layer))
        {
            _layers.Add(layer);
        }
        return layer;
    }

    /// <summary>This layer's own variables in Keras 3's saving order: those created trainable, then the others
    /// (Keras' <c>_trainable_variables + _non_trainable_variables</c>, fixed at creation, unlike
    /// <see cref="TrainableWeights"/>).</summary>
    internal IReadOnlyList<Variable> OwnVariablesInSavingOrder =>
        [.. _variables.Where(v => v.DeclaredTrainable), .. _variables.Where(v => !v.DeclaredTrainable)];

    /// <summary>The sublayers under the attribute names Keras 3 gives them in a <c>.keras</c> / <c>.weights.h5</c>
    /// file (<c>cell</c>, <c>forward_layer</c>, ...), in Keras' visiting order. Composite layers override it; the
    /// default names each tracked sublayer by its layer name. A model's <c>layers</c> container is handled by the
    /// saving walk itself and is not listed here.</summary>
    internal virtual IEnumerable<Saving.KerasV3.SaveableChild> SaveableChildren =>
        this is Model ? [] : _layers.Select(l => new Saving.KerasV3.SaveableChild(l.Name, l));

    /// <summary>Stops tracking a sublayer (used by <c>Sequential.Pop</c>).</summary>
    /// <param name="layer">The sublayer.</param>
    protected void UntrackLayer(Layer layer) => _layers.Remove(layer);

    /// <summary>Resets the built state so the layer builds again on its next call (used after structural changes).</summary>
    protected void MarkUnbuilt()
    {
        Built = false;
        BuildInputShape = null;
        BuildInputShapes = null;
    }

    /// <summary>Frees the layer's weights and its sublayers'.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        foreach (var v in _variables)
        {
            v.Dispose();
        }
        foreach (var l in _layers)
        {
            l.Dispose();
        }
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public override string ToString() => $"<{ClassName} name={Name}, built={Built}>";
}
