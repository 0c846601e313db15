namespace Keras.Optimizers;

/// <summary>Adam (Kingma &amp; Ba), with Keras' defaults and update formula (<c>keras.optimizers.Adam</c>).</summary>
/// <remarks>Per step t: <c>α = lr·√(1-β₂ᵗ)/(1-β₁ᵗ)</c>; <c>m += (g-m)(1-β₁)</c>; <c>v += (g²-v)(1-β₂)</c>;
/// <c>w -= α·m/(√v + ε)</c> — note Keras adds ε to √v without bias correction.</remarks>
/// <example><code>var adam = new Adam(learningRate: 3e-4, amsgrad: true);</code></example>
public class Adam : Optimizer
{
    private readonly List<Variable> _momentums = [];
    private readonly List<Variable> _velocities = [];
    private readonly List<Variable> _velocityHats = [];

    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">The learning rate. Defaults to 0.001.</param>
    /// <param name="beta1">Decay of the first moment. Defaults to 0.9.</param>
    /// <param name="beta2">Decay of the second moment. Defaults to 0.999.</param>
    /// <param name="epsilon">Numerical stability constant. Defaults to 1e-7 (Keras, not PyTorch's 1e-8).</param>
    /// <param name="amsgrad">Use the AMSGrad variant. Defaults to false.</param>
    /// <param name="weightDecay">Decoupled weight decay, if set.</param>
    /// <param name="clipnorm">Per-gradient norm clipping, if set.</param>
    /// <param name="clipvalue">Elementwise clipping, if set.</param>
    /// <param name="globalClipnorm">Global-norm clipping, if set.</param>
    /// <param name="name">The name. Defaults to <c>"adam"</c>.</param>
    public Adam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7,
        bool amsgrad = false, double? weightDecay = null, double? clipnorm = null, double? clipvalue = null,
        double? globalClipnorm = null, string name = "adam")
        : base(learningRate, name, weightDecay, clipnorm, clipvalue, globalClipnorm)
    {
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
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

    /// <inheritdoc />
    protected override void BuildCore(IReadOnlyList<Variable> variables)
    {
        foreach (var v in variables)
        {
            _momentums.Add(AddSlot(v, "momentum"));
            _velocities.Add(AddSlot(v, "velocity"));
            if (Amsgrad)
            {
                _velocityHats.Add(AddSlot(v, "velocity_hat"));
            }
        }
    }

    /// <inheritdoc />
    protected override void UpdateStep(Tensor gradient, Variable variable, int index, double learningRate)
    {
        double t = Iterations;
        double alpha = learningRate * Math.Sqrt(1 - Math.Pow(Beta2, t)) / (1 - Math.Pow(Beta1, t));
        var m = _momentums[index].Value;
        var v = _velocities[index].Value;
        m.lerp_(gradient, 1 - Beta1);
        v.mul_(Beta2).addcmul_(gradient, gradient, 1 - Beta2);
        var denominatorBase = v;
        if (Amsgrad)
        {
            var vHat = _velocityHats[index].Value;
            vHat.copy_(Ops.Maximum(vHat, v));
            denominatorBase = vHat;
        }
        variable.Value.addcdiv_(m, denominatorBase.sqrt().add_(Epsilon), -alpha);
    }
}
