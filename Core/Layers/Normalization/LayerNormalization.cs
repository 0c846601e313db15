using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>Normalizes each sample over <see cref="Axis"/> to zero mean and unit variance, then scales by
/// <c>gamma</c> and shifts by <c>beta</c> (<c>keras.layers.LayerNormalization</c>).</summary>
/// <remarks>
/// <para>The output is <c>(x − mean) / sqrt(var + epsilon) · gamma + beta</c>, with the mean and biased variance over
/// the normalized axes of each sample. <c>gamma</c> and <c>beta</c> span the input dimensions at those axes. The layer
/// behaves the same in training and inference, and passes masks through.</para>
/// <para>Keras' deprecated <c>rms_scaling</c> gives <c>x / sqrt(var + epsilon) · gamma</c> (no centering, no
/// <c>beta</c>), as Keras computes it.</para>
/// <para>As Keras, the config's <c>axis</c> is a list once the layer is built.</para>
/// </remarks>
/// <example><code>
/// var norm = new LayerNormalization(epsilon: 1e-6);             // over the last axis
/// var image = new LayerNormalization(axis: [1, 2, 3]);         // over height, width and channels
/// </code></example>
public sealed class LayerNormalization : Layer
{
    private readonly int[] _axes;
    private bool _axisIsList;
    private Variable? _gamma;
    private Variable? _beta;

    /// <summary>Creates the layer normalizing over one axis.</summary>
    /// <param name="axis">The axis to normalize over. Defaults to -1 (the features).</param>
    /// <param name="epsilon">Added to the variance. Defaults to 1e-3.</param>
    /// <param name="center">Whether to add the learned offset <c>beta</c>. Defaults to true.</param>
    /// <param name="scale">Whether to multiply by the learned <c>gamma</c>. Defaults to true.</param>
    /// <param name="rmsScaling">Keras' deprecated RMS scaling (see remarks). Defaults to false.</param>
    /// <param name="betaInitializer">Initializer of <c>beta</c>. Defaults to <c>zeros</c>.</param>
    /// <param name="gammaInitializer">Initializer of <c>gamma</c>. Defaults to <c>ones</c>.</param>
    /// <param name="betaRegularizer">Penalty on <c>beta</c>. Defaults to none.</param>
    /// <param name="gammaRegularizer">Penalty on <c>gamma</c>. Defaults to none.</param>
    /// <param name="betaConstraint">Constraint on <c>beta</c>. Defaults to none.</param>
    /// <param name="gammaConstraint">Constraint on <c>gamma</c>. Defaults to none.</param>
    /// <param name="activityRegularizer">Penalty on the output. Defaults to none.</param>
    /// <param name="name">The layer name. Defaults to <c>layer_normalization</c>, ...</param>
    /// <param name="trainable">Whether the weights train. Defaults to true.</param>
    public LayerNormalization(int axis = -1, double epsilon = 1e-3, bool center = true, bool scale = true,
        bool rmsScaling = false, Initializer? betaInitializer = null, Initializer? gammaInitializer = null,
        Regularizer? betaRegularizer = null, Regularizer? gammaRegularizer = null,
        Constraint? betaConstraint = null, Constraint? gammaConstraint = null,
        Regularizer? activityRegularizer = null, string? name = null, bool trainable = true)
        : this([axis], false, epsilon, center, scale, rmsScaling, betaInitializer, gammaInitializer,
            betaRegularizer, gammaRegularizer, betaConstraint, gammaConstraint, activityRegularizer, name, trainable)
    {
    }

    /// <summary>Creates the layer normalizing over several axes.</summary>
    /// <param name="axis">The axes to normalize over (e.g. <c>[1, 2, 3]</c>).</param>
    /// <param name="epsilon">Added to the variance. Defaults to 1e-3.</param>
    /// <param name="center">Whether to add the learned offset <c>beta</c>. Defaults to true.</param>
    /// <param name="scale">Whether to multiply by the learned <c>gamma</c>. Defaults to true.</param>
    /// <param name="rmsScaling">Keras' deprecated RMS scaling (see remarks). Defaults to false.</param>
    /// <param name="betaInitializer">Initializer of <c>beta</c>. Defaults to <c>zeros</c>.</param>
    /// <param name="gammaInitializer">Initializer of <c>gamma</c>. Defaults to <c>ones</c>.</param>
    /// <param name="betaRegularizer">Penalty on <c>beta</c>. Defaults to none.</param>
    /// <param name="gammaRegularizer">Penalty on <c>gamma</c>. Defaults to none.</param>
    /// <param name="betaConstraint">Constraint on <c>beta</c>. Defaults to none.</param>
    /// <param name="gammaConstraint">Constraint on <c>gamma</c>. Defaults to none.</param>
    /// <param name="activityRegularizer">Penalty on the output. Defaults to none.</param>
    /// <param name="name">The layer name. Defaults to <c>layer_normalization</c>, ...</param>
    /// <param name="trainable">Whether the weights train. Defaults to true.</param>
    /// <exception cref="ArgumentException"><paramref name="axis"/> is empty.</exception>
    public LayerNormalization(int[] axis, double epsilon = 1e-3, bool center = true, bool scale = true,
        bool rmsScaling = false, Initializer? betaInitializer = null, Initializer? gammaInitializer = null,
        Regularizer? betaRegularizer = null, Regularizer? gammaRegularizer = null,
        Constraint? betaConstraint = null, Constraint? gammaConstraint = null,
        Regularizer? activityRegularizer = null, string? name = null, bool trainable = true)
        : this(axis, true, epsilon, center, scale, rmsScaling, betaInitializer, gammaInitializer,
            betaRegularizer, gammaRegularizer, betaConstraint, gammaConstraint, activityRegularizer, name, trainable)
    {
    }

