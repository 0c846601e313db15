namespace Keras.Optimizers;

/// <summary>AdamW (Loshchilov &amp; Hutter): Adam with decoupled weight decay
/// (<c>keras.optimizers.AdamW</c>).</summary>
/// <remarks>Before each Adam update, every variable not excluded by
/// <see cref="Optimizer.ExcludeFromWeightDecay"/> is decayed as Keras does: <c>w -= w·weight_decay·lr</c>.</remarks>
/// <example><code>
/// var adamw = new AdamW(learningRate: 1e-3, weightDecay: 0.01);
/// adamw.ExcludeFromWeightDecay(varNames: ["bias"]);
/// </code></example>
public class AdamW : Adam
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">The learning rate, or a schedule. Defaults to 0.001.</param>
    /// <param name="weightDecay">The decoupled weight decay, non-negative. Defaults to 0.004.</param>
    /// <param name="beta1">Decay of the first moment, in [0, 1). Defaults to 0.9.</param>
    /// <param name="beta2">Decay of the second moment, in [0, 1). Defaults to 0.999.</param>
    /// <param name="epsilon">Numerical stability constant, non-negative. Defaults to 1e-7.</param>
    /// <param name="amsgrad">Use the AMSGrad variant. Defaults to false.</param>
    /// <param name="clipnorm">Per-gradient norm clipping, if set. Defaults to none.</param>
    /// <param name="clipvalue">Elementwise clipping, if set. Defaults to none.</param>
    /// <param name="globalClipnorm">Global-norm clipping, if set. Defaults to none.</param>
    /// <param name="name">The name. Defaults to <c>"adamw"</c>.</param>
    /// <exception cref="ArgumentException">An argument is out of range.</exception>
    public AdamW(LearningRateOrSchedule? learningRate = null, double weightDecay = 0.004, double beta1 = 0.9,
        double beta2 = 0.999, double epsilon = 1e-7, bool amsgrad = false, double? clipnorm = null,
        double? clipvalue = null, double? globalClipnorm = null, string name = "adamw")
        : base(learningRate ?? 0.001, beta1, beta2, epsilon, amsgrad, weightDecay, clipnorm, clipvalue,
            globalClipnorm, name)
    {
    }
}
