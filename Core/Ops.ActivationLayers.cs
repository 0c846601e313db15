using static TorchSharp.torch;

namespace Keras;

public static partial class Ops
{
    /// <summary>Keras 3's full rectified linear unit (<c>keras.activations.relu</c> with all arguments):
    /// <c>min(x, maxValue)</c> above <paramref name="threshold"/>, <c>negativeSlope · (x − threshold)</c> at or below
    /// it.</summary>
    /// <param name="x">The input.</param>
    /// <param name="negativeSlope">The slope below the threshold.</param>
    /// <param name="maxValue">The saturation value, or <c>null</c> for none.</param>
    /// <param name="threshold">The threshold below which values are damped.</param>
    /// <returns>The activation.</returns>
    /// <remarks>Follows Keras' composition exactly (leaky ReLU when only a slope is given, <c>relu6</c> when
    /// <c>maxValue</c> is 6 without threshold), so gradients at the kinks match Keras' too.</remarks>
    public static Tensor Relu(Tensor x, double negativeSlope, double? maxValue, double threshold)
    {
        Tensor? negativePart = null;
        if (negativeSlope != 0)
        {
            if (maxValue is null && threshold == 0)
            {
                return torch.nn.functional.leaky_relu(x, negativeSlope);
            }
            negativePart = threshold != 0
                ? torch.nn.functional.relu(threshold - x)
                : torch.nn.functional.relu(-x);
        }
        bool clipMax = maxValue is not null;
        Tensor y;
        if (threshold != 0)
        {
            y = x * x.gt(threshold).to_type(x.dtype);
        }
        else if (maxValue == 6)
        {
            y = torch.nn.functional.relu6(x);
            clipMax = false;
        }
        else
        {
            y = torch.nn.functional.relu(x);
        }
        if (clipMax)
        {
            y = torch.clamp(y, 0.0, maxValue!.Value);
        }
        return negativePart is null ? y : y - negativePart * negativeSlope;
    }

    /// <summary>Softmax over several axes at once: <c>exp(x − logsumexp(x, axes))</c>.</summary>
    /// <param name="x">The input.</param>
    /// <param name="axes">The axes normalized together.</param>
    /// <returns>The activation.</returns>
    public static Tensor Softmax(Tensor x, long[] axes)
    {
        if (axes.Length == 1)
        {
            return torch.nn.functional.softmax(x, axes[0]);
        }
        // logsumexp over several axes, shifted by the (constant) maximum for stability.
        var max = x.amax(axes, keepdim: true).detach();
        var logSumExp = torch.exp(x - max).sum(axes, keepdim: true).log() + max;
        return torch.exp(x - logSumExp);
    }
}
