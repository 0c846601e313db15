namespace Keras.Layers;

/// <summary>Passes its input through and adds <c>l1·Σ|x| + l2·Σx²</c> of it to the layer's losses
/// (<c>keras.layers.ActivityRegularization</c>).</summary>
/// <remarks>The penalty is recorded on every call in <see cref="Layer.Losses"/>; <c>Fit</c> adds it to the compiled
/// loss, so training pushes the activations toward zero (L1: sparse, L2: small). The sums run over the whole batch, as
/// Keras 3. Masks pass through.</remarks>
/// <example><code>
/// var model = new Sequential(new Input([16]), new Dense(32, activation: "relu"),
///     new ActivityRegularization(l1: 1e-4), new Dense(1));
/// </code></example>
public sealed class ActivityRegularization : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="l1">The L1 factor. Defaults to 0.</param>
    /// <param name="l2">The L2 factor. Defaults to 0.</param>
    /// <param name="name">The layer name. Defaults to <c>activity_regularization</c>, ...</param>
    /// <exception cref="ArgumentException">A factor is negative or not finite.</exception>
    public ActivityRegularization(double l1 = 0.0, double l2 = 0.0, string? name = null) : base(name)
    {
        CheckFactor(l1, nameof(l1));
        CheckFactor(l2, nameof(l2));
        L1 = l1;
        L2 = l2;
        SupportsMasking = true;
    }

    /// <summary>The L1 factor.</summary>
    public double L1 { get; }

    /// <summary>The L2 factor.</summary>
    public double L2 { get; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => inputShape;

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["l1"] = L1;
        config["l2"] = L2;
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training)
    {
        AddLoss(Ops.ActivityPenalty(inputs, L1, L2));
        return inputs;
    }

    private static void CheckFactor(double value, string argument)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentException(
                $"Invalid value for argument {argument} of ActivityRegularization: expected a non-negative float. " +
                $"Received: {argument}={value.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
                argument);
        }
    }
}
