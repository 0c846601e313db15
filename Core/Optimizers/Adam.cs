namespace Keras.Optimizers;

/// <summary>Adam (Kingma &amp; Ba), with Keras' defaults and update formula (<c>keras.optimizers.Adam</c>).</summary>
/// <remarks>Per step t: <c>α = lr·√(1-β₂ᵗ)/(1-β₁ᵗ)</c>; <c>m += (g-m)(1-β₁)</c>; <c>v += (g²-v)(1-β₂)</c>;
/// with AMSGrad <c>v̂ = max(v̂, v)</c> replaces v; <c>w -= α·m/(√v + ε)</c>. Keras adds ε to √v without bias
/// correction, and its ε is 1e-7 (PyTorch's is 1e-8).</remarks>
/// <example><code>var adam = new Adam(learningRate: 3e-4, amsgrad: true);</code></example>
public class Adam : Optimizer
{
    private Variable[] _momentums = [];
    private Variable[] _velocities = [];
    private Variable[] _velocityHats = [];

    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">The learning rate, or a schedule. Defaults to 0.001.</param>
    /// <param name="beta1">Decay of the first moment, in [0, 1). Defaults to 0.9.</param>
    /// <param name="beta2">Decay of the second moment, in [0, 1). Defaults to 0.999.</param>
    /// <param name="epsilon">Numerical stability constant, non-negative. Defaults to 1e-7.</param>
    /// <param name="amsgrad">Use the AMSGrad variant. Defaults to false.</param>
    /// <param name="weightDecay">Decoupled weight decay, if set. Defaults to none.</param>
    /// <param name="clipnorm">Per-gradient norm clipping, if set. Defaults to none.</param>
    /// <param name="clipvalue">Elementwise clipping, if set. Defaults to none.</param>
    /// <param name="globalClipnorm">Global-norm clipping, if set. Defaults to none.</param>
    /// <param name="name">The name. Defaults to <c>"adam"</c>.</param>
    /// <exception cref="ArgumentException">An argument is out of range.</exception>
    public Adam(LearningRateOrSchedule? learningRate = null, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-7, bool amsgrad = false, double? weightDecay = null, double? clipnorm = null,
        double? clipvalue = null, double? globalClipnorm = null, string name = "adam")
        : base(learningRate ?? 0.001, name, weightDecay, clipnorm, clipvalue, globalClipnorm)
    {
        Beta1 = OptimizerArguments.Decay(beta1, "beta_1", nameof(beta1));
        Beta2 = OptimizerArguments.Decay(beta2, "beta_2", nameof(beta2));
        Epsilon = OptimizerArguments.NonNegative(epsilon, "epsilon", nameof(epsilon));
        Amsgrad = amsgrad;
    }

    /// <summary>Decay of the first moment.</summary>
    public double Beta1 { get; }

    /// <summary>Decay of the second moment.</summary>
    public double Beta2 { get; }

    /// <summary>Numerical stability constant.</summary>
    public double Epsilon { get; }

    /// <summary>Whether AMSGrad is used.</summary>
    public bool Amsgrad { get; }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["beta_1"] = Beta1;
        config["beta_2"] = Beta2;
        config["epsilon"] = Epsilon;
        config["amsgrad"] = Amsgrad;
        return config;
    }

    /// <summary>Keras 3 creates momentum and velocity per variable, interleaved, then the AMSGrad slots.</summary>
    internal override IReadOnlyList<Variable> SlotsInKerasOrder =>
        [.. Interleave(_momentums, _velocities), .. _velocityHats];

    /// <inheritdoc />
    protected override void BuildCore(IReadOnlyList<Variable> variables)
    {
        _momentums = AddSlots(variables, "momentum");
        _velocities = AddSlots(variables, "velocity");
        if (Amsgrad)
        {
            _velocityHats = AddSlots(variables, "velocity_hat");
        }
    }

    /// <inheritdoc />
    protected override void UpdateStep(Tensor gradient, Variable variable, int index, double learningRate)
    {
        double t = Iterations + 1;
        double alpha = learningRate * Math.Sqrt(1 - Math.Pow(Beta2, t)) / (1 - Math.Pow(Beta1, t));
        var m = Moments.Update(this, _momentums[index].Value, gradient, Beta1);
        var v = Moments.UpdateSquare(this, _velocities[index].Value, gradient, Beta2);
        if (Amsgrad)
        {
            v = _velocityHats[index].Value.clamp_(min: v);
        }
        variable.Value.addcdiv_(m, v.sqrt().add_(Constant(Epsilon, v)), -alpha);
    }
}
