using Keras.Optimizers.Schedules;

namespace Keras.Optimizers;

/// <summary>An optimizer's <c>learningRate</c> argument: a fixed rate or a <see cref="LearningRateSchedule"/> (Keras
/// accepts either as <c>learning_rate</c>).</summary>
/// <remarks>Both convert implicitly, so a number or a schedule can be passed where this is expected.</remarks>
/// <example><code>
/// var fixedRate = new Adam(learningRate: 1e-3);
/// var scheduled = new Adam(learningRate: new ExponentialDecay(1e-3, decaySteps: 1000, decayRate: 0.96));
/// </code></example>
public readonly struct LearningRateOrSchedule
{
    /// <summary>A fixed learning rate.</summary>
    /// <param name="value">The rate.</param>
    public LearningRateOrSchedule(double value)
    {
        Value = value;
    }

    /// <summary>A schedule.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    public LearningRateOrSchedule(LearningRateSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        Schedule = schedule;
    }

    /// <summary>The fixed rate; 0 when <see cref="Schedule"/> is set.</summary>
    public double Value { get; }

    /// <summary>The schedule, or null for a fixed rate.</summary>
    public LearningRateSchedule? Schedule { get; }

    /// <summary>A fixed learning rate.</summary>
    /// <param name="value">The rate.</param>
    public static implicit operator LearningRateOrSchedule(double value) => new(value);

    /// <summary>A schedule.</summary>
    /// <param name="schedule">The schedule.</param>
    public static implicit operator LearningRateOrSchedule(LearningRateSchedule schedule) => new(schedule);

    /// <summary>A fixed learning rate (the named form of the implicit conversion).</summary>
    /// <param name="value">The rate.</param>
    /// <returns>The argument.</returns>
    public static LearningRateOrSchedule FromDouble(double value) => new(value);

    /// <summary>A schedule (the named form of the implicit conversion).</summary>
    /// <param name="schedule">The schedule.</param>
    /// <returns>The argument.</returns>
    public static LearningRateOrSchedule FromLearningRateSchedule(LearningRateSchedule schedule) => new(schedule);
}
