using static TorchSharp.torch;

namespace Keras;

public static partial class Ops
{
    /// <summary>Inverted dropout with a mask of <paramref name="noiseShape"/> broadcast over the input (Keras'
    /// <c>backend.random.dropout</c> with <c>noise_shape</c>): kept entries are scaled by
    /// <c>1/(1 − rate)</c>.</summary>
    /// <param name="x">The input.</param>
    /// <param name="rate">The probability of dropping an entry of the mask.</param>
    /// <param name="noiseShape">The mask's shape: the input's, with 1 on the axes that share a draw.</param>
    /// <returns>The dropped-out tensor.</returns>
    /// <example><code>
    /// Tensor y = Ops.Dropout(x, 0.5, [x.shape[0], 1, x.shape[2]]);   // SpatialDropout1D
    /// </code></example>
    public static Tensor Dropout(Tensor x, double rate, long[] noiseShape)
    {
        var keep = torch.ones(noiseShape, x.dtype, x.device);
        return x * torch.nn.functional.dropout(keep, rate, training: true);
    }

    /// <summary>Adds zero-centered Gaussian noise of standard deviation <paramref name="stddev"/>.</summary>
    /// <param name="x">The input.</param>
    /// <param name="stddev">The standard deviation.</param>
    /// <returns><c>x + N(0, stddev²)</c>.</returns>
    public static Tensor GaussianNoise(Tensor x, double stddev) => x + torch.randn_like(x).mul_(stddev);

    /// <summary>Multiplies by 1-centered Gaussian noise of standard deviation <c>sqrt(rate / (1 − rate))</c>
    /// (Keras' <c>GaussianDropout</c>).</summary>
    /// <param name="x">The input.</param>
    /// <param name="rate">The drop probability, in [0, 1).</param>
    /// <returns><c>x · N(1, rate / (1 − rate))</c>.</returns>
    public static Tensor GaussianDropout(Tensor x, double rate)
    {
        double stddev = Math.Sqrt(rate / (1.0 - rate));
        return x * torch.randn_like(x).mul_(stddev).add_(1.0);
    }

    /// <summary>Keras' <c>AlphaDropout</c>: dropped entries are set to SELU's negative saturation
    /// <c>α' = −λα</c>, then an affine map <c>a·x + b</c> restores the mean and variance of standardized
    /// inputs.</summary>
    /// <param name="x">The input.</param>
    /// <param name="rate">The drop probability, in [0, 1).</param>
    /// <param name="noiseShape">The mask's shape (the input's, with 1 on axes that share a draw).</param>
    /// <returns>The dropped-out tensor.</returns>
    /// <remarks><c>a = ((1 − rate)(1 + rate·α'²))^−½</c> and <c>b = −a·α'·rate</c>, with SELU's
    /// α = 1.6732632423543772 and λ = 1.0507009873554805.</remarks>
    public static Tensor AlphaDropout(Tensor x, double rate, long[] noiseShape)
    {
        const double alpha = 1.6732632423543772848170429916717;
        const double scale = 1.0507009873554804934193349852946;
        const double alphaP = -alpha * scale;
        double a = Math.Pow((1 - rate) * (1 + rate * alphaP * alphaP), -0.5);
        double b = -a * alphaP * rate;
        var kept = torch.rand(noiseShape, x.dtype, x.device).ge_(rate);
        var dropped = kept.neg().add_(1.0);
        return (x * kept + dropped.mul_(alphaP)) * a + b;
    }

    /// <summary>The activity penalty of Keras' <c>L1L2</c> regularizer: <c>l1·Σ|x| + l2·Σx²</c> over every
    /// entry.</summary>
    /// <param name="x">The activations.</param>
    /// <param name="l1">The L1 factor.</param>
    /// <param name="l2">The L2 factor.</param>
    /// <returns>A 0-d tensor (zero when both factors are zero).</returns>
    public static Tensor ActivityPenalty(Tensor x, double l1, double l2)
    {
        var penalty = torch.zeros([], x.dtype, x.device);
        if (l1 != 0)
        {
            penalty = penalty + x.abs().sum() * l1;
        }
        if (l2 != 0)
        {
            penalty = penalty + x.square().sum() * l2;
        }
        return penalty;
    }
}
