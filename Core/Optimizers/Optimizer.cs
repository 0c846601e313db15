namespace Keras.Optimizers;

/// <summary>The base of optimizers (<c>keras.optimizers.Optimizer</c>): slots, gradient clipping, weight decay and one
/// <see cref="UpdateStep"/> per variable.</summary>
/// <remarks><see cref="LearningRate"/> may be changed at any time, also during training (callbacks do).
/// Strings convert implicitly: <c>Optimizer opt = "adam";</c> gives Keras' defaults.</remarks>
/// <example><code>
/// var adam = new Adam(learningRate: 1e-3);
/// model.Compile(optimizer: adam, loss: "mse");
/// </code></example>
public abstract class Optimizer
{
    private readonly List<Variable> _slots = [];
    private readonly Dictionary<Variable, int> _index = new(ReferenceEqualityComparer.Instance);
    private double _learningRate;

    /// <summary>Creates an optimizer.</summary>
    /// <param name="learningRate">The learning rate; must be positive.</param>
    /// <param name="name">The Keras name (<c>adam</c>).</param>
    /// <param name="weightDecay">Decoupled weight decay applied before each update, if set.</param>
    /// <param name="clipnorm">Clip each gradient to this L2 norm, if set.</param>
    /// <param name="clipvalue">Clip each gradient element to ±this value, if set.</param>
    /// <param name="globalClipnorm">Clip all gradients jointly to this global norm, if set.</param>
    protected Optimizer(double learningRate, string name, double? weightDecay = null, double? clipnorm = null,
        double? clipvalue = null, double? globalClipnorm = null)
    {
        if (clipnorm is not null && globalClipnorm is not null)
        {
            throw new ArgumentException(
                "Only one of `clipnorm` and `global_clipnorm` can be set. Received: " +
                $"clipnorm={clipnorm}, global_clipnorm={globalClipnorm}");
        }
        LearningRate = learningRate;
        Name = name;
        WeightDecay = weightDecay;
        Clipnorm = clipnorm;
        Clipvalue = clipvalue;
        GlobalClipnorm = globalClipnorm;
    }

    /// <summary>The Keras name, used for slot variable paths.</summary>
    public string Name { get; }

    /// <summary>The learning rate used by the next update; may be changed during training.</summary>
    public double LearningRate
    {
        get => _learningRate;
        set
        {
            if (!(value >= 0) || double.IsInfinity(value))
            {
                throw new ArgumentException(
                    $"Optimizer \"{Name}\" expects a non-negative finite learning rate. Received: learning_rate={value}",
                    nameof(value));
            }
            _learningRate = value;
        }
    }

    /// <summary>Decoupled weight decay, if set.</summary>
    public double? WeightDecay { get; }

    /// <summary>Per-gradient L2-norm clipping, if set.</summary>
    public double? Clipnorm { get; }

    /// <summary>Elementwise gradient clipping, if set.</summary>
    public double? Clipvalue { get; }

    /// <summary>Global-norm gradient clipping, if set.</summary>
    public double? GlobalClipnorm { get; }

    /// <summary>The number of updates applied so far (Keras' <c>iterations</c>).</summary>
    public long Iterations { get; protected internal set; }

    /// <summary>Whether slots have been created.</summary>
    public bool Built { get; private set; }

    /// <summary>The optimizer's state variables (slots), in creation order.</summary>
    public IReadOnlyList<Variable> Variables => _slots;

    /// <summary>Creates slot variables for <paramref name="variables"/>; called by the first <see cref="Apply"/>.</summary>
    /// <param name="variables">The trainable variables, in model order.</param>
    public void Build(IReadOnlyList<Variable> variables)
    {
        if (Built)
        {
            return;
        }
        for (int i = 0; i < variables.Count; i++)
        {
            _index[variables[i]] = i;
        }
        BuildCore(variables);
        Built = true;
    }

    /// <summary>Applies one update from <paramref name="gradients"/> to <paramref name="variables"/> (same order).</summary>
    /// <param name="gradients">One gradient per variable (a null gradient skips its variable).</param>
    /// <param name="variables">The variables.</param>
    public void Apply(IReadOnlyList<Tensor?> gradients, IReadOnlyList<Variable> variables)
    {
        if (gradients.Count != variables.Count)
        {
            throw new ArgumentException(
                $"Optimizer \"{Name}\" received {gradients.Count} gradients for {variables.Count} variables.");
        }
        Build(variables);
        using var noGrad = Ops.NoGrad();
        var grads = ClipGradients(gradients);
        double lr = LearningRate;
        Iterations++;
        for (int i = 0; i < variables.Count; i++)
        {
            var grad = grads[i];
            if (grad is null)
            {
                continue;
            }
            var variable = variables[i];
            if (WeightDecay is double wd && wd != 0 && ApplyDecoupledWeightDecay)
            {
                variable.Value.mul_(1 - wd * lr);
            }
            UpdateStep(grad, variable, IndexOf(variable), lr);
            if (variable.Constraint is { } constraint)
            {
                variable.Value.copy_(constraint(variable.Value));
            }
        }
    }

