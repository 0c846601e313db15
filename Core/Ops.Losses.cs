using static TorchSharp.torch;

namespace Keras;

public static partial class Ops
{
    /// <summary>Keras' epsilon (<c>keras.config.epsilon()</c>, 1e-7), used to clip probabilities.</summary>
    public const double Epsilon = 1e-7;

    /// <summary>Per-sample sparse categorical cross-entropy, as Keras computes it.</summary>
    /// <param name="target">Integer labels of shape (batch,) or (batch, 1).</param>
    /// <param name="output">Probabilities or logits of shape (batch, classes).</param>
    /// <param name="fromLogits">Whether <paramref name="output"/> holds logits.</param>
    /// <param name="ignoreClass">A label whose samples get zero loss, if any.</param>
    /// <returns>Losses of shape (batch,).</returns>
    /// <remarks>Probabilities are normalised to sum to one and clipped to <c>[ε, 1-ε]</c> before the log, as Keras.</remarks>
    public static Tensor SparseCategoricalCrossentropy(Tensor target, Tensor output, bool fromLogits, int? ignoreClass = null)
    {
        var labels = target;
        if (labels.dim() == output.dim() && labels.shape[^1] == 1)
        {
            labels = labels.squeeze(-1);
        }
        if (labels.dim() != output.dim() - 1)
        {
            throw new ArgumentException(
                $"Arguments `target` and `output` must have the same shape up until the last dimension: " +
                $"target.shape={new Shape(target.shape)}, output.shape={new Shape(output.shape)}");
        }
        labels = labels.to_type(ScalarType.Int64);
        Tensor? valid = null;
        if (ignoreClass is int ignored)
        {
            valid = labels.ne(ignored);
            labels = torch.where(valid, labels, torch.zeros_like(labels));
        }
        Tensor logProbs;
        if (fromLogits)
        {
            logProbs = torch.nn.functional.log_softmax(output, -1);
        }
        else
        {
            var probs = output / output.sum(-1, keepdim: true);
            logProbs = probs.clamp(Epsilon, 1.0 - Epsilon).log();
        }
        var loss = -logProbs.gather(-1, labels.unsqueeze(-1)).squeeze(-1);
        return valid is null ? loss : loss * valid.to_type(loss.dtype);
    }
}
