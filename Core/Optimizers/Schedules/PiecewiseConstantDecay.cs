using System.Globalization;

namespace Keras.Optimizers.Schedules;

/// <summary>A piecewise constant rate (<c>keras.optimizers.schedules.PiecewiseConstantDecay</c>):
/// <c>values[0]</c> while <c>step ≤ boundaries[0]</c>, <c>values[i]</c> while
/// <c>boundaries[i-1] &lt; step ≤ boundaries[i]</c>, and <c>values[^1]</c> after the last boundary.</summary>
/// <remarks>The values are float32, as Keras keeps them.</remarks>
/// <example><code>
/// // 1.0 for the first 100001 steps, 0.5 for the next 10000, then 0.1.
/// var schedule = new PiecewiseConstantDecay(boundaries: [100000, 110000], values: [1.0, 0.5, 0.1]);
/// var sgd = new SGD(learningRate: schedule);
/// </code></example>
public sealed class PiecewiseConstantDecay : LearningRateSchedule
{
    private readonly long[] _boundaries;
    private readonly double[] _values;

    /// <summary>Creates the schedule.</summary>
    /// <param name="boundaries">The steps where the value changes, increasing; at least one.</param>
    /// <param name="values">The values of the intervals: one more than <paramref name="boundaries"/>.</param>
    /// <param name="name">The name. Defaults to <c>"PiecewiseConstant"</c>, as in Keras.</param>
    /// <exception cref="ArgumentException">The lengths do not match, or there is no boundary.</exception>
    public PiecewiseConstantDecay(IReadOnlyList<long> boundaries, IReadOnlyList<double> values,
        string name = "PiecewiseConstant")
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        ArgumentNullException.ThrowIfNull(values);
        if (boundaries.Count != values.Count - 1)
        {
            throw new ArgumentException(
                "The length of boundaries should be 1 less than the length of values. Received: " +
                $"boundaries={List(boundaries.Select(b => b.ToString(CultureInfo.InvariantCulture)))} of length " +
                $"{boundaries.Count}, and values={List(values.Select(PythonFloat))} of length {values.Count}.",
                nameof(values));
        }
        if (boundaries.Count == 0)
        {
            throw new ArgumentException(
                "PiecewiseConstantDecay needs at least one boundary (and two values); for a constant learning rate " +
                "pass a number as the optimizer's learning rate.", nameof(boundaries));
        }
        _boundaries = boundaries.ToArray();
        _values = values.ToArray();
        Name = ScheduleArguments.Name(name, nameof(name));
    }

    /// <summary>The steps where the value changes.</summary>
    public IReadOnlyList<long> Boundaries => _boundaries;

    /// <summary>The values of the intervals.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => new()
    {
        ["boundaries"] = _boundaries.ToList(),
        ["values"] = _values.ToList(),
        ["name"] = Name,
    };

    /// <inheritdoc />
    protected override double CallCore(long step)
    {
        int interval = 0;
        while (interval < _boundaries.Length && step > _boundaries[interval])
        {
            interval++;
        }
        return (float)_values[interval];
    }

    private static string List(IEnumerable<string> items) => $"[{string.Join(", ", items)}]";

    private static string PythonFloat(double value)
    {
        string text = ScheduleArguments.Show(value);
        return double.IsFinite(value) && !text.Contains('.') && !text.Contains('E') ? text + ".0" : text;
    }
}