    private LayerNormalization(int[] axes, bool axisIsList, double epsilon, bool center, bool scale, bool rmsScaling,
        Initializer? betaInitializer, Initializer? gammaInitializer, Regularizer? betaRegularizer,
        Regularizer? gammaRegularizer, Constraint? betaConstraint, Constraint? gammaConstraint,
        Regularizer? activityRegularizer, string? name, bool trainable)
        : base(name, trainable)
    {
        ArgumentNullException.ThrowIfNull(axes, "axis");
        if (axes.Length == 0)
        {
            throw new ArgumentException(
                "Expected an int or a non-empty list of ints for the argument `axis` of LayerNormalization. " +
                "Received: axis=[]", "axis");
        }
        _axes = [.. axes];
        _axisIsList = axisIsList;
        Epsilon = epsilon;
        Center = center;
        Scale = scale;
        RmsScaling = rmsScaling;
        BetaInitializer = betaInitializer ?? new Zeros();
        GammaInitializer = gammaInitializer ?? new Ones();
        BetaRegularizer = betaRegularizer;
        GammaRegularizer = gammaRegularizer;
        BetaConstraint = betaConstraint;
        GammaConstraint = gammaConstraint;
        ActivityRegularizer = activityRegularizer;
        SupportsMasking = true;
    }

    /// <summary>The normalized axes, as given (may be negative).</summary>
    public IReadOnlyList<int> Axis => _axes;

    /// <summary>The constant added to the variance.</summary>
    public double Epsilon { get; }

    /// <summary>Whether the offset <c>beta</c> is added.</summary>
    public bool Center { get; }

    /// <summary>Whether the output is scaled by <c>gamma</c>.</summary>
    public bool Scale { get; }

    /// <summary>Whether Keras' deprecated RMS scaling is used.</summary>
    public bool RmsScaling { get; }

    /// <summary>Initializer of <c>beta</c>.</summary>
    public Initializer BetaInitializer { get; }

    /// <summary>Initializer of <c>gamma</c>.</summary>
    public Initializer GammaInitializer { get; }

    /// <summary>Penalty on <c>beta</c>, if any.</summary>
    public Regularizer? BetaRegularizer { get; }

    /// <summary>Penalty on <c>gamma</c>, if any.</summary>
    public Regularizer? GammaRegularizer { get; }

    /// <summary>Constraint on <c>beta</c>, if any.</summary>
    public Constraint? BetaConstraint { get; }

    /// <summary>Constraint on <c>gamma</c>, if any.</summary>
    public Constraint? GammaConstraint { get; }

    /// <summary>The learned scale; null before building or without <c>scale</c> (and without RMS scaling).</summary>
    public Variable? Gamma => _gamma;

    /// <summary>The learned offset; null before building, without <c>center</c>, or with RMS scaling.</summary>
    public Variable? Beta => _beta;

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape)
    {
        NormalizationAxes.ResolveAll(_axes, inputShape.Rank, Name, "axis");
        return inputShape;
    }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        if (ActivityRegularizer is not null)
        {
            config["activity_regularizer"] = ActivityRegularizer;
        }
        config["axis"] = _axisIsList ? _axes.ToArray() : _axes[0];
        config["epsilon"] = Epsilon;
        config["center"] = Center;
        config["scale"] = Scale;
        config["rms_scaling"] = RmsScaling;
        config["beta_initializer"] = BetaInitializer;
        config["gamma_initializer"] = GammaInitializer;
        config["beta_regularizer"] = BetaRegularizer;
        config["gamma_regularizer"] = GammaRegularizer;
        config["beta_constraint"] = BetaConstraint;
        config["gamma_constraint"] = GammaConstraint;
        return config;
    }

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape)
    {
        NormalizationAxes.ResolveAll(_axes, inputShape.Rank, Name, "axis");
        var shape = new Shape(_axes.Select(a => inputShape[a] ?? throw new ArgumentException(
            $"Axis {a} of the input to layer \"{Name}\" must have a defined dimension, but the layer received an " +
            $"input with shape {inputShape}.")).Select(d => (int?)d).ToArray());
        if (Scale || RmsScaling)
        {
            _gamma = AddWeight("gamma", shape, GammaInitializer, regularizer: GammaRegularizer,
                constraint: GammaConstraint);
        }
        if (Center && !RmsScaling)
        {
            _beta = AddWeight("beta", shape, BetaInitializer, regularizer: BetaRegularizer,
                constraint: BetaConstraint);
        }
        // Keras stores the axis as a list once built, so the config says so from now on.
        _axisIsList = true;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training)
    {
        var axes = NormalizationAxes.ResolveAll(_axes, (int)inputs.dim(), Name, "axis");
        return Ops.LayerNormalization(inputs, _gamma?.Value, _beta?.Value, axes, Epsilon, RmsScaling);
    }
}
