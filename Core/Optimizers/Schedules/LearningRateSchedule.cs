namespace Keras.Optimizers.Schedules;

/// <summary>The base of learning-rate schedules (<c>keras.optimizers.schedules.LearningRateSchedule</c>): a function
/// of the optimizer step, passed as an optimizer's <c>learningRate</c>.</summary>
/// <remarks>
/// <para>The optimizer evaluates the schedule at its <see cref="Optimizer.Iterations"/> before each update, so the
/// first update uses <c>Call(0)</c>. Its <see cref="Optimizer.LearningRate"/> then reads the current value and cannot
/// be set.</para>
/// <para>To write your own, override <see cref="CallCore"/> and <see cref="GetConfig"/>, and register the class with
/// <see cref="Saving.SerializationRegistry.Register{T}"/> so saved models that use it load again.</para>
/// </remarks>
/// <example><code>
/// public sealed class HalvingSchedule(double initialLearningRate) : LearningRateSchedule
/// {
///     protected override double CallCore(long step) => initialLearningRate / (step + 1);
///     public override Dictionary&lt;string, object?&gt; GetConfig() =&gt;
///         new() { ["initial_learning_rate"] = initialLearningRate };
/// }
///
/// var sgd = new SGD(learningRate: new HalvingSchedule(0.1));
/// </code></example>
public abstract class LearningRateSchedule
{
    /// <summary>The learning rate at optimizer step <paramref name="step"/> (Keras' <c>__call__</c>).</summary>
    /// <param name="step">The optimizer step: the number of updates applied so far.</param>
    /// <returns>The learning rate.</returns>
    public double Call(long step) => CallCore(step);

    /// <summary>The Keras config: the constructor arguments in snake_case, which the registered factory reads
    /// back.</summary>
    /// <returns>The config.</returns>
    public abstract Dictionary<string, object?> GetConfig();

    /// <summary>Computes the learning rate at <paramref name="step"/>.</summary>
    /// <param name="step">The optimizer step.</param>
    /// <returns>The learning rate.</returns>
    protected abstract double CallCore(long step);
}
