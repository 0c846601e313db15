using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>Splits the channels into groups and normalizes each group of each sample over its channels and every other
/// non-batch axis (<c>keras.layers.GroupNormalization</c>, Wu &amp; He 2018).</summary>
/// <remarks>
/// <para>Group <c>g</c> holds the consecutive channels <c>[g·C/G, (g+1)·C/G)</c>. Its output is
/// <c>(x − mean) / sqrt(var + epsilon) · gamma + beta</c> with the group's mean and biased variance; <c>gamma</c> and
/// <c>beta</c> are per channel. <c>groups: -1</c> means one group per channel (instance normalization),
/// <c>groups: 1</c> one group for all (layer normalization over every non-batch axis with per-channel affine). The
/// layer behaves the same in training and inference, and passes masks through.</para>
/// </remarks>
/// <example><code>
/// var norm = new GroupNormalization(groups: 8);              // channels_last, 8 groups
/// var instance = new GroupNormalization(groups: -1, axis: 1);
/// </code></example>
public sealed class GroupNormalization : Layer
{
    private Variable? _gamma;
    private Variable? _beta;

    /// <summary>Creates the layer.</summary>
    /// <param name="groups">The number of groups; must divide the channel count, -1 for one group per channel.
    /// Defaults to 32.</param>
    /// <param name="axis">The channel axis. Defaults to -1.</param>
    /// <param name="epsilon">Added to the variance. Defaults to 1e-3.</param>
    /// <param name="center">Whether to add the learned offset <c>beta</c>. Defaults to true.</param>
    /// <param name="scale">Whether to multiply by the learned <c>gamma</c>. Defaults to true.</param>
    /// <param name="betaInitializer">Initializer of <c>beta</c>. Defaults to <c>zeros</c>.</param>
    /// <param name="gammaInitializer">Initializer of <c>gamma</c>. Defaults to <c>ones</c>.</param>
    /// <param name="betaRegularizer">Penalty on <c>beta</c>. Defaults to none.</param>
    /// <param name="gammaRegularizer">Penalty on <c>gamma</c>. Defaults to none.</param>
    /// <param name="betaConstraint">Constraint on <c>beta</c>. Defaults to none.</param>
    /// <param name="gammaConstraint">Constraint on <c>gamma</c>. Defaults to none.</param>
    /// <param name="activityRegularizer">Penalty on the output. Defaults to none.</param>
    /// <param name="name">The layer name. Defaults to <c>group_normalization</c>, ...</param>
    /// <param name="trainable">Whether the weights train. Defaults to true.</param>
    /// <exception cref="ArgumentException"><paramref name="groups"/> is neither positive nor -1.</exception>
    public GroupNormalization(int groups = 32, int axis = -1, double epsilon = 1e-3, bool center = true,
        bool scale = true, Initializer? betaInitializer = null, Initializer? gammaInitializer = null,
        Regularizer? betaRegularizer = null, Regularizer? gammaRegularizer = null,
        Constraint? betaConstraint = null, Constraint? gammaConstraint = null,
        Regularizer? activityRegularizer = null, string? name = null, bool trainable = true)
        : base(name, trainable)
    {
        if (groups == 0 || groups < -1)
        {
            throw new ArgumentException(
                "Argument `groups` of GroupNormalization must be a positive number of groups, or -1 for one group " +
                $"per channel. Received: groups={groups}", nameof(groups));
        }
        Groups = groups;
        Axis = axis;
        Epsilon = epsilon;
        Center = center;
        Scale = scale;
        BetaInitializer = betaInitializer ?? new Zeros();
        GammaInitializer = gammaInitializer ?? new Ones();
        BetaRegularizer = betaRegularizer;
        GammaRegularizer = gammaRegularizer;
        BetaConstraint = betaConstraint;
        GammaConstraint = gammaConstraint;
        ActivityRegularizer = activityRegularizer;
        SupportsMasking = true;
    }

    /// <summary>The number of groups; -1 until built when one group per channel was asked for (then the channel
    /// count, as Keras).</summary>
    public int Groups { get; private set; }

    /// <summary>The channel axis, as given (may be negative).</summary>
    public int Axis { get; }

    /// <summary>The constant added to the variance.</summary>
    public double Epsilon { get; }

    /// <summary>Whether the offset <c>beta</c> is added.</summary>
    public bool Center { get; }

    /// <summary>Whether the output is scaled by <c>gamma</c>.</summary>
    public bool Scale { get; }

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

    /// <summary>The learned per-channel scale; null before building or with <c>scale: false</c>.</summary>
    public Variable? Gamma => _gamma;

    /// <summary>The learned per-channel offset; null before building or with <c>center: false</c>.</summary>
    public Variable? Beta => _beta;

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => inputShape;

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        if (ActivityRegularizer is not null)
        {
            config["activity_regularizer"] = ActivityRegularizer;
        }
        config["groups"] = Groups;
        config["axis"] = Axis;
        config["epsilon"] = Epsilon;
        config["center"] = Center;
        config["scale"] = Scale;
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
        int axis = NormalizationAxes.Resolve(Axis, inputShape.Rank, Name, "axis");
        if (axis == 0)
        {
            throw new ArgumentException(
                $"Invalid value for `axis` of layer \"{Name}\": axis {Axis} is the batch axis; the channel axis must " +
                $"be another one. Received input shape {inputShape}.");
        }
        int channels = inputShape[axis] ?? throw new ArgumentException(
            $"Axis {Axis} of the input to layer \"{Name}\" should have a defined dimension, but the layer received " +
            $"an input with shape {inputShape}.");
        int groups = Groups == -1 ? channels : Groups;
        if (channels < groups)
        {
            throw new ArgumentException(
                $"Number of groups ({groups}) cannot be more than the number of channels ({channels}) of layer " +
                $"\"{Name}\". Received input shape {inputShape}.");
        }
        if (channels % groups != 0)
        {
            throw new ArgumentException(
                $"Number of groups ({groups}) of layer \"{Name}\" must divide the number of channels ({channels}) " +
                $"on axis {Axis}. Received input shape {inputShape}.");
        }
        Groups = groups;
        InputSpec = new InputSpec(ndim: inputShape.Rank, axes: new Dictionary<int, int> { [Axis] = channels });
        if (Scale)
        {
            _gamma = AddWeight("gamma", [channels], GammaInitializer, regularizer: GammaRegularizer,
                constraint: GammaConstraint);
        }
        if (Center)
        {
            _beta = AddWeight("beta", [channels], BetaInitializer, regularizer: BetaRegularizer,
                constraint: BetaConstraint);
        }
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training)
    {
        int axis = Axis < 0 ? Axis + (int)inputs.dim() : Axis;
        return Ops.GroupNormalization(inputs, Groups, axis, _gamma?.Value, _beta?.Value, Epsilon);
    }
}
