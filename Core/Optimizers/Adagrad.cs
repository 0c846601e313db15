namespace Keras.Optimizers;

/// <summary>Adagrad (Duchi et al.): per-parameter rates shrinking with the summed squared gradients
/// (<c>keras.optimizers.Adagrad</c>).</summary>
/// <remarks>Per step: <c>acc += g²</c>; <c>w -= lr·g/√(acc + ε)</c>. The accumulator starts at
/// <c>initial_accumulator_value</c>.</remarks>
/// <example><code>var adagrad = new Adagrad(learningRate: 0.01);</code></example>
public class Adagrad : Optimizer
{
    private Variable[] _accumulators = [];

    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">The learning rate, or a schedule; Adagrad often wants a larger one (the paper uses
    /// 1.0). Defaults to 0.001.</param>
    /// <param name="initialAccumulatorValue">Starting value of the accumulators, non-negative. Defaults to 0.1.</param>
    /// <param name="epsilon">Numerical stability constant, non-negative. Defaults to 1e-7.</param>
    /// <param name="weightDecay">Decoupled weight decay, if set. Defaults to none.</param>
    /// <param name="clipnorm">Per-gradient norm clipping, if set. Defaults to none.</param>
    /// <param name="clipvalue">Elementwise clipping, if set. Defaults to none.</param>
    /// <param name="globalClipnorm">Global-norm clipping, if set. Defaults to none.</param>
    /// <param name="name">The name. Defaults to <c>"adagrad"</c>.</param>
    /// <exception cref="ArgumentException">An argument is out of range.</exception>
    public Adagrad(LearningRateOrSchedule? learningRate = null, double initialAccumulatorValue = 0.1,
        double epsilon = 1e-7, double? weightDecay = null, double? clipnorm = null, double? clipvalue = null,
        double? globalClipnorm = null, string name = "adagrad")
        : base(learningRate ?? 0.001, name, weightDecay, clipnorm, clipvalue, globalClipnorm)
    {
        InitialAccumulatorValue = OptimizerArguments.NonNegative(
            initialAccumulatorValue, "initial_accumulator_value", nameof(initialAccumulatorValue));
        Epsilon = OptimizerArguments.NonNegative(epsilon, "epsilon", nameof(epsilon));
    }

    /// <summary>Starting value of the accumulators.</summary>
    public double InitialAccumulatorValue { get; }

    /// <summary>Numerical stability constant.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["initial_accumulator_value"] = InitialAccumulatorValue;
        config["epsilon"] = Epsilon;
        return config;
    }

    /// <inheritdoc />
    protected override void BuildCore(IReadOnlyList<Variable> variables) =>
        _accumulators = AddSlots(variables, "accumulator", InitialAccumulatorValue);

    /// <inheritdoc />
    protected override void UpdateStep(Tensor gradient, Variable variable, int index, double learningRate)
    {
        var accumulator = _accumulators[index].Value.addcmul_(gradient, gradient, 1);
        variable.Value.addcdiv_(gradient, accumulator.add(Constant(Epsilon, accumulator)).sqrt_(), -learningRate);
    }
}
