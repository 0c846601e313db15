namespace Keras.Losses;

/// <summary>Huber loss (<c>keras.losses.Huber</c>): with <c>e = y_pred - y_true</c>, <c>0.5 * e²</c> where <c>|e| ≤
/// delta</c> and <c>delta * |e| - 0.5 * delta²</c> elsewhere, averaged over the last axis.</summary>
/// <example><code>
/// model.Compile(optimizer: "adam", loss: new Huber(delta: 2.0));   // or loss: "huber" for delta 1
/// </code></example>
public sealed class Huber : Loss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="delta">Where the loss turns from quadratic to linear; must be positive. Defaults to 1.0.</param>
    /// <param name="reduction">The reduction. Defaults to <c>"sum_over_batch_size"</c>.</param>
    /// <param name="name">The name. Defaults to <c>"huber_loss"</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delta"/> is not positive.</exception>
    public Huber(double delta = 1.0, string reduction = "sum_over_batch_size", string name = "huber_loss")
        : base(name, reduction)
    {
        if (!(delta > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(delta),
                $"`Huber` expects a positive `delta`. Received: delta={delta}");
        }
        Delta = delta;
    }

    /// <summary>Where the loss turns from quadratic to linear.</summary>
    public double Delta { get; }

    /// <inheritdoc />
    /// <remarks>Adds <c>delta</c>, which Keras 3's <c>Huber.get_config</c> leaves out, so that a config round trip
    /// keeps it.</remarks>
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["delta"] = Delta;
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor yTrue, Tensor yPred) => Ops.Huber(yTrue, yPred, Delta);
}