    /// <summary>Whether the base class applies decoupled weight decay (<c>var -= var·wd·lr</c>) before the update.</summary>
    protected virtual bool ApplyDecoupledWeightDecay => true;

    /// <summary>Creates the per-variable slots (<see cref="AddSlot"/>).</summary>
    /// <param name="variables">The trainable variables, in order.</param>
    protected virtual void BuildCore(IReadOnlyList<Variable> variables)
    {
    }

    /// <summary>Updates one variable in place, under no-grad.</summary>
    /// <param name="gradient">The (clipped) gradient.</param>
    /// <param name="variable">The variable.</param>
    /// <param name="index">The variable's index, for slot lookup.</param>
    /// <param name="learningRate">The current learning rate.</param>
    protected abstract void UpdateStep(Tensor gradient, Variable variable, int index, double learningRate);

    /// <summary>Creates a zero-initialised slot shaped like <paramref name="reference"/>, e.g. Adam's <c>momentum</c>.</summary>
    /// <param name="reference">The variable the slot belongs to.</param>
    /// <param name="slotName">The slot name (<c>momentum</c>, <c>velocity</c>).</param>
    /// <param name="initialValue">The fill value. Defaults to 0.</param>
    /// <returns>The slot variable.</returns>
    protected Variable AddSlot(Variable reference, string slotName, double initialValue = 0.0)
    {
        using var scope = Backend.KerasBackend.Current.MemoryScope();
        var value = Ops.Full(reference.Shape.ToLongArray(), initialValue, reference.DType);
        string path = $"{Name}/{reference.Path.Replace('/', '_')}_{slotName}";
        var slot = new Variable($"{reference.Path.Replace('/', '_')}_{slotName}", path, value, trainable: false,
            reference.DType);
        _slots.Add(slot);
        return slot;
    }

    /// <summary>The Keras config (<c>name</c>, <c>learning_rate</c>, clipping and decay settings plus the optimizer's own).</summary>
    /// <returns>The config.</returns>
    public virtual Dictionary<string, object?> GetConfig() => new()
    {
        ["name"] = Name,
        ["learning_rate"] = LearningRate,
        ["weight_decay"] = WeightDecay,
        ["clipnorm"] = Clipnorm,
        ["global_clipnorm"] = GlobalClipnorm,
        ["clipvalue"] = Clipvalue,
        ["use_ema"] = false,
        ["ema_momentum"] = 0.99,
        ["ema_overwrite_frequency"] = null,
        ["loss_scale_factor"] = null,
        ["gradient_accumulation_steps"] = null,
    };

    /// <summary>Looks up an optimizer by Keras name with Keras' defaults (<c>"adam"</c>, <c>"sgd"</c>).</summary>
    /// <param name="name">The name.</param>
    public static implicit operator Optimizer(string name) => Get(name);

    /// <summary>Looks up an optimizer by Keras name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>A new optimizer with default settings.</returns>
    /// <exception cref="ArgumentException">The name is unknown; the message lists the valid names.</exception>
    public static Optimizer Get(string name) => OptimizerCatalog.Create(name);

    private int IndexOf(Variable variable) => _index.TryGetValue(variable, out int index)
        ? index
        : throw new InvalidOperationException(
            $"Optimizer \"{Name}\" was built for other variables and does not know \"{variable.Path}\". " +
            "Recompile the model (or create a new optimizer) after changing which weights train.");

    private IReadOnlyList<Tensor?> ClipGradients(IReadOnlyList<Tensor?> gradients)
    {
        IReadOnlyList<Tensor?> grads = gradients;
        if (Clipvalue is double cv)
        {
            grads = grads.Select(g => g?.clamp(-cv, cv)).ToList();
        }
        if (Clipnorm is double cn)
        {
            grads = grads.Select(g => g is null ? null : ClipByNorm(g, cn)).ToList();
        }
        if (GlobalClipnorm is double gcn)
        {
            var present = grads.Where(g => g is not null).Select(g => g!.square().sum()).ToList();
            if (present.Count > 0)
            {
                var globalNorm = Ops.Stack(present).sum().sqrt();
                var factor = Ops.Minimum(Ops.Scalar(gcn, globalNorm) / globalNorm.clamp_min(1e-12), Ops.Scalar(1.0, globalNorm));
                grads = grads.Select(g => g is null ? null : g * factor).ToList();
            }
        }
        return grads;
    }

    private static Tensor ClipByNorm(Tensor g, double clipNorm)
    {
        var l2 = g.square().sum().sqrt();
        var factor = Ops.Scalar(clipNorm, l2) / Ops.Maximum(l2, Ops.Scalar(clipNorm, l2));
        return g * factor;
    }
}
