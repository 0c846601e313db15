namespace Keras.Callbacks;

/// <summary>Reduces the learning rate when a metric has stopped improving
/// (<c>keras.callbacks.ReduceLROnPlateau</c>).</summary>
/// <remarks>
/// <para>Models often benefit from reducing the learning rate by a factor of 2–10 once learning stagnates. When
/// <see cref="Monitor"/> has not improved by more than <see cref="MinDelta"/> for <see cref="Patience"/> epochs, the
/// optimizer's <see cref="Optimizers.Optimizer.LearningRate"/> is multiplied by <see cref="Factor"/> (never below
/// <see cref="MinLr"/>), then the callback rests for <see cref="Cooldown"/> epochs.</para>
/// <para>At every epoch end it writes the current learning rate to the logs as <c>learning_rate</c> (before any
/// reduction of that epoch), so <see cref="History"/> records it, as Keras 3 does.</para>
/// <para>In <c>"auto"</c> mode the monitor is maximized when its name contains <c>"acc"</c> and minimized
/// otherwise (Keras' rule for this callback).</para>
/// </remarks>
/// <example><code>
/// var reduceLr = new ReduceLROnPlateau(monitor: "val_loss", factor: 0.2, patience: 5, minLr: 0.001);
/// History history = model.Fit(x, y, epochs: 50, validationSplit: 0.2, callbacks: [reduceLr]);
/// IReadOnlyList&lt;double&gt; rates = history["learning_rate"];
/// </code></example>
public sealed class ReduceLROnPlateau : Callback
{
    private readonly TextWriter? _output;
    private readonly TextWriter? _warnings;
    private bool _maximize;

