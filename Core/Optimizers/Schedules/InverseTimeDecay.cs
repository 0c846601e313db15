namespace Keras.Optimizers.Schedules;

/// <summary>Inverse time decay (<c>keras.optimizers.schedules.InverseTimeDecay</c>):
/// <c>initial_learning_rate / (1 + decay_rate · step / decay_steps)</c>.</summary>
/// <remarks>With <see cref="Staircase"/>, <c>step / decay_steps</c> is floored. Computed in float32, as
/// Keras.</remarks>
/// <example><code>
/// // 1/t decay with a rate of 0.5.
/// var sgd = new SGD(learningRate: new InverseTimeDecay(0.1, decaySteps: 1.0, decayRate: 0.5));
/// </code></example>
public sealed class InverseTimeDecay : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialLearningRate">The learning rate at step 0.</param>
    /// <param name="decaySteps">How often to apply decay; must be &gt; 0.</param>
    /// <param name="decayRate">The decay rate.</param>
    /// <param name="staircase">Whether to decay at discrete intervals. Defaults to false.</param>
    /// <param name="name">The name. Defaults to <c>"InverseTimeDecay"</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="decaySteps"/> is not positive.</exception>
    public InverseTimeDecay(double initialLearningRate, double decaySteps, double decayRate, bool staircase = false,
        string name = "InverseTimeDecay")
    {
        InitialLearningRate = initialLearningRate;
        DecaySteps = ScheduleArguments.PositiveSteps(decaySteps, "decay_steps", nameof(decaySteps));
        DecayRate = decayRate;
        Staircase = staircase;
        Name = ScheduleArguments.Name(name, nameof(name));
    }

    /// <summary>The learning rate at step 0.</summary>
    public double InitialLearningRate { get; }

    /// <summary>How often decay is applied.</summary>
    public double DecaySteps { get; }

    /// <summary>The decay rate.</summary>
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
        return (float)InitialLearningRate / (1f + (float)DecayRate * p);
    }
}
