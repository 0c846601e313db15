namespace Keras.Optimizers;

/// <summary>The moving averages the Adam family and RMSprop share, written once as fused in-place updates.</summary>
internal static class Moments
{
    /// <summary>Keras' <c>m += (g - m)(1 - decay)</c> in place, as one <c>lerp_</c>.</summary>
    /// <returns><paramref name="average"/>.</returns>
    internal static Tensor Update(Optimizer owner, Tensor average, Tensor value, double decay) =>
        average.lerp_(value, owner.Constant(1 - decay, average));

    /// <summary>Keras' <c>v += (g² - v)(1 - decay)</c> in place, as <c>v·decay + (1 - decay)·g·g</c>.</summary>
    /// <returns><paramref name="average"/>.</returns>
    internal static Tensor UpdateSquare(Optimizer owner, Tensor average, Tensor value, double decay) =>
        average.mul_(owner.Constant(decay, average)).addcmul_(value, value, 1 - decay);
}
