namespace Keras.Losses;

/// <summary>The base of losses (<c>keras.losses.Loss</c>): per-sample values from <see cref="CallCore"/>, then
/// weighting and reduction.</summary>
/// <remarks>Reductions as in Keras 3: <c>"sum_over_batch_size"</c> (default; sum of weighted values divided by their
/// count), <c>"sum"</c>, <c>"mean"</c> (same as sum_over_batch_size), <c>"mean_with_sample_weight"</c> (divided by the
/// sum of weights) and <c>"none"</c>. Strings convert implicitly: <c>Loss loss = "mse";</c>. A loss whose per-sample
/// values are partly invalid (sparse cross-entropy's <c>ignore_class</c>) overrides <see cref="ComputeMask"/>; masked
/// values then count neither in the sum nor in the divisor, as Keras' loss masks.</remarks>
/// <example><code>
/// Loss loss = new SparseCategoricalCrossentropy(fromLogits: true);
/// Tensor value = loss.Call(labels, logits);
///
/// // A custom loss overrides the per-sample values only.
/// public sealed class MeanCubicError : Loss
/// {
///     public MeanCubicError() : base("mean_cubic_error") { }
///     protected override Tensor CallCore(Tensor yTrue, Tensor yPred) => (yPred - yTrue).abs().pow(3).mean([-1]);
/// }
/// </code></example>
public abstract class Loss
{
    private static readonly string[] Reductions =
        ["sum_over_batch_size", "sum", "mean", "mean_with_sample_weight", "none"];

