namespace Keras.Optimizers.Schedules;

/// <summary>Exponential decay (<c>keras.optimizers.schedules.ExponentialDecay</c>):
/// <c>initial_learning_rate · decay_rate ^ (step / decay_steps)</c>.</summary>
/// <remarks>With <see cref="Staircase"/>, <c>step / decay_steps</c> is floored, so the rate drops every
/// <see cref="DecaySteps"/> steps. Computed in float32, as Keras computes it in the dtype of the initial
/// rate.</remarks>
/// <example><code>
/// // 0.1, then ×0.96 every 100000 steps.
/// var schedule = new ExponentialDecay(0.1, decaySteps: 100000, decayRate: 0.96, staircase: true);
/// model.Compile(optimizer: new SGD(learningRate: schedule), loss: "sparse_categorical_crossentropy");
/// </code></example>
public sealed class ExponentialDecay : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialLearningRate">The learning rate at step 0.</param>
    /// <param name="decaySteps">The number of steps over which the rate is multiplied by
    /// <paramref name="decayRate"/>; must be &gt; 0.</param>
    /// <param name="decayRate">The decay factor.</param>
    /// <param name="staircase">Whether to decay at discrete intervals (integer division). Defaults to false.</param>
    /// <param name="name">The name. Defaults to <c>"ExponentialDecay"</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="decaySteps"/> is not positive.</exception>
    public ExponentialDecay(double initialLearningRate, double decaySteps, double decayRate, bool staircase = false,
        string name = "ExponentialDecay")
    {
        InitialLearningRate = initialLearningRate;
        DecaySteps = ScheduleArguments.PositiveSteps(decaySteps, "decay_steps", nameof(decaySteps));
        DecayRate = decayRate;
        Staircase = staircase;
        Name = ScheduleArguments.Name(name, nameof(name));
    }

    /// <summary>The learning rate at step 0.</summary>
    public double InitialLearningRate { get; }

    /// <summary>The number of steps per factor of <see cref="DecayRate"/>.</summary>
    public double DecaySteps { get; }

    /// <summary>The decay factor.</summary>
    public double DecayRate { get; }

    /// <summary>Whether the rate drops at discrete intervals.</summary>
    public bool Staircase { get; }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => new()
    {
        ["initial_learning_rate"] = InitialLearningRate,
        ["decay_steps"] = DecaySteps,
        ["decay_rate"] = DecayRate,
        ["staircase"] = Staircase,
        ["name"] = Name,
    };

    /// <inheritdoc />
    protected override double CallCore(long step)
    {
        float p = step / (float)DecaySteps;
        if (Staircase)
        {
            p = MathF.Floor(p);
        }
        return (float)InitialLearningRate * MathF.Pow((float)DecayRate, p);
    }
}
