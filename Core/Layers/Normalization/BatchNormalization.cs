using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>Normalizes its inputs per channel with the batch's statistics while training and moving averages of them
/// at inference (<c>keras.layers.BatchNormalization</c>).</summary>
/// <remarks>
/// <para>Training (<c>Fit</c>, or <c>Call(x, training: true)</c>) returns
/// <c>gamma · (x − mean(x)) / sqrt(var(x) + epsilon) + beta</c> with the batch mean and biased variance over every axis
/// but <see cref="Axis"/>, and updates <c>moving = moving · momentum + batch · (1 − momentum)</c> (no gradient flows
/// through the update). Inference uses <c>moving_mean</c> and <c>moving_variance</c> instead.</para>
/// <para>As in Keras 3, a layer with <see cref="Layer.Trainable"/> set to false runs in inference mode even when
/// called with <c>training: true</c>: a frozen BatchNormalization neither uses batch statistics nor updates its
/// moving ones (the usual fine-tuning setup).</para>
/// <para>With an input mask (one dimension less than the input), training statistics are weighted by the mask, as
/// Keras' masked moments; the mask passes through.</para>
/// </remarks>
/// <example><code>
/// var model = new Sequential(new Input([28, 28, 1]), new Conv2D(32, 3), new BatchNormalization(), new ReLU());
/// var channelsFirst = new BatchNormalization(axis: 1, momentum: 0.9, epsilon: 1e-5);
/// </code></example>
public sealed class BatchNormalization : Layer
{
    private Variable? _gamma;
    private Variable? _beta;
    private Variable? _movingMean;
    private Variable? _movingVariance;
    private int _channelAxis;

    /// <summary>Creates the layer.</summary>
    /// <param name="axis">The channel axis (the one that is not reduced). Defaults to -1; use 1 after
    /// <c>channels_first</c> convolutions.</param>
    /// <param name="momentum">The moving averages' momentum. Defaults to 0.99.</param>
    /// <param name="epsilon">Added to the variance. Defaults to 1e-3.</param>
    /// <param name="center">Whether to add the learned offset <c>beta</c>. Defaults to true.</param>
    /// <param name="scale">Whether to multiply by the learned <c>gamma</c>. Defaults to true.</param>
    /// <param name="betaInitializer">Initializer of <c>beta</c>. Defaults to <c>zeros</c>.</param>
    /// <param name="gammaInitializer">Initializer of <c>gamma</c>. Defaults to <c>ones</c>.</param>
    /// <param name="movingMeanInitializer">Initializer of <c>moving_mean</c>. Defaults to <c>zeros</c>.</param>
    /// <param name="movingVarianceInitializer">Initializer of <c>moving_variance</c>. Defaults to <c>ones</c>.</param>
    /// <param name="betaRegularizer">Penalty on <c>beta</c>. Defaults to none.</param>
    /// <param name="gammaRegularizer">Penalty on <c>gamma</c>. Defaults to none.</param>
    /// <param name="betaConstraint">Constraint on <c>beta</c>. Defaults to none.</param>
    /// <param name="gammaConstraint">Constraint on <c>gamma</c>. Defaults to none.</param>
    /// <param name="synchronized">Keras' cross-replica statistics (TensorFlow backend only); must be false.</param>
    /// <param name="activityRegularizer">Penalty on the output. Defaults to none.</param>
    /// <param name="name">The layer name. Defaults to <c>batch_normalization</c>, ...</param>
    /// <param name="trainable">Whether the layer trains (and uses batch statistics). Defaults to true.</param>
    /// <exception cref="ArgumentException"><paramref name="synchronized"/> is true.</exception>
    public BatchNormalization(int axis = -1, double momentum = 0.99, double epsilon = 1e-3, bool center = true,
        bool scale = true, Initializer? betaInitializer = null, Initializer? gammaInitializer = null,
        Initializer? movingMeanInitializer = null, Initializer? movingVarianceInitializer = null,
        Regularizer? betaRegularizer = null, Regularizer? gammaRegularizer = null,
        Constraint? betaConstraint = null, Constraint? gammaConstraint = null, bool synchronized = false,
        Regularizer? activityRegularizer = null, string? name = null, bool trainable = true)
        : base(name, trainable)
    {
        if (synchronized)
        {
            throw new ArgumentException(
                "Argument synchronized=True is only supported with the TensorFlow backend; Keras.Net computes batch " +
                "statistics on one device. Received: synchronized=True", nameof(synchronized));
        }
        Axis = axis;
        Momentum = momentum;
        Epsilon = epsilon;
        Center = center;
        Scale = scale;
        BetaInitializer = betaInitializer ?? new Zeros();
        GammaInitializer = gammaInitializer ?? new Ones();
        MovingMeanInitializer = movingMeanInitializer ?? new Zeros();
        MovingVarianceInitializer = movingVarianceInitializer ?? new Ones();
        BetaRegularizer = betaRegularizer;
        GammaRegularizer = gammaRegularizer;
        BetaConstraint = betaConstraint;
        GammaConstraint = gammaConstraint;
        ActivityRegularizer = activityRegularizer;
        SupportsMasking = true;
    }