    /// <summary>Creates a loss.</summary>
    /// <param name="name">The Keras name (<c>"mean_squared_error"</c>).</param>
    /// <param name="reduction">How per-sample values are reduced. Defaults to <c>"sum_over_batch_size"</c>.</param>
    /// <exception cref="ArgumentException">The reduction is not one of Keras' reductions.</exception>
    protected Loss(string name, string reduction = "sum_over_batch_size")
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Reductions.Contains(reduction))
        {
            throw new ArgumentException(
                $"Invalid value for argument `reduction`. Expected one of {{{string.Join(", ", Reductions)}}}. " +
                $"Received: reduction={reduction}", nameof(reduction));
        }
        Name = name;
        Reduction = reduction;
    }

    /// <summary>The Keras name, used for history keys of multi-output models.</summary>
    public string Name { get; }

    /// <summary>The reduction applied by <see cref="Call"/>.</summary>
    public string Reduction { get; }

    /// <summary>The string this loss was looked up by (<c>"mse"</c>), if any: <c>compile_config</c> records it as
    /// given.</summary>
    internal string? Identifier { get; set; }

    /// <summary>Computes the reduced loss.</summary>
    /// <param name="yTrue">Targets.</param>
    /// <param name="yPred">Predictions.</param>
    /// <param name="sampleWeight">Optional weights, aligned with the per-sample values from their leading axis
    /// (trailing axes of 1 squeezed, missing trailing axes added) and broadcast against them.</param>
    /// <returns>A 0-d tensor (or the weighted per-sample values when the reduction is <c>"none"</c>).</returns>
    /// <exception cref="ArgumentException">The shapes of <paramref name="yTrue"/> and <paramref name="yPred"/> do not
    /// fit the loss, or <paramref name="sampleWeight"/> cannot be broadcast to the per-sample values.</exception>
    public Tensor Call(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        var values = CallCore(yTrue, yPred);
        var weight = sampleWeight is null ? null : AlignToValues(sampleWeight, values, "sample_weight");
        var mask = CombineMasks(ComputeMask(yTrue, yPred), KerasMask.Get(yPred), values);
        if (mask is not null)
        {
            var maskWeight = AlignToValues(mask, values, "mask");
            if (Reduction is "sum_over_batch_size" or "mean")
            {
                // Valid entries get weight total/valid, so the mean runs over valid entries only.
                var total = Ops.Scalar(maskWeight.numel(), maskWeight);
                maskWeight = maskWeight * Ops.DivideNoNan(total, maskWeight.sum());
            }
            weight = weight is null ? maskWeight : weight * maskWeight;
        }
        if (weight is not null)
        {
            values = values * weight;
        }
        return Reduce(values, weight);
    }

    /// <summary>The per-sample (unreduced) loss values. Implementations cast <paramref name="yTrue"/> as they
    /// need.</summary>
    /// <param name="yTrue">Targets.</param>
    /// <param name="yPred">Predictions.</param>
    /// <returns>Values of shape <c>(batch,)</c> or <c>(batch, ...)</c>.</returns>
    protected abstract Tensor CallCore(Tensor yTrue, Tensor yPred);

    /// <summary>Which per-sample values are valid (Keras' mask on the loss values); <c>null</c>, the default, means
    /// all.</summary>
    /// <param name="yTrue">Targets.</param>
    /// <param name="yPred">Predictions.</param>
    /// <returns>A boolean tensor shaped like the values of <see cref="CallCore"/>, or <c>null</c>.</returns>
    protected virtual Tensor? ComputeMask(Tensor yTrue, Tensor yPred) => null;

    /// <summary>The Keras config (<c>name</c>, <c>reduction</c> and the constructor arguments).</summary>
    /// <returns>The config.</returns>
    public virtual Dictionary<string, object?> GetConfig() => new() { ["name"] = Name, ["reduction"] = Reduction };

    /// <summary>Looks up a loss by its Keras name (<c>"mse"</c>, <c>"sparse_categorical_crossentropy"</c>).</summary>
    /// <param name="name">The name.</param>
    public static implicit operator Loss(string name) => Get(name);

    /// <summary>Looks up a loss by Keras name or alias.</summary>
    /// <param name="name">The name.</param>
    /// <returns>A new loss.</returns>
    /// <exception cref="ArgumentException">The name is unknown; the message lists the valid names.</exception>
    public static Loss Get(string name) => LossCatalog.Create(name);

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>The loss's own mask and the prediction's Keras mask (e.g. from <c>Embedding(maskZero: true)</c>)
    /// together; the Keras mask is reduced over trailing axes the values no longer have.</summary>
    private static Tensor? CombineMasks(Tensor? lossMask, Tensor? kerasMask, Tensor values)
    {
        if (kerasMask is null)
        {
            return lossMask;
        }
        var aligned = kerasMask.to_type(torch.ScalarType.Bool);
        while (aligned.dim() > values.dim() && aligned.shape[^1] != 1)
        {
            aligned = aligned.all(-1);
        }
        return lossMask is null ? aligned : lossMask.to_type(torch.ScalarType.Bool).logical_and(aligned);
    }

    private Tensor Reduce(Tensor values, Tensor? weight)
    {
        if (Reduction == "none" || values.dim() == 0)
        {
            return values;
        }
        var total = values.sum();
        if (Reduction == "sum")
        {
            return total;
        }
        if (Reduction == "mean_with_sample_weight" && weight is not null)
        {
            return Ops.DivideNoNan(total, weight.expand(values.shape).sum());
        }
        long count = values.numel();
        return count > 0 ? total / count : total;
    }

    /// <summary>Casts weights (or a mask) to the values' dtype and device and aligns them from the leading
    /// axis.</summary>
    private static Tensor AlignToValues(Tensor weight, Tensor values, string argument)
    {
        var aligned = weight.to(values.dtype, values.device);
        while (aligned.dim() > values.dim() && aligned.shape[^1] == 1)
        {
            aligned = aligned.squeeze(-1);
        }
        while (aligned.dim() < values.dim())
        {
            aligned = aligned.unsqueeze(-1);
        }
        if (!Broadcastable(aligned.shape, values.shape))
        {
            throw new ArgumentException(
                $"`{argument}` of shape {new Shape(weight.shape)} cannot be broadcast to the per-sample loss values " +
                $"of shape {new Shape(values.shape)}. Pass one weight per sample, e.g. of shape " +
                $"{new Shape(values.shape.Length == 0 ? [] : values.shape[..1])}.",
                argument == "mask" ? "yTrue" : "sampleWeight");
        }
        return aligned;
    }

    private static bool Broadcastable(long[] a, long[] b)
    {
        for (int i = 1; i <= Math.Min(a.Length, b.Length); i++)
        {
            long x = a[^i];
            long y = b[^i];
            if (x != y && x != 1 && y != 1)
            {
                return false;
            }
        }
        return true;
    }
}
