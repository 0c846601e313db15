namespace Keras.Optimizers;

/// <summary>RMSprop (Hinton): divides the gradient by a moving root mean square
/// (<c>keras.optimizers.RMSprop</c>).</summary>
/// <remarks>Per step: <c>v = ρ·v + (1-ρ)·g²</c>; centered also tracks <c>a = ρ·a + (1-ρ)·g</c> and uses
/// <c>v - a²</c>; <c>Δ = lr·g/√(v + ε)</c> (Keras puts ε inside the root); with momentum <c>m = μ·m + Δ</c> and
/// <c>w -= m</c>, else <c>w -= Δ</c>.</remarks>
/// <example><code>var rmsprop = new RMSprop(learningRate: 1e-3, momentum: 0.9, centered: true);</code></example>
public class RMSprop : Optimizer
{
    private Variable[] _velocities = [];
    private Variable[] _momentums = [];
    private Variable[] _averageGradients = [];

    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">The learning rate, or a schedule. Defaults to 0.001.</param>
    /// <param name="rho">Discounting factor for the old squared gradients, in [0, 1]. Defaults to 0.9.</param>
    /// <param name="momentum">Momentum, in [0, 1]; 0 keeps no momentum slot. Defaults to 0.</param>
    /// <param name="epsilon">Numerical stability constant, non-negative. Defaults to 1e-7.</param>
    /// <param name="centered">Normalize by the estimated variance instead of the second moment. Defaults to
    /// false.</param>
    /// <param name="weightDecay">Decoupled weight decay, if set. Defaults to none.</param>
    /// <param name="clipnorm">Per-gradient norm clipping, if set. Defaults to none.</param>
    /// <param name="clipvalue">Elementwise clipping, if set. Defaults to none.</param>
    /// <param name="globalClipnorm">Global-norm clipping, if set. Defaults to none.</param>
    /// <param name="name">The name. Defaults to <c>"rmsprop"</c>.</param>
    /// <exception cref="ArgumentException">An argument is out of range.</exception>
    public RMSprop(LearningRateOrSchedule? learningRate = null, double rho = 0.9, double momentum = 0.0,
        double epsilon = 1e-7, bool centered = false, double? weightDecay = null, double? clipnorm = null,
        double? clipvalue = null, double? globalClipnorm = null, string name = "rmsprop")
        : base(learningRate ?? 0.001, name, weightDecay, clipnorm, clipvalue, globalClipnorm)
    {
        Rho = OptimizerArguments.Fraction(rho, "rho", nameof(rho));
        Momentum = OptimizerArguments.Fraction(momentum, "momentum", nameof(momentum));
        Epsilon = OptimizerArguments.NonNegative(epsilon, "epsilon", nameof(epsilon));
        Centered = centered;
    }

    /// <summary>Discounting factor for the old squared gradients.</summary>
    public double Rho { get; }

    /// <summary>The momentum.</summary>
    public double Momentum { get; }

    /// <summary>Numerical stability constant.</summary>
    public double Epsilon { get; }

    /// <summary>Whether the centered variant is used.</summary>
    public bool Centered { get; }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["rho"] = Rho;
        config["momentum"] = Momentum;
        config["epsilon"] = Epsilon;
        config["centered"] = Centered;
        return config;
    }

    /// <inheritdoc />
    protected override void BuildCore(IReadOnlyList<Variable> variables)
    {
        _velocities = AddSlots(variables, "velocity");
        if (Momentum > 0)
        {
            _momentums = AddSlots(variables, "momentum");
        }
        if (Centered)
        {
            _averageGradients = AddSlots(variables, "average_gradient");
        }
    }

    /// <inheritdoc />
    protected override void UpdateStep(Tensor gradient, Variable variable, int index, double learningRate)
    {
        var v = Moments.UpdateSquare(this, _velocities[index].Value, gradient, Rho);
        Tensor denominator;
        if (Centered)
        {
            var a = Moments.Update(this, _averageGradients[index].Value, gradient, Rho);
            denominator = v.addcmul(a, a, -1).add_(Constant(Epsilon, v)).sqrt_();
        }
        else
        {
            denominator = v.add(Constant(Epsilon, v)).sqrt_();
        }
        if (Momentum > 0)
        {
            var m = _momentums[index].Value.mul_(Constant(Momentum, v)).addcdiv_(gradient, denominator, learningRate);
            variable.Value.sub_(m);
        }
        else
        {
            variable.Value.addcdiv_(gradient, denominator, -learningRate);
        }
    }
}
