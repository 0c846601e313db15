namespace Keras.Metrics;

/// <summary>The mean squared error between targets and predictions (<c>keras.metrics.MeanSquaredError</c>).</summary>
/// <remarks>Per sample <c>mean(square(y_true - y_pred), axis=-1)</c>, then the weighted mean over samples.</remarks>
/// <example><code>
/// model.Compile(optimizer: "adam", loss: "mse", metrics: [new MeanSquaredError()]);
/// </code></example>
public sealed class MeanSquaredError : MeanMetricWrapper
{
    /// <summary>Creates the metric.</summary>
    /// <param name="name">The name. Defaults to <c>"mean_squared_error"</c>.</param>
    /// <param name="dtype">The state dtype. Defaults to <c>"float32"</c>.</param>
    public MeanSquaredError(string name = "mean_squared_error", string dtype = "float32")
        : base(Ops.MeanSquaredError, name, dtype)
    {
    }
}
