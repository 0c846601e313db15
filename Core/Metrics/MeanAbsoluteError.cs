namespace Keras.Metrics;

/// <summary>The mean absolute error between targets and predictions (<c>keras.metrics.MeanAbsoluteError</c>).</summary>
/// <remarks>Per sample <c>mean(abs(y_true - y_pred), axis=-1)</c>, then the weighted mean over samples.</remarks>
/// <example><code>
/// model.Compile(optimizer: "adam", loss: "mse", metrics: [new MeanAbsoluteError()]);
/// </code></example>
public sealed class MeanAbsoluteError : MeanMetricWrapper
{
    /// <summary>Creates the metric.</summary>
    /// <param name="name">The name. Defaults to <c>"mean_absolute_error"</c>.</param>
    /// <param name="dtype">The state dtype. Defaults to <c>"float32"</c>.</param>
    public MeanAbsoluteError(string name = "mean_absolute_error", string dtype = "float32")
        : base(Ops.MeanAbsoluteError, name, dtype)
    {
    }
}
