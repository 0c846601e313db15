namespace Keras.Optimizers.Schedules;

/// <summary>Cosine decay with optional linear warmup (<c>keras.optimizers.schedules.CosineDecay</c>, SGDR without
/// restarts).</summary>
/// <remarks>
/// <para>Without <see cref="WarmupTarget"/> the rate decays from the initial rate to <c>initial · alpha</c> over
/// <see cref="DecaySteps"/>:
/// <c>initial · ((1 - alpha) · 0.5 · (1 + cos(π · min(step, decay_steps) / decay_steps)) + alpha)</c>.</para>
/// <para>With <see cref="WarmupTarget"/> the rate first rises linearly from the initial rate to the target over
/// <see cref="WarmupSteps"/>, then decays from the target to <c>target · alpha</c> over <see cref="DecaySteps"/>, and
/// stays there. Computed in float32, as Keras.</para>
/// </remarks>
/// <example><code>
/// // Warm up from 0 to 0.1 in 1000 steps, then decay over 10000 steps.
/// var schedule = new CosineDecay(0.0, decaySteps: 10000, warmupTarget: 0.1, warmupSteps: 1000);
/// var adam = new Adam(learningRate: schedule);
/// </code></example>
public sealed class CosineDecay : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialLearningRate">The learning rate at step 0.</param>
    /// <param name="decaySteps">The number of steps to decay over; must be &gt; 0.</param>
    /// <param name="alpha">The final rate as a fraction of the rate the decay starts from. Defaults to 0.</param>
    /// <param name="name">The name. Defaults to <c>"CosineDecay"</c>.</param>
    /// <param name="warmupTarget">The rate to warm up to, or null for no warmup. Defaults to null.</param>
    /// <param name="warmupSteps">The number of warmup steps. Defaults to 0.</param>
    /// <exception cref="ArgumentException"><paramref name="decaySteps"/> is not positive.</exception>
    public CosineDecay(double initialLearningRate, double decaySteps, double alpha = 0.0, string name = "CosineDecay",
        double? warmupTarget = null, double warmupSteps = 0)
    {
        InitialLearningRate = initialLearningRate;
        DecaySteps = ScheduleArguments.PositiveSteps(decaySteps, "decay_steps", nameof(decaySteps));
        Alpha = alpha;
        Name = ScheduleArguments.Name(name, nameof(name));
        WarmupTarget = warmupTarget;
        WarmupSteps = warmupSteps;
    }

    /// <summary>The learning rate at step 0.</summary>
    public double InitialLearningRate { get; }

    /// <summary>The number of steps of the decay.</summary>
    public double DecaySteps { get; }

    /// <summary>The final rate as a fraction of the rate the decay starts from.</summary>
    public double Alpha { get; }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>The rate reached at the end of the warmup, or null when there is no warmup.</summary>
    public double? WarmupTarget { get; }

    /// <summary>The number of warmup steps.</summary>
    public double WarmupSteps { get; }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => new()
    {
        ["initial_learning_rate"] = InitialLearningRate,
        ["decay_steps"] = DecaySteps,
        ["alpha"] = Alpha,
        ["name"] = Name,
        ["warmup_target"] = WarmupTarget,
        ["warmup_steps"] = WarmupSteps,
    };

    /// <inheritdoc />
    protected override double CallCore(long step)
    {
        float initial = (float)InitialLearningRate;
        float decaySteps = (float)DecaySteps;
        float s = step;
        if (WarmupTarget is not double target)
        {
            return Decay(MathF.Min(s, decaySteps), decaySteps, initial);
        }
        float warmupTarget = (float)target;
        float warmupSteps = (float)WarmupSteps;
        s = MathF.Min(s, decaySteps + warmupSteps);
        return s < warmupSteps
            ? (warmupTarget - initial) * (s / warmupSteps) + initial
            : Decay(s - warmupSteps, decaySteps, warmupTarget);
    }

    private float Decay(float step, float decaySteps, float decayFrom)
    {
        float cosine = 0.5f * (1f + MathF.Cos(MathF.PI * (step / decaySteps)));
        // Keras' (1 - alpha) is a Python float, rounded to float32 when it meets the tensor.
        return decayFrom * ((float)(1 - Alpha) * cosine + (float)Alpha);
    }
}
