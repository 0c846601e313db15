namespace Keras.Callbacks;

/// <summary>Sets the optimizer's learning rate at the beginning of every epoch from a schedule
/// (<c>keras.callbacks.LearningRateScheduler</c>).</summary>
/// <remarks>
/// <para>At each epoch begin the schedule receives the 0-based epoch index and the current learning rate, and its
/// result becomes <see cref="Optimizers.Optimizer.LearningRate"/>. At each epoch end the learning rate is added to
/// the logs as <c>learning_rate</c>, so <see cref="History"/> records it.</para>
/// <para>Keras keeps the learning rate in a float32 variable, so the value the schedule receives and the value
/// logged are the float32 rounding of the rate set (0.1 reads back as 0.10000000149011612), as in Keras.</para>
/// </remarks>
/// <example><code>
/// // Keep the learning rate for ten epochs, then decrease it exponentially.
/// var scheduler = new LearningRateScheduler((epoch, lr) => epoch &lt; 10 ? lr : lr * Math.Exp(-0.1));
/// History history = model.Fit(x, y, epochs: 15, callbacks: [scheduler], verbose: 0);
/// Console.WriteLine(history["learning_rate"][^1]);
/// </code></example>
public sealed class LearningRateScheduler : Callback
{
    private readonly TextWriter? _output;

    /// <summary>Creates the callback.</summary>
    /// <param name="schedule">Takes the epoch index (from 0) and the current learning rate, returns the new
    /// learning rate.</param>
    /// <param name="verbose">0 silent; 1 prints the learning rate set at each epoch. Defaults to 0.</param>
    /// <param name="output">Where <paramref name="verbose"/> messages go. Defaults to
    /// <see cref="Console.Out"/>.</param>
    public LearningRateScheduler(Func<int, double, double> schedule, int verbose = 0, TextWriter? output = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        Schedule = schedule;
        Verbose = verbose;
        _output = output;
    }

    /// <summary>Creates the callback from a schedule of the epoch alone (Keras' older one-argument schedules).</summary>
    /// <param name="schedule">Takes the epoch index (from 0), returns the new learning rate.</param>
    /// <param name="verbose">0 silent; 1 prints the learning rate set at each epoch. Defaults to 0.</param>
    /// <param name="output">Where <paramref name="verbose"/> messages go. Defaults to
    /// <see cref="Console.Out"/>.</param>
    public LearningRateScheduler(Func<int, double> schedule, int verbose = 0, TextWriter? output = null)
        : this(EpochOnly(schedule), verbose, output)
    {
    }

    /// <summary>The schedule: (epoch, current learning rate) → new learning rate.</summary>
    public Func<int, double, double> Schedule { get; }

    /// <summary>0 silent, 1 prints messages.</summary>
    public int Verbose { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The schedule returned a negative, infinite or NaN learning rate.</exception>
    public override void OnEpochBegin(int epoch, Logs logs)
    {
        var optimizer = RequireOptimizer();
        double learningRate = Schedule(epoch, AsStored(optimizer.LearningRate));
        if (!(learningRate >= 0) || double.IsInfinity(learningRate))
        {
            throw new ArgumentException(
                $"The output of the `schedule` function should be a non-negative finite float. Got: " +
                $"{PythonFormat.Float(learningRate)} at epoch {epoch}.", nameof(Schedule));
        }
        optimizer.LearningRate = learningRate;
        if (Verbose > 0)
        {
            (_output ?? Console.Out).WriteLine(
                $"\nEpoch {epoch + 1}: LearningRateScheduler setting learning rate to " +
                $"{PythonFormat.Float(learningRate)}.");
        }
    }

    /// <inheritdoc />
    public override void OnEpochEnd(int epoch, Logs logs)
    {
        logs["learning_rate"] = AsStored(RequireOptimizer().LearningRate);
    }

    private static Func<int, double, double> EpochOnly(Func<int, double> schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return (epoch, _) => schedule(epoch);
    }

    /// <summary>The value Keras reads back from its float32 learning-rate variable.</summary>
    private static double AsStored(double learningRate) => (float)learningRate;

    private Optimizers.Optimizer RequireOptimizer() =>
        Model?.Optimizer ?? throw new InvalidOperationException(
            "LearningRateScheduler needs a compiled model with an optimizer: call Compile before Fit.");
}