    /// <summary>The channel axis, as given (may be negative).</summary>
    public int Axis { get; }

    /// <summary>The moving averages' momentum.</summary>
    public double Momentum { get; }

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

    /// <summary>Initializer of <c>moving_mean</c>.</summary>
    public Initializer MovingMeanInitializer { get; }

    /// <summary>Initializer of <c>moving_variance</c>.</summary>
    public Initializer MovingVarianceInitializer { get; }

    /// <summary>Penalty on <c>beta</c>, if any.</summary>
    public Regularizer? BetaRegularizer { get; }

    /// <summary>Penalty on <c>gamma</c>, if any.</summary>
    public Regularizer? GammaRegularizer { get; }

    /// <summary>Constraint on <c>beta</c>, if any.</summary>
    public Constraint? BetaConstraint { get; }

    /// <summary>Constraint on <c>gamma</c>, if any.</summary>
    public Constraint? GammaConstraint { get; }

    /// <summary>The learned scale, shape (C); null before building or with <c>scale: false</c>.</summary>
    public Variable? Gamma => _gamma;

    /// <summary>The learned offset, shape (C); null before building or with <c>center: false</c>.</summary>
    public Variable? Beta => _beta;

    /// <summary>The moving mean (non-trainable), shape (C); null before building.</summary>
    public Variable? MovingMean => _movingMean;

    /// <summary>The moving variance (non-trainable), shape (C); null before building.</summary>
    public Variable? MovingVariance => _movingVariance;

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
        config["axis"] = Axis;
        config["momentum"] = Momentum;
        config["epsilon"] = Epsilon;
        config["center"] = Center;
        config["scale"] = Scale;
        config["beta_initializer"] = BetaInitializer;
        config["gamma_initializer"] = GammaInitializer;
        config["moving_mean_initializer"] = MovingMeanInitializer;
        config["moving_variance_initializer"] = MovingVarianceInitializer;
        config["beta_regularizer"] = BetaRegularizer;
        config["gamma_regularizer"] = GammaRegularizer;
        config["beta_constraint"] = BetaConstraint;
        config["gamma_constraint"] = GammaConstraint;
        config["synchronized"] = false;
        return config;
    }

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape)
    {
        _channelAxis = NormalizationAxes.Resolve(Axis, inputShape.Rank, Name, "axis");
        int channels = inputShape[_channelAxis] ?? throw new ArgumentException(
            $"Axis {Axis} of the input to layer \"{Name}\" must have a defined dimension, but the layer received an " +
            $"input with shape {inputShape}.");
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
        _movingMean = AddWeight("moving_mean", [channels], MovingMeanInitializer, trainable: false);
        _movingVariance = AddWeight("moving_variance", [channels], MovingVarianceInitializer, trainable: false);
        InputSpec = new InputSpec(ndim: inputShape.Rank, axes: new Dictionary<int, int> { [Axis] = channels });
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) => CallCore(inputs, null, training);

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, Tensor? mask, bool training)
    {
        if (mask is not null && mask.dim() != inputs.dim() - 1)
        {
            throw new ArgumentException(
                $"The mask given to layer \"{Name}\" must have one dimension less than the inputs. Received: " +
                $"mask.shape={new Shape(mask.shape)}, inputs.shape={new Shape(inputs.shape)}", nameof(mask));
        }
        var gamma = _gamma?.Value;
        var beta = _beta?.Value;
        if (!(training && Trainable))
        {
            return Ops.FusedBatchNormalization(inputs, _channelAxis, _movingMean!.Value, _movingVariance!.Value,
                gamma, beta, useBatchStatistics: false, Epsilon);
        }
        var reductionAxes = Enumerable.Range(0, (int)inputs.dim()).Where(a => a != _channelAxis)
            .Select(a => (long)a).ToArray();
        if (mask is not null)
        {
            var (mean, variance) = Ops.MaskedMoments(inputs, mask, reductionAxes);
            UpdateMovingStatistics(mean, variance);
            return Ops.BatchNormalization(inputs, mean, variance, _channelAxis, beta, gamma, Epsilon);
        }
        using (Ops.NoGrad())
        {
            var (mean, variance) = Ops.Moments(inputs.detach(), reductionAxes);
            UpdateMovingStatistics(mean, variance);
        }
        return Ops.FusedBatchNormalization(inputs, _channelAxis, _movingMean!.Value, _movingVariance!.Value,
            gamma, beta, useBatchStatistics: true, Epsilon);
    }

    private void UpdateMovingStatistics(Tensor mean, Tensor variance)
    {
        Ops.AssignMovingAverage(_movingMean!.Value, mean, Momentum);
        Ops.AssignMovingAverage(_movingVariance!.Value, variance, Momentum);
        _movingMean.MarkWritten();
        _movingVariance.MarkWritten();
    }
}
