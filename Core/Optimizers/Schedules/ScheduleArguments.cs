using System.Globalization;

namespace Keras.Optimizers.Schedules;

/// <summary>Checks for schedule arguments, with Keras' messages naming the Keras argument.</summary>
internal static class ScheduleArguments
{
    /// <summary>Requires a step count &gt; 0 (Keras' <c>decay_steps</c>, <c>first_decay_steps</c>).</summary>
    internal static double PositiveSteps(double value, string kerasName, string paramName) =>
        value > 0 && !double.IsInfinity(value)
            ? value
            : throw new ArgumentException(
                $"Argument `{kerasName}` must be > 0. Received: {kerasName}={Show(value)}", paramName);

    /// <summary>Requires a name, as the schedule's config carries one.</summary>
    internal static string Name(string name, string paramName) =>
        string.IsNullOrEmpty(name)
            ? throw new ArgumentException($"A schedule name must be a non-empty string. Received: name=\"{name}\"",
                paramName)
            : name;

    /// <summary>A number as Python prints it in messages (<c>0.5</c>, <c>100</c>).</summary>
    internal static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
