namespace Keras.Losses;

/// <summary>The base of losses (<c>keras.losses.Loss</c>): per-sample values from <see cref="CallCore"/>, then weighting and reduction.</summary>
/// <remarks>Reductions as in Keras 3: <c>"sum_over_batch_size"</c> (default; sum of weighted values divided by their
/// count), <c>"sum"</c>, <c>"mean"</c> (same as sum_over_batch_size), <c>"mean_with_sample_weight"</c> (divided by the sum of
/// weights) and <c>"none"</c>. Strings convert implicitly: <c>Loss loss = "mse";</c>.</remarks>
/// <example><code>
/// Loss loss = new SparseCategoricalCrossentropy(fromLogits: true);
/// Tensor value = loss.Call(labels, logits);
/// </code></example>
public abstract class Loss
{
    private static readonly string[] Reductions = ["sum_over_batch_size", "sum", "mean", "mean_with_sample_weight", "none"];

    /// <summary>Creates a loss.</summary>
    /// <param name="name">The Keras name (<c>"mean_squared_error"</c>).</param>
    /// <param name="reduction">How per-sample values are reduced. Defaults to <c>"sum_over_batch_size"</c>.</param>
    protected Loss(string name, string reduction = "sum_over_batch_size")
    {
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

    /// <summary>Computes the reduced loss.</summary>
    /// <param name="yTrue">Targets.</param>
    /// <param name="yPred">Predictions.</param>
    /// <param name="sampleWeight">Optional per-sample weights, broadcast against the per-sample values.</param>
    /// <returns>A 0-d tensor (or the per-sample values when the reduction is <c>"none"</c>).</returns>
    public Tensor Call(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null)
    {
        var values = CallCore(yTrue, yPred);
        if (sampleWeight is not null)
        {
            var weight = sampleWeight.to_type(values.dtype);
            while (weight.dim() > values.dim() && weight.shape[^1] == 1)
            {
                weight = weight.squeeze(-1);
            }
            while (weight.dim() < values.dim())
            {
                weight = weight.unsqueeze(-1);
            }
            values = values * weight;
            if (Reduction == "mean_with_sample_weight")
            {
                return values.sum() / weight.expand(values.shape).sum().clamp_min(1e-7);
            }
        }
        return Reduction switch
        {
            "none" => values,
            "sum" => values.sum(),
            _ => values.mean(),
        };
    }

    /// <summary>The per-sample (unreduced) loss values. Implementations cast <paramref name="yTrue"/> as they need.</summary>
    /// <param name="yTrue">Targets.</param>
    /// <param name="yPred">Predictions.</param>
    /// <returns>Values of shape <c>(batch,)</c> or <c>(batch, ...)</c>.</returns>
    protected abstract Tensor CallCore(Tensor yTrue, Tensor yPred);

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
}
