using System.Text.RegularExpressions;
using Keras.Backend;
using Keras.Optimizers.Schedules;

namespace Keras.Optimizers;

/// <summary>The base of optimizers (<c>keras.optimizers.Optimizer</c>): slots, gradient clipping, weight decay and one
/// <see cref="UpdateStep"/> per variable.</summary>
/// <remarks>
/// <para>Each <see cref="Apply"/> runs Keras' order: drop variables without a gradient, clip the gradients
/// (<see cref="Clipnorm"/>, else <see cref="GlobalClipnorm"/>, else <see cref="Clipvalue"/>), apply decoupled weight
/// decay <c>w -= w·weight_decay·lr</c>, call <see cref="UpdateStep"/> for each variable, apply constraints, then
/// increment <see cref="Iterations"/>. Inside <see cref="UpdateStep"/>, Keras' <c>local_step</c> is
/// <c>Iterations + 1</c>.</para>
/// <para><see cref="LearningRate"/> may be changed at any time, also during training (callbacks do), unless the
/// optimizer was created with a <see cref="LearningRateSchedule"/>: then each update uses the schedule's value at
/// <see cref="Iterations"/> (before the increment) and the rate cannot be set.
/// Strings convert implicitly: <c>Optimizer opt = "adam";</c> gives Keras' defaults.</para>
/// </remarks>
/// <example><code>
/// var adam = new Adam(learningRate: 1e-3);
/// model.Compile(optimizer: adam, loss: "mse");
/// var scheduled = new SGD(learningRate: new ExponentialDecay(0.1, decaySteps: 1000, decayRate: 0.96));
/// </code></example>
public abstract partial class Optimizer
{
    private readonly List<Variable> _slots = [];
    private readonly Dictionary<Variable, int> _index = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(double Value, string DType, DeviceType Device, int Index), Tensor> _constants = [];
    private HashSet<Variable> _excludedVariables = new(ReferenceEqualityComparer.Instance);
    private Regex? _excludedNames;
    private bool[]? _useWeightDecay;
    private double _learningRate;

