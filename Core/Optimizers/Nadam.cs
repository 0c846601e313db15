namespace Keras.Optimizers;

/// <summary>Nadam (Dozat): Adam with Nesterov momentum and Keras' momentum schedule
/// (<c>keras.optimizers.Nadam</c>).</summary>
/// <remarks>Per step t: <c>μₜ = β₁(1 - ½·0.96ᵗ)</c>; the momentum cache <c>Πₜ = Πₜ₋₁·μₜ</c> (variable
/// <c>u_product</c>); <c>m += (g-m)(1-β₁)</c>; <c>v += (g²-v)(1-β₂)</c>;
/// <c>m̂ = μₜ₊₁·m/(1-Πₜ·μₜ₊₁) + (1-μₜ)·g/(1-Πₜ)</c>; <c>w -= lr·m̂/(√(v/(1-β₂ᵗ)) + ε)</c>.</remarks>
/// <example><code>var nadam = new Nadam(learningRate: 2e-3);</code></example>
public class Nadam : Optimizer
{
    private const double MomentumDecay = 0.96;
    private Variable[] _momentums = [];
    private Variable[] _velocities = [];
    private Variable? _uProductVariable;
    private long _uProductStep;
    private double _uProduct = 1.0;
    private double _momentumFactor;
    private double _gradientFactor;
    private double _velocityCorrection;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">The learning rate, or a schedule. Defaults to 0.001.</param>
    /// <param name="beta1">Decay of the first moment, in [0, 1). Defaults to 0.9.</param>
    /// <param name="beta2">Decay of the second moment, in [0, 1). Defaults to 0.999.</param>
    /// <param name="epsilon">Numerical stability constant, non-negative. Defaults to 1e-7.</param>
    /// <param name="weightDecay">Decoupled weight decay, if set. Defaults to none.</param>
    /// <param name="clipnorm">Per-gradient norm clipping, if set. Defaults to none.</param>
    /// <param name="clipvalue">Elementwise clipping, if set. Defaults to none.</param>
    /// <param name="globalClipnorm">Global-norm clipping, if set. Defaults to none.</param>
    /// <param name="name">The name. Defaults to <c>"nadam"</c>.</param>
    /// <exception cref="ArgumentException">An argument is out of range.</exception>
    public Nadam(LearningRateOrSchedule? learningRate = null, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-7, double? weightDecay = null, double? clipnorm = null, double? clipvalue = null,
        double? globalClipnorm = null, string name = "nadam")
        : base(learningRate ?? 0.001, name, weightDecay, clipnorm, clipvalue, globalClipnorm)
    {
        Beta1 = OptimizerArguments.Decay(beta1, "beta_1", nameof(beta1));
        Beta2 = OptimizerArguments.Decay(beta2, "beta_2", nameof(beta2));
        Epsilon = OptimizerArguments.NonNegative(epsilon, "epsilon", nameof(epsilon));
    }

    /// <summary>Decay of the first moment.</summary>
    public double Beta1 { get; }

    /// <summary>Decay of the second moment.</summary>
    public double Beta2 { get; }

    /// <summary>Numerical stability constant.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["beta_1"] = Beta1;
        config["beta_2"] = Beta2;
        config["epsilon"] = Epsilon;
        return config;
    }

    /// <summary>Keras 3 creates momentum and velocity per variable, interleaved, then tracks <c>u_product</c>.</summary>
    internal override IReadOnlyList<Variable> SlotsInKerasOrder =>
        _uProductVariable is null ? [] : [.. Interleave(_momentums, _velocities), _uProductVariable];

    /// <inheritdoc />
    protected override void BuildCore(IReadOnlyList<Variable> variables)
    {
        _momentums = AddSlots(variables, "momentum");
        _velocities = AddSlots(variables, "velocity");
        string dtype = variables.Count > 0 ? variables[0].DType : "float32";
        _uProductVariable = AddVariable("u_product", [], 1.0, dtype);
    }

    /// <inheritdoc />
    protected override void PrepareUpdate(double learningRate)
    {
        long t = Iterations + 1;
        double uT = MomentumAt(t);
        double uNext = MomentumAt(t + 1);
        double uProduct = MomentumCache(t);
        double uProductNext = uProduct * uNext;
        _momentumFactor = -learningRate * uNext / (1 - uProductNext);
        _gradientFactor = -learningRate * (1 - uT) / (1 - uProduct);
        _velocityCorrection = 1 - Math.Pow(Beta2, t);
        _uProductVariable!.Value.fill_(uProduct);
        _uProductVariable.MarkWritten();
    }

    /// <inheritdoc />
    protected override void UpdateStep(Tensor gradient, Variable variable, int index, double learningRate)
    {
        var m = Moments.Update(this, _momentums[index].Value, gradient, Beta1);
        var v = Moments.UpdateSquare(this, _velocities[index].Value, gradient, Beta2);
        var denominator = v.div(_velocityCorrection).sqrt_().add_(Constant(Epsilon, v));
        variable.Value.addcdiv_(m, denominator, _momentumFactor).addcdiv_(gradient, denominator, _gradientFactor);
    }

    private double MomentumAt(long step) => Beta1 * (1 - 0.5 * Math.Pow(MomentumDecay, step));

    /// <summary>Πₛ₌₁..ₜ μₛ, carried from the previous step; rebuilt from step 1 when <see cref="Optimizer.Iterations"/>
    /// was set from elsewhere (restored state).</summary>
    private double MomentumCache(long t)
    {
        if (_uProductStep != t - 1)
        {
            _uProduct = 1.0;
            for (long s = 1; s < t; s++)
            {
                _uProduct *= MomentumAt(s);
            }
        }
        _uProduct *= MomentumAt(t);
        _uProductStep = t;
        return _uProduct;
    }
}