    /// <summary>Creates the callback.</summary>
    /// <param name="monitor">The logs key to watch. Defaults to <c>"val_loss"</c>.</param>
    /// <param name="factor">The factor the learning rate is multiplied by: <c>newLr = lr * factor</c>; must be below
    /// 1. Defaults to 0.1.</param>
    /// <param name="patience">Epochs without improvement after which the learning rate is reduced. Defaults to
    /// 10.</param>
    /// <param name="verbose">0 quiet, 1 prints each reduction. Defaults to 0.</param>
    /// <param name="mode"><c>"min"</c>, <c>"max"</c> or <c>"auto"</c> (max when the monitor name contains
    /// <c>"acc"</c>). An unknown value warns and falls back to <c>"auto"</c>, as in Keras. Defaults to
    /// <c>"auto"</c>.</param>
    /// <param name="minDelta">The threshold for a new optimum, to only focus on significant changes. Defaults to
    /// 1e-4.</param>
    /// <param name="cooldown">Epochs to wait after a reduction before resuming normal operation. Defaults to 0.</param>
    /// <param name="minLr">The lower bound on the learning rate. Defaults to 0.</param>
    /// <param name="output">Where <paramref name="verbose"/> messages go. Defaults to
    /// <see cref="Console.Out"/>.</param>
    /// <param name="warnings">Where warnings (unknown mode, missing monitor key) go. Defaults to
    /// <see cref="Console.Error"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="factor"/> is 1 or more, or NaN.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="patience"/>, <paramref name="cooldown"/> or
    /// <paramref name="minLr"/> is negative.</exception>
    public ReduceLROnPlateau(string monitor = "val_loss", double factor = 0.1, int patience = 10, int verbose = 0,
        string mode = "auto", double minDelta = 1e-4, int cooldown = 0, double minLr = 0.0,
        TextWriter? output = null, TextWriter? warnings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(monitor);
        ArgumentNullException.ThrowIfNull(mode);
        if (!(factor < 1.0))
        {
            throw new ArgumentException(
                "ReduceLROnPlateau does not support a factor >= 1.0. " +
                $"Received factor={PythonFormat.Float(factor)}", nameof(factor));
        }
        if (patience < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(patience), patience,
                $"`patience` must be a non-negative integer. Received: patience={patience}");
        }
        if (cooldown < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(cooldown), cooldown,
                $"`cooldown` must be a non-negative integer. Received: cooldown={cooldown}");
        }
        if (!(minLr >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(minLr), minLr,
                $"`min_lr` must be a non-negative number. Received: min_lr={PythonFormat.Float(minLr)}");
        }
        _output = output;
        _warnings = warnings;
        Monitor = monitor;
        Factor = factor;
        Patience = patience;
        Verbose = verbose;
        MinDelta = minDelta;
        Cooldown = cooldown;
        MinLr = minLr;
        if (mode is not ("auto" or "min" or "max"))
        {
            Warnings.WriteLine($"Learning rate reduction mode {mode} is unknown, fallback to auto mode.");
            mode = "auto";
        }
        Mode = mode;
        Reset();
    }

    /// <summary>The logs key watched.</summary>
    public string Monitor { get; }

    /// <summary>The factor applied to the learning rate at each reduction.</summary>
    public double Factor { get; }

    /// <summary>Epochs without improvement tolerated before a reduction.</summary>
    public int Patience { get; }

    /// <summary>0 quiet, 1 prints each reduction.</summary>
    public int Verbose { get; }

    /// <summary><c>"min"</c>, <c>"max"</c> or <c>"auto"</c>.</summary>
    public string Mode { get; }

    /// <summary>The threshold for a new optimum.</summary>
    public double MinDelta { get; }

    /// <summary>Epochs of rest after each reduction.</summary>
    public int Cooldown { get; }

    /// <summary>The lower bound on the learning rate.</summary>
    public double MinLr { get; }

    /// <summary>Epochs since the last improvement (Keras' <c>wait</c>).</summary>
    public int Wait { get; private set; }

    /// <summary>Cooldown epochs left (Keras' <c>cooldown_counter</c>).</summary>
    public int CooldownCounter { get; private set; }

    /// <summary>The best monitored value so far (±infinity before the first).</summary>
    public double Best { get; private set; }

    /// <summary>Whether the callback is resting after a reduction.</summary>
    public bool InCooldown => CooldownCounter > 0;

    private TextWriter Output => _output ?? Console.Out;

    private TextWriter Warnings => _warnings ?? Console.Error;

    /// <inheritdoc />
    public override void OnTrainBegin(Logs logs) => Reset();

    /// <inheritdoc />
    public override void OnEpochEnd(int epoch, Logs logs)
    {
        var optimizer = RequireOptimizer();
        logs["learning_rate"] = optimizer.LearningRate;
        if (!logs.TryGetValue(Monitor, out double current))
        {
            Warnings.WriteLine($"Learning rate reduction is conditioned on metric `{Monitor}` which is not " +
                               $"available. Available metrics are: {string.Join(",", logs.Keys)}.");
            return;
        }

        if (InCooldown)
        {
            CooldownCounter--;
            Wait = 0;
        }

        if (IsImprovement(current))
        {
            Best = current;
            Wait = 0;
        }
        else if (!InCooldown)
        {
            Wait++;
            if (Wait >= Patience)
            {
                double oldLr = optimizer.LearningRate;
                // Keras compares against float32(min_lr), its learning rate being a float32 variable.
                if ((float)oldLr > (float)MinLr)
                {
                    double newLr = Math.Max(oldLr * Factor, MinLr);
                    optimizer.LearningRate = newLr;
                    if (Verbose > 0)
                    {
                        Output.WriteLine($"\nEpoch {epoch + 1}: ReduceLROnPlateau reducing learning rate to " +
                                         $"{PythonFormat.Float(newLr)}.");
                    }
                    CooldownCounter = Cooldown;
                    Wait = 0;
                }
            }
        }
    }

    private void Reset()
    {
        _maximize = Mode == "max" || (Mode == "auto" && Monitor.Contains("acc", StringComparison.Ordinal));
        Best = _maximize ? double.NegativeInfinity : double.PositiveInfinity;
        CooldownCounter = 0;
        Wait = 0;
    }

    private bool IsImprovement(double current) =>
        _maximize ? current > Best + MinDelta : current < Best - MinDelta;

    private Optimizers.Optimizer RequireOptimizer() =>
        Model?.Optimizer ?? throw new InvalidOperationException(
            "ReduceLROnPlateau needs a compiled model: attach it through `Fit(callbacks: ...)` (or `SetModel`) " +
            "after calling `Compile`.");
}