    /// <summary>Creates an optimizer.</summary>
    /// <param name="learningRate">The learning rate, non-negative and finite, or a <see cref="LearningRateSchedule"/>.
    /// </param>
    /// <param name="name">The Keras name (<c>adam</c>), used in slot paths.</param>
    /// <param name="weightDecay">Decoupled weight decay applied before each update, if set; must be non-negative.
    /// Defaults to none.</param>
    /// <param name="clipnorm">Clip each gradient to this L2 norm, if set. Defaults to none.</param>
    /// <param name="clipvalue">Clip each gradient element to ±this value, if set. Defaults to none.</param>
    /// <param name="globalClipnorm">Clip all gradients jointly to this global norm, if set. Defaults to none.</param>
    /// <exception cref="ArgumentException">An argument is out of range, or more than one clipping option is
    /// set.</exception>
    protected Optimizer(LearningRateOrSchedule learningRate, string name, double? weightDecay = null,
        double? clipnorm = null, double? clipvalue = null, double? globalClipnorm = null)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException(
                $"Optimizer name must be a non-empty string. Received: name=\"{name}\"", nameof(name));
        }
        Name = name;
        Schedule = learningRate.Schedule;
        if (Schedule is null)
        {
            _learningRate = CheckLearningRate(learningRate.Value, nameof(learningRate));
        }
        int clipArgs = (clipnorm is null ? 0 : 1) + (clipvalue is null ? 0 : 1) + (globalClipnorm is null ? 0 : 1);
        if (clipArgs > 1)
        {
            throw new ArgumentException(
                "Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. Received: " +
                $"clipnorm={Show(clipnorm)}, clipvalue={Show(clipvalue)}, global_clipnorm={Show(globalClipnorm)}");
        }
        WeightDecay = OptimizerArguments.NonNegative(weightDecay, "weight_decay", nameof(weightDecay));
        Clipnorm = OptimizerArguments.NonNegative(clipnorm, "clipnorm", nameof(clipnorm));
        Clipvalue = OptimizerArguments.NonNegative(clipvalue, "clipvalue", nameof(clipvalue));
        GlobalClipnorm = OptimizerArguments.NonNegative(globalClipnorm, "global_clipnorm", nameof(globalClipnorm));
    }

    /// <summary>The Keras name, used for slot variable paths (<c>adam/dense_kernel_momentum</c>).</summary>
    public string Name { get; }

    /// <summary>The learning rate used by the next update: the fixed rate, or the <see cref="Schedule"/>'s value at
    /// <see cref="Iterations"/>. A fixed rate may be changed during training.</summary>
    /// <exception cref="ArgumentException">The value set is negative, infinite or NaN.</exception>
    /// <exception cref="InvalidOperationException">The optimizer uses a <see cref="Schedule"/>.</exception>
    public double LearningRate
    {
        get => Schedule is null ? _learningRate : Schedule.Call(Iterations);
        set
        {
            if (Schedule is not null)
            {
                throw new InvalidOperationException(
                    "This optimizer was created with a `LearningRateSchedule` object as its `learning_rate` " +
                    "constructor argument, hence its learning rate is not settable. If you need the learning rate " +
                    "to be settable, you should instantiate the optimizer with a float `learning_rate` argument.");
            }
            _learningRate = CheckLearningRate(value, nameof(LearningRate));
        }
    }

    /// <summary>The learning-rate schedule the optimizer was created with, or null for a fixed rate.</summary>
    public LearningRateSchedule? Schedule { get; }

    /// <summary>Decoupled weight decay (<c>w -= w·weight_decay·lr</c> before each update), if set.</summary>
    public double? WeightDecay { get; }

    /// <summary>Per-gradient L2-norm clipping, if set (0 disables it, as in Keras).</summary>
    public double? Clipnorm { get; }

    /// <summary>Elementwise gradient clipping to <c>[-clipvalue, clipvalue]</c>, if set (0 disables it, as in
    /// Keras).</summary>
    public double? Clipvalue { get; }

    /// <summary>Global-norm gradient clipping over all gradients, if set (0 disables it, as in Keras).</summary>
    public double? GlobalClipnorm { get; }

    /// <summary>The number of updates applied so far (Keras' <c>iterations</c>).</summary>
    public long Iterations { get; protected internal set; }

    /// <summary>Whether slots have been created.</summary>
    public bool Built { get; private set; }

    /// <summary>The optimizer's state variables (slots), in creation order.</summary>
    public IReadOnlyList<Variable> Variables => _slots;

    /// <summary>Creates slot variables for <paramref name="variables"/>; called by the first
    /// <see cref="Apply"/>.</summary>
    /// <param name="variables">The trainable variables, in model order.</param>
    public void Build(IReadOnlyList<Variable> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
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

    /// <summary>Excludes variables from weight decay, by identity or by name (Keras'
    /// <c>exclude_from_weight_decay</c>).</summary>
    /// <param name="varList">Variables to exclude. Defaults to none.</param>
    /// <param name="varNames">Patterns; a variable whose <see cref="Variable.Name"/> contains a match (regular
    /// expression search, as in Keras) is excluded, e.g. <c>["bias"]</c>. Defaults to none.</param>
    /// <remarks>Each call replaces the previous exclusions. Keras asks for it before the optimizer is built; here it
    /// also takes effect at the next <see cref="Apply"/> when called later.</remarks>
    public void ExcludeFromWeightDecay(IEnumerable<Variable>? varList = null, IEnumerable<string>? varNames = null)
    {
        _excludedVariables = new HashSet<Variable>(varList ?? [], ReferenceEqualityComparer.Instance);
        var names = varNames?.Distinct().ToList() ?? [];
        _excludedNames = names.Count > 0 ? new Regex(string.Join("|", names), RegexOptions.CultureInvariant) : null;
        _useWeightDecay = null;
    }

    /// <summary>Applies one update from <paramref name="gradients"/> to <paramref name="variables"/> (same
    /// order).</summary>
    /// <param name="gradients">One gradient per variable; a null gradient skips its variable.</param>
    /// <param name="variables">The variables; the first call builds the optimizer on them.</param>
    /// <exception cref="ArgumentException">The counts differ, every gradient is null, or a variable is unknown to
    /// the variables this optimizer was built with.</exception>
    public void Apply(IReadOnlyList<Tensor?> gradients, IReadOnlyList<Variable> variables)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        ArgumentNullException.ThrowIfNull(variables);
        if (gradients.Count != variables.Count)
        {
            throw new ArgumentException(
                $"Optimizer \"{Name}\" received {gradients.Count} gradients for {variables.Count} variables; " +
                "pass exactly one gradient per variable.", nameof(gradients));
        }
        if (gradients.Count == 0)
        {
            return;
        }
        Build(variables);
        var indices = new int[variables.Count];
        for (int i = 0; i < variables.Count; i++)
        {
            indices[i] = IndexOf(variables[i]);
        }
        var grads = new List<Tensor>(gradients.Count);
        var vars = new List<Variable>(gradients.Count);
        var slotIndices = new List<int>(gradients.Count);
        for (int i = 0; i < gradients.Count; i++)
        {
            if (gradients[i] is { } g)
            {
                grads.Add(g);
                vars.Add(variables[i]);
                slotIndices.Add(indices[i]);
            }
        }
        if (grads.Count == 0)
        {
            throw new ArgumentException("No gradients provided for any variable.", nameof(gradients));
        }

        using var scope = KerasBackend.Current.MemoryScope();
        using var noGrad = Ops.NoGrad();
        for (int i = 0; i < grads.Count; i++)
        {
            if (grads[i].dtype != vars[i].Value.dtype)
            {
                grads[i] = grads[i].to_type(vars[i].Value.dtype);
            }
        }
        ClipGradients(grads);
        double lr = LearningRate;
        ApplyWeightDecay(vars, slotIndices, lr);
        PrepareUpdate(lr);
        for (int i = 0; i < grads.Count; i++)
        {
            UpdateStep(grads[i], vars[i], slotIndices[i], lr);
        }
        foreach (var variable in vars)
        {
            if (variable.Constraint is { } constraint)
            {
                variable.Value.copy_(constraint.Call(variable.Value));
            }
            variable.MarkWritten();
        }
        Iterations++;
    }

    /// <summary>The Keras config (<c>name</c>, <c>learning_rate</c>, clipping and decay settings plus the
    /// optimizer's own); <c>learning_rate</c> holds the <see cref="Schedule"/> itself when there is one.</summary>
    /// <returns>The config.</returns>
    public virtual Dictionary<string, object?> GetConfig() => new()
    {
        ["name"] = Name,
        ["learning_rate"] = Schedule ?? (object)LearningRate,
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

    /// <summary>Looks up an optimizer by Keras name or class name (<c>"rmsprop"</c>, <c>"RMSprop"</c>).</summary>
    /// <param name="name">The name.</param>
    /// <returns>A new optimizer with default settings.</returns>
    /// <exception cref="ArgumentException">The name is unknown; the message lists the valid names.</exception>
    public static Optimizer Get(string name) => OptimizerCatalog.Create(name);

    /// <summary>Creates the per-variable slots (<see cref="AddSlots"/>, <see cref="AddSlot"/>).</summary>
    /// <param name="variables">The trainable variables, in order; slot lists are indexed like them.</param>
    protected virtual void BuildCore(IReadOnlyList<Variable> variables)
    {
    }

    /// <summary>Runs once per <see cref="Apply"/>, after clipping and weight decay and before the first
    /// <see cref="UpdateStep"/>: the place for state shared by all variables (Nadam's momentum cache).</summary>
    /// <param name="learningRate">The learning rate of this update.</param>
    protected virtual void PrepareUpdate(double learningRate)
    {
    }

    /// <summary>Updates one variable (and its slots) in place, under no-grad.</summary>
    /// <param name="gradient">The clipped gradient, in the variable's dtype.</param>
    /// <param name="variable">The variable.</param>
    /// <param name="index">The variable's position in the list the optimizer was built with, for slot lookup.</param>
    /// <param name="learningRate">The current learning rate.</param>
    protected abstract void UpdateStep(Tensor gradient, Variable variable, int index, double learningRate);

    /// <summary>Creates one slot per variable, all named <paramref name="slotName"/> (Keras'
    /// <c>add_optimizer_variables</c>): the result is indexed like <paramref name="variables"/>.</summary>
    /// <param name="variables">The variables the slots belong to.</param>
    /// <param name="slotName">The slot name (<c>momentum</c>, <c>velocity</c>).</param>
    /// <param name="initialValue">The fill value. Defaults to 0.</param>
    /// <returns>The slots.</returns>
    protected Variable[] AddSlots(IReadOnlyList<Variable> variables, string slotName, double initialValue = 0.0)
    {
        var slots = new Variable[variables.Count];
        for (int i = 0; i < slots.Length; i++)
        {
            slots[i] = AddSlot(variables[i], slotName, initialValue);
        }
        return slots;
    }

    /// <summary>Creates a slot shaped like <paramref name="reference"/> (same dtype and device), named as Keras'
    /// <c>add_variable_from_reference</c> names it: <c>adam/dense_kernel_momentum</c>.</summary>
    /// <param name="reference">The variable the slot belongs to.</param>
    /// <param name="slotName">The slot name (<c>momentum</c>, <c>velocity</c>).</param>
    /// <param name="initialValue">The fill value. Defaults to 0.</param>
    /// <returns>The slot variable.</returns>
    protected Variable AddSlot(Variable reference, string slotName, double initialValue = 0.0)
    {
        using var scope = KerasBackend.Current.MemoryScope();
        string name = $"{reference.Path.Replace('/', '_')}_{slotName}";
        var value = reference.Value.detach().full_like(initialValue);
        return Track(new Variable(name, $"{Name}/{name}", value, trainable: false, reference.DType));
    }

    /// <summary>Creates a state variable that belongs to no single weight (Keras' <c>add_variable</c>).</summary>
    /// <param name="name">The variable name; its path is <c>{optimizer name}/{name}</c>.</param>
    /// <param name="shape">The shape (empty for a scalar).</param>
    /// <param name="initialValue">The fill value. Defaults to 0.</param>
    /// <param name="dtype">The Keras dtype. Defaults to <c>"float32"</c>.</param>
    /// <returns>The variable.</returns>
    protected Variable AddVariable(string name, long[] shape, double initialValue = 0.0, string dtype = "float32")
    {
        using var scope = KerasBackend.Current.MemoryScope();
        var value = Ops.Full(shape, initialValue, dtype);
        return Track(new Variable(name, $"{Name}/{name}", value, trainable: false, dtype));
    }

    /// <summary>A cached 0-d tensor holding <paramref name="value"/> in the dtype and on the device of
    /// <paramref name="like"/>, for hyperparameters used as operands (<c>m.mul_(Constant(β, m))</c>).</summary>
    /// <param name="value">A value fixed for the optimizer's life (a β, ε or momentum), not one that changes
    /// every step: each distinct value stays cached.</param>
    /// <param name="like">A tensor whose dtype and device to use.</param>
    /// <returns>The shared tensor; never modify or dispose it.</returns>
    /// <remarks>libtorch runs an in-place op several times faster per call with a tensor operand than with a scalar
    /// one (<c>mul_(Tensor)</c> against <c>mul_(Scalar)</c>), and these ops run for every variable at every step.
    /// Scalars passed as <c>alpha</c>/<c>value</c> of <c>add_</c>, <c>addcmul_</c> and <c>addcdiv_</c> are
    /// cheap.</remarks>
    protected internal Tensor Constant(double value, Tensor like)
    {
        var key = (value, Ops.DTypeName(like.dtype), like.device_type, like.device_index);
        if (!_constants.TryGetValue(key, out var constant))
        {
            constant = Ops.Scalar(value, like).DetachFromDisposeScope();
            _constants[key] = constant;
        }
        return constant;
    }

    private Variable Track(Variable variable)
    {
        _slots.Add(variable);
        return variable;
    }

    private int IndexOf(Variable variable) => _index.TryGetValue(variable, out int index)
        ? index
        : throw new ArgumentException(
            $"Unknown variable: {variable}. This optimizer can only be called for the variables it was originally " +
            "built with. When working with a new set of variables, you should recreate a new optimizer instance.",
            "variables");

    private void ApplyWeightDecay(List<Variable> vars, List<int> slotIndices, double learningRate)
    {
        if (WeightDecay is not double wd || wd == 0)
        {
            return;
        }
        _useWeightDecay ??= _index.OrderBy(pair => pair.Value)
            .Select(pair => !_excludedVariables.Contains(pair.Key) &&
                (_excludedNames is null || !_excludedNames.IsMatch(pair.Key.Name)))
            .ToArray();
        for (int i = 0; i < vars.Count; i++)
        {
            if (_useWeightDecay[slotIndices[i]])
            {
                // Keras' variable - variable·wd·lr, as one add with a scalar alpha (libtorch's fast path).
                var w = vars[i].Value;
                w.add_(w, -wd * learningRate);
            }
        }
    }

    private void ClipGradients(List<Tensor> grads)
    {
        if (Clipnorm is double cn && cn > 0)
        {
            for (int i = 0; i < grads.Count; i++)
            {
                // g · clipnorm / max(‖g‖, clipnorm)
                var factor = grads[i].norm().clamp_min_(cn).reciprocal_().mul_(cn);
                grads[i] = grads[i].mul(factor);
            }
        }
        else if (GlobalClipnorm is double gcn && gcn > 0)
        {
            var norm = grads[0].norm();
            var sumOfSquares = norm.square();
            for (int i = 1; i < grads.Count; i++)
            {
                norm = grads[i].norm();
                sumOfSquares.addcmul_(norm, norm, 1);
            }
            var globalNorm = sumOfSquares.sqrt_();
            // Keras: clip_norm · min(1/norm, 1/clip_norm) + (norm - norm), so an infinite or NaN norm gives NaN.
            var scale = globalNorm.reciprocal().clamp_(max: 1 / gcn).mul_(gcn).add_(globalNorm.sub(globalNorm));
            for (int i = 0; i < grads.Count; i++)
            {
                grads[i] = grads[i].mul(scale);
            }
        }
        else if (Clipvalue is double cv && cv > 0)
        {
            for (int i = 0; i < grads.Count; i++)
            {
                grads[i] = grads[i].clamp(-cv, cv);
            }
        }
    }

    private double CheckLearningRate(double value, string paramName)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentException(
                $"Optimizer \"{Name}\" expects a non-negative finite learning rate. Received: learning_rate={value}",
                paramName);
        }
        return value;
    }

    private static string Show(double? value) =>
        value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "None";
}
