namespace Keras.Optimizers;

/// <summary>Gradient descent with optional (Nesterov) momentum (<c>keras.optimizers.SGD</c>).</summary>
/// <remarks>Without momentum <c>w -= lr·g</c>. With momentum <c>v = μ·v - lr·g</c>, then <c>w += v</c>, or with
/// Nesterov <c>w += μ·v - lr·g</c>. The <c>momentum</c> slot exists only when momentum is not 0.</remarks>
/// <example><code>var sgd = new SGD(learningRate: 0.1, momentum: 0.9, nesterov: true);</code></example>
public class SGD : Optimizer
{
    private Variable[] _momentums = [];

    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">The learning rate, or a schedule. Defaults to 0.01.</param>
    /// <param name="momentum">Momentum, in [0, 1]; 0 is plain gradient descent. Defaults to 0.</param>
    /// <param name="nesterov">Whether to apply Nesterov momentum. Defaults to false.</param>
    /// <param name="weightDecay">Decoupled weight decay, if set. Defaults to none.</param>
    /// <param name="clipnorm">Per-gradient norm clipping, if set. Defaults to none.</param>
    /// <param name="clipvalue">Elementwise clipping, if set. Defaults to none.</param>
    /// <param name="globalClipnorm">Global-norm clipping, if set. Defaults to none.</param>
    /// <param name="name">The name. Defaults to <c>"SGD"</c>, as in Keras.</param>
    /// <exception cref="ArgumentException">An argument is out of range.</exception>
    public SGD(LearningRateOrSchedule? learningRate = null, double momentum = 0.0, bool nesterov = false,
        double? weightDecay = null, double? clipnorm = null, double? clipvalue = null, double? globalClipnorm = null,
        string name = "SGD")
        : base(learningRate ?? 0.01, name, weightDecay, clipnorm, clipvalue, globalClipnorm)
    {
        Momentum = OptimizerArguments.Fraction(momentum, "momentum", nameof(momentum));
        Nesterov = nesterov;
    }

    /// <summary>The momentum.</summary>
    public double Momentum { get; }

    /// <summary>Whether Nesterov momentum is used.</summary>
    public bool Nesterov { get; }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["momentum"] = Momentum;
        config["nesterov"] = Nesterov;
        return config;
    }

    /// <inheritdoc />
    protected override void BuildCore(IReadOnlyList<Variable> variables)
    {
        if (Momentum != 0)
        {
            _momentums = AddSlots(variables, "momentum");
        }
    }

    /// <inheritdoc />
    protected override void UpdateStep(Tensor gradient, Variable variable, int index, double learningRate)
    {
        var w = variable.Value;
        if (Momentum == 0)
        {
            w.add_(gradient, -learningRate);
            return;
        }
        var m = _momentums[index].Value;
        m.mul_(Constant(Momentum, m)).add_(gradient, -learningRate);
        if (Nesterov)
        {
            w.add_(m, Momentum).add_(gradient, -learningRate);
        }
        else
        {
            w.add_(m);
        }
    }
}
