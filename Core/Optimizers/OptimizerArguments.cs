using System.Globalization;

namespace Keras.Optimizers;

/// <summary>Checks for optimizer hyperparameters, with Keras-style messages naming the Keras argument.</summary>
internal static class OptimizerArguments
{
    /// <summary>Requires a finite value ≥ 0 (null passes).</summary>
    internal static double? NonNegative(double? value, string kerasName, string paramName) =>
        value is double v ? NonNegative(v, kerasName, paramName) : null;

    /// <summary>Requires a finite value ≥ 0.</summary>
    internal static double NonNegative(double value, string kerasName, string paramName) =>
        value >= 0 && !double.IsInfinity(value)
            ? value
            : throw new ArgumentException(
                $"`{kerasName}` must be a non-negative finite float. Received: {kerasName}={Show(value)}", paramName);

    /// <summary>Requires 0 ≤ value ≤ 1 (momentum, rho).</summary>
    internal static double Fraction(double value, string kerasName, string paramName) =>
        value is >= 0 and <= 1
            ? value
            : throw new ArgumentException(
                $"`{kerasName}` must be a float between [0, 1]. Received: {kerasName}={Show(value)}", paramName);

    /// <summary>Requires 0 ≤ value &lt; 1 (the betas, whose bias corrections divide by <c>1 - βᵗ</c>).</summary>
    internal static double Decay(double value, string kerasName, string paramName) =>
        value is >= 0 and < 1
            ? value
            : throw new ArgumentException(
                $"`{kerasName}` must be a float between [0, 1). Received: {kerasName}={Show(value)}", paramName);

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
