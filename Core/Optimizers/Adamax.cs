namespace Keras.Optimizers;

/// <summary>Adamax: Adam with the infinity norm in place of the second moment
/// (<c>keras.optimizers.Adamax</c>).</summary>
/// <remarks>Per step t: <c>m += (g-m)(1-β₁)</c>; <c>u = max(β₂·u, |g|)</c>;
/// <c>w -= lr·m / ((1-β₁ᵗ)(u + ε))</c>.</remarks>
/// <example><code>var adamax = new Adamax(learningRate: 2e-3);</code></example>
public class Adamax : Optimizer
{
    private Variable[] _momentums = [];
    private Variable[] _norms = [];

    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">The learning rate, or a schedule. Defaults to 0.001.</param>
    /// <param name="beta1">Decay of the first moment, in [0, 1). Defaults to 0.9.</param>
    /// <param name="beta2">Decay of the weighted infinity norm, in [0, 1). Defaults to 0.999.</param>
    /// <param name="epsilon">Numerical stability constant, non-negative. Defaults to 1e-7.</param>
    /// <param name="weightDecay">Decoupled weight decay, if set. Defaults to none.</param>
    /// <param name="clipnorm">Per-gradient norm clipping, if set. Defaults to none.</param>
    /// <param name="clipvalue">Elementwise clipping, if set. Defaults to none.</param>
    /// <param name="globalClipnorm">Global-norm clipping, if set. Defaults to none.</param>
    /// <param name="name">The name. Defaults to <c>"adamax"</c>.</param>
    /// <exception cref="ArgumentException">An argument is out of range.</exception>
    public Adamax(LearningRateOrSchedule? learningRate = null, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-7, double? weightDecay = null, double? clipnorm = null, double? clipvalue = null,
        double? globalClipnorm = null, string name = "adamax")
        : base(learningRate ?? 0.001, name, weightDecay, clipnorm, clipvalue, globalClipnorm)
    {
        Beta1 = OptimizerArguments.Decay(beta1, "beta_1", nameof(beta1));
        Beta2 = OptimizerArguments.Decay(beta2, "beta_2", nameof(beta2));
        Epsilon = OptimizerArguments.NonNegative(epsilon, "epsilon", nameof(epsilon));
    }

    /// <summary>Decay of the first moment.</summary>
    public double Beta1 { get; }

    /// <summary>Decay of the weighted infinity norm.</summary>
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

    /// <inheritdoc />
    protected override void BuildCore(IReadOnlyList<Variable> variables)
    {
        // Keras interleaves these two slots per variable (add_optimizer_variables with two names).
        _momentums = new Variable[variables.Count];
        _norms = new Variable[variables.Count];
        for (int i = 0; i < variables.Count; i++)
        {
            _momentums[i] = AddSlot(variables[i], "momentum");
            _norms[i] = AddSlot(variables[i], "norm");
        }
    }

    /// <inheritdoc />
    protected override void UpdateStep(Tensor gradient, Variable variable, int index, double learningRate)
    {
        double t = Iterations + 1;
        var m = Moments.Update(this, _momentums[index].Value, gradient, Beta1);
        var u = _norms[index].Value.mul_(Constant(Beta2, gradient)).clamp_(min: gradient.abs());
        variable.Value.addcdiv_(m, u.add(Constant(Epsilon, u)), -learningRate / (1 - Math.Pow(Beta1, t)));
    }
}
