namespace Keras.Optimizers.Schedules;

/// <summary>Polynomial decay (<c>keras.optimizers.schedules.PolynomialDecay</c>) from the initial rate to
/// <see cref="EndLearningRate"/> over <see cref="DecaySteps"/>:
/// <c>(initial - end) · (1 - min(step, decay_steps) / decay_steps) ^ power + end</c>.</summary>
/// <remarks>With <see cref="Cycle"/>, <c>decay_steps</c> is replaced by its first multiple that is not below the step
/// (1 at step 0), so the decay restarts. Computed in float32, as Keras.</remarks>
/// <example><code>
/// // From 0.1 to 0.01 in 10000 steps with a square root.
/// var schedule = new PolynomialDecay(0.1, decaySteps: 10000, endLearningRate: 0.01, power: 0.5);
/// var sgd = new SGD(learningRate: schedule);
/// </code></example>
public sealed class PolynomialDecay : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialLearningRate">The learning rate at step 0.</param>
    /// <param name="decaySteps">The number of steps to reach <paramref name="endLearningRate"/>; must be &gt;
    /// 0.</param>
    /// <param name="endLearningRate">The final learning rate. Defaults to 0.0001.</param>
    /// <param name="power">The power of the polynomial. Defaults to 1.0.</param>
    /// <param name="cycle">Whether to restart the decay after <paramref name="decaySteps"/>. Defaults to false.</param>
    /// <param name="name">The name. Defaults to <c>"PolynomialDecay"</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="decaySteps"/> is not positive.</exception>
    public PolynomialDecay(double initialLearningRate, double decaySteps, double endLearningRate = 0.0001,
        double power = 1.0, bool cycle = false, string name = "PolynomialDecay")
    {
        InitialLearningRate = initialLearningRate;
        DecaySteps = ScheduleArguments.PositiveSteps(decaySteps, "decay_steps", nameof(decaySteps));
        EndLearningRate = endLearningRate;
        Power = power;
        Cycle = cycle;
        Name = ScheduleArguments.Name(name, nameof(name));
    }

    /// <summary>The learning rate at step 0.</summary>
    public double InitialLearningRate { get; }

    /// <summary>The number of steps of one decay.</summary>
    public double DecaySteps { get; }

    /// <summary>The final learning rate.</summary>
    public double EndLearningRate { get; }

    /// <summary>The power of the polynomial.</summary>
    public double Power { get; }

    /// <summary>Whether the decay restarts after <see cref="DecaySteps"/>.</summary>
    public bool Cycle { get; }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => new()
    {
        ["initial_learning_rate"] = InitialLearningRate,
        ["decay_steps"] = DecaySteps,
        ["end_learning_rate"] = EndLearningRate,
        ["power"] = Power,
        ["cycle"] = Cycle,
        ["name"] = Name,
    };

    /// <inheritdoc />
    protected override double CallCore(long step)
    {
        float initial = (float)InitialLearningRate;
        float end = (float)EndLearningRate;
        float s = step;
        float decaySteps = (float)DecaySteps;
        if (Cycle)
        {
            // The first multiple of decay_steps that is not below the step; 1 at step 0.
            float multiplier = s == 0 ? 1f : MathF.Ceiling(s / decaySteps);
            decaySteps *= multiplier;
        }
        else
        {
            s = MathF.Min(s, decaySteps);
        }
        float p = s / decaySteps;
        return (initial - end) * MathF.Pow(1f - p, (float)Power) + end;
    }
}
