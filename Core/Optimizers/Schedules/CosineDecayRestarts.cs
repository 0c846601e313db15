namespace Keras.Optimizers.Schedules;

/// <summary>Cosine decay with warm restarts (<c>keras.optimizers.schedules.CosineDecayRestarts</c>, SGDR).</summary>
/// <remarks>The rate decays from the initial rate to <c>initial · alpha</c> over <see cref="FirstDecaySteps"/>, then
/// restarts: period <c>i</c> lasts <c>first_decay_steps · t_mulⁱ</c> steps and starts from
/// <c>initial · m_mulⁱ</c>. Computed in float32, as Keras.</remarks>
/// <example><code>
/// var schedule = new CosineDecayRestarts(0.1, firstDecaySteps: 1000);
/// var sgd = new SGD(learningRate: schedule, momentum: 0.9);
/// </code></example>
public sealed class CosineDecayRestarts : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialLearningRate">The learning rate at step 0.</param>
    /// <param name="firstDecaySteps">The number of steps of the first period; must be &gt; 0.</param>
    /// <param name="tMul">The factor by which each period is longer than the previous one. Defaults to 2.0.</param>
    /// <param name="mMul">The factor by which each period starts lower than the previous one. Defaults to 1.0.</param>
    /// <param name="alpha">The minimum rate as a fraction of the initial rate. Defaults to 0.</param>
    /// <param name="name">The name. Defaults to <c>"SGDRDecay"</c>, as in Keras.</param>
    /// <exception cref="ArgumentException"><paramref name="firstDecaySteps"/> is not positive.</exception>
    public CosineDecayRestarts(double initialLearningRate, double firstDecaySteps, double tMul = 2.0,
        double mMul = 1.0, double alpha = 0.0, string name = "SGDRDecay")
    {
        InitialLearningRate = initialLearningRate;
        FirstDecaySteps = ScheduleArguments.PositiveSteps(firstDecaySteps, "first_decay_steps",
            nameof(firstDecaySteps));
        TMul = tMul;
        MMul = mMul;
        Alpha = alpha;
        Name = ScheduleArguments.Name(name, nameof(name));
    }

    /// <summary>The learning rate at step 0.</summary>
    public double InitialLearningRate { get; }

    /// <summary>The number of steps of the first period.</summary>
    public double FirstDecaySteps { get; }

    /// <summary>The period length factor (Keras' <c>t_mul</c>).</summary>
    public double TMul { get; }

    /// <summary>The restart rate factor (Keras' <c>m_mul</c>).</summary>
    public double MMul { get; }

    /// <summary>The minimum rate as a fraction of the initial rate.</summary>
    public double Alpha { get; }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => new()
    {
        ["initial_learning_rate"] = InitialLearningRate,
        ["first_decay_steps"] = FirstDecaySteps,
        ["t_mul"] = TMul,
        ["m_mul"] = MMul,
        ["alpha"] = Alpha,
        ["name"] = Name,
    };

    /// <inheritdoc />
    protected override double CallCore(long step)
    {
        float alpha = (float)Alpha;
        float tMul = (float)TMul;
        float fraction = step / (float)FirstDecaySteps;
        float restart;
        if (tMul == 1f)
        {
            restart = MathF.Floor(fraction);
            fraction -= restart;
        }
        else
        {
            // Periods grow geometrically: period i starts at fraction (1 - t_mulⁱ) / (1 - t_mul).
            restart = MathF.Floor(MathF.Log(1f - fraction * (1f - tMul)) / MathF.Log(tMul));
            float periodStart = (1f - MathF.Pow(tMul, restart)) / (1f - tMul);
            fraction = (fraction - periodStart) / MathF.Pow(tMul, restart);
        }
        float cosine = 0.5f * MathF.Pow((float)MMul, restart) * (1f + MathF.Cos(MathF.PI * fraction));
        return (float)InitialLearningRate * ((1f - alpha) * cosine + alpha);
    }
}
