using static TorchSharp.torch;

namespace Keras;

public static partial class Ops
{
    /// <summary>Keras' epsilon (<c>keras.config.epsilon()</c>, 1e-7), used to clip probabilities.</summary>
    public const double Epsilon = 1e-7;

    /// <summary>Per-sample mean squared error, <c>mean(square(y_true - y_pred), axis=-1)</c>
    /// (<c>keras.losses.mean_squared_error</c>).</summary>
    /// <param name="yTrue">Targets, cast to the dtype of <paramref name="yPred"/>.</param>
    /// <param name="yPred">Predictions of shape <c>(batch, d0, .. dN)</c>.</param>
    /// <returns>Values of shape <c>(batch, d0, .. dN-1)</c>.</returns>
    /// <exception cref="ArgumentException">The shapes differ (after Keras' squeeze or expand of a last axis of
    /// 1).</exception>
    public static Tensor MeanSquaredError(Tensor yTrue, Tensor yPred)
    {
        var (target, output) = LossInputs(yTrue, yPred);
        return (target - output).square().mean([-1]);
    }

    /// <summary>Per-sample mean absolute error, <c>mean(abs(y_true - y_pred), axis=-1)</c>
    /// (<c>keras.losses.mean_absolute_error</c>).</summary>
    /// <param name="yTrue">Targets, cast to the dtype of <paramref name="yPred"/>.</param>
    /// <param name="yPred">Predictions of shape <c>(batch, d0, .. dN)</c>.</param>
    /// <returns>Values of shape <c>(batch, d0, .. dN-1)</c>.</returns>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor MeanAbsoluteError(Tensor yTrue, Tensor yPred)
    {
        var (target, output) = LossInputs(yTrue, yPred);
        return (target - output).abs().mean([-1]);
    }

    /// <summary>Per-sample mean absolute percentage error, <c>100 * mean(abs((y_true - y_pred) / maximum(abs(y_true),
    /// ε)), axis=-1)</c> (<c>keras.losses.mean_absolute_percentage_error</c>).</summary>
    /// <param name="yTrue">Targets, cast to the dtype of <paramref name="yPred"/>.</param>
    /// <param name="yPred">Predictions of shape <c>(batch, d0, .. dN)</c>.</param>
    /// <returns>Values of shape <c>(batch, d0, .. dN-1)</c>.</returns>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor MeanAbsolutePercentageError(Tensor yTrue, Tensor yPred)
    {
        var (target, output) = LossInputs(yTrue, yPred);
        var diff = ((target - output) / target.abs().clamp_min(Epsilon)).abs();
        return diff.mean([-1]).mul(100.0);
    }

    /// <summary>Per-sample mean squared logarithmic error, <c>mean(square(log(maximum(y_pred, ε) + 1) -
    /// log(maximum(y_true, ε) + 1)), axis=-1)</c> (<c>keras.losses.mean_squared_logarithmic_error</c>).</summary>
    /// <param name="yTrue">Targets, cast to the dtype of <paramref name="yPred"/>.</param>
    /// <param name="yPred">Predictions of shape <c>(batch, d0, .. dN)</c>.</param>
    /// <returns>Values of shape <c>(batch, d0, .. dN-1)</c>.</returns>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor MeanSquaredLogarithmicError(Tensor yTrue, Tensor yPred)
    {
        var (target, output) = LossInputs(yTrue, yPred);
        var firstLog = output.clamp_min(Epsilon).add(1.0).log();
        var secondLog = target.clamp_min(Epsilon).add(1.0).log();
        return (firstLog - secondLog).square().mean([-1]);
    }

    /// <summary>Per-sample Huber loss: <c>0.5 * e²</c> where <c>|e| ≤ delta</c>, else <c>delta * |e| - 0.5 *
    /// delta²</c>, averaged over the last axis, with <c>e = y_pred - y_true</c> (<c>keras.losses.huber</c>).</summary>
    /// <param name="yTrue">Targets, cast to the dtype of <paramref name="yPred"/>.</param>
    /// <param name="yPred">Predictions of shape <c>(batch, d0, .. dN)</c>.</param>
    /// <param name="delta">Where the loss turns from quadratic to linear. Defaults to 1.0.</param>
    /// <returns>Values of shape <c>(batch, d0, .. dN-1)</c>.</returns>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor Huber(Tensor yTrue, Tensor yPred, double delta = 1.0)
    {
        var (target, output) = LossInputs(yTrue, yPred);
        var error = output - target;
        var absError = error.abs();
        var quadratic = error.square().mul(0.5);
        var linear = absError.mul(delta).sub(0.5 * delta * delta);
        return torch.where(absError.le(delta), quadratic, linear).mean([-1]);
    }

    /// <summary>Per-sample logarithm of the hyperbolic cosine of the error, <c>mean(log(cosh(y_pred - y_true)),
    /// axis=-1)</c>, computed stably as <c>x + softplus(-2x) - log(2)</c> (<c>keras.losses.log_cosh</c>).</summary>
    /// <param name="yTrue">Targets, cast to the dtype of <paramref name="yPred"/>.</param>
    /// <param name="yPred">Predictions of shape <c>(batch, d0, .. dN)</c>.</param>
    /// <returns>Values of shape <c>(batch, d0, .. dN-1)</c>.</returns>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor LogCosh(Tensor yTrue, Tensor yPred)
    {
        var (target, output) = LossInputs(yTrue, yPred);
        var x = output - target;
        return (x + torch.nn.functional.softplus(x.mul(-2.0))).sub(Math.Log(2.0)).mean([-1]);
    }

    /// <summary>Per-sample binary cross-entropy averaged over <paramref name="axis"/>
    /// (<c>keras.losses.binary_crossentropy</c>).</summary>
    /// <param name="yTrue">Targets in <c>[0, 1]</c>, cast to the dtype of <paramref name="yPred"/>.</param>
    /// <param name="yPred">Probabilities, or logits when <paramref name="fromLogits"/> is true.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits. Defaults to false.</param>
    /// <param name="labelSmoothing">Squeezes targets towards 0.5: <c>y * (1 - ls) + 0.5 * ls</c>. Defaults to
    /// 0.</param>
    /// <param name="axis">The axis the elementwise losses are averaged over. Defaults to -1.</param>
    /// <returns>Values with <paramref name="axis"/> removed.</returns>
    /// <remarks>Probabilities are clipped to <c>[ε, 1-ε]</c> and the loss is <c>-(y log p + (1-y) log(1-p))</c>; logits
    /// use the stable <c>max(x, 0) - x y + log(1 + exp(-|x|))</c>, as Keras' torch backend.</remarks>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor BinaryCrossentropy(Tensor yTrue, Tensor yPred, bool fromLogits = false,
        double labelSmoothing = 0.0, int axis = -1)
    {
        var (target, output) = LossInputs(yTrue, yPred);
        int dim = new Shape(output.shape).NormalizeAxis(axis);
        if (labelSmoothing != 0.0)
        {
            target = target.mul(1.0 - labelSmoothing).add(0.5 * labelSmoothing);
        }
        Tensor elementwise;
        if (fromLogits)
        {
            elementwise = torch.nn.functional.binary_cross_entropy_with_logits(
                output, target, reduction: nn.Reduction.None);
        }
        else
        {
            var p = output.clamp(Epsilon, 1.0 - Epsilon);
            elementwise = -(target * p.log() + (1.0 - target) * (1.0 - p).log());
        }
        return elementwise.mean([dim]);
    }

    /// <summary>Per-sample categorical cross-entropy along <paramref name="axis"/>
    /// (<c>keras.losses.categorical_crossentropy</c>).</summary>
    /// <param name="yTrue">One-hot (or soft) targets, cast to the dtype of <paramref name="yPred"/>.</param>
    /// <param name="yPred">Class probabilities, or logits when <paramref name="fromLogits"/> is true.</param>
    /// <param name="fromLogits">Whether <paramref name="yPred"/> holds logits. Defaults to false.</param>
    /// <param name="labelSmoothing">Smooths targets to <c>y * (1 - ls) + ls / num_classes</c>. Defaults to 0.</param>
    /// <param name="axis">The class axis. Defaults to -1.</param>
    /// <returns>Values with <paramref name="axis"/> removed.</returns>
    /// <remarks>Probabilities are first divided by their sum along <paramref name="axis"/>, then clipped to <c>[ε,
    /// 1-ε]</c> before the log; logits go through a log-softmax.</remarks>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor CategoricalCrossentropy(Tensor yTrue, Tensor yPred, bool fromLogits = false,
        double labelSmoothing = 0.0, int axis = -1)
    {
        var (target, output) = LossInputs(yTrue, yPred);
        if (output.dim() < 1)
        {
            throw new ArgumentException(
                "Arguments `target` and `output` must be at least rank 1. " +
                $"Received: target.shape={new Shape(yTrue.shape)}, output.shape={new Shape(yPred.shape)}",
                nameof(yPred));
        }
        int dim = new Shape(output.shape).NormalizeAxis(axis);
        if (labelSmoothing != 0.0)
        {
            long numClasses = output.shape[dim];
            target = target.mul(1.0 - labelSmoothing).add(labelSmoothing / numClasses);
        }
        Tensor logProb;
        if (fromLogits)
        {
            logProb = torch.nn.functional.log_softmax(output, dim);
        }
        else
        {
            var probs = output / output.sum([dim], keepdim: true);
            logProb = probs.clamp(Epsilon, 1.0 - Epsilon).log();
        }
        return -(target * logProb).sum([dim]);
    }

    /// <summary>Per-sample sparse categorical cross-entropy, as Keras computes it.</summary>
    /// <param name="target">Integer labels of shape <c>(batch, ...)</c> or <c>(batch, ..., 1)</c>.</param>
    /// <param name="output">Probabilities or logits of shape <c>(batch, ..., classes)</c>.</param>
    /// <param name="fromLogits">Whether <paramref name="output"/> holds logits.</param>
    /// <param name="ignoreClass">A label whose samples get zero loss, if any. Defaults to none.</param>
    /// <returns>Losses of shape <c>(batch, ...)</c>.</returns>
    /// <remarks>Probabilities are normalised to sum to one and clipped to <c>[ε, 1-ε]</c> before the log, as
    /// Keras.</remarks>
    /// <exception cref="ArgumentException">The label shape does not match the predictions without their class axis, or
    /// a label (other than <paramref name="ignoreClass"/>) is outside <c>[0, classes)</c>.</exception>
    public static Tensor SparseCategoricalCrossentropy(Tensor target, Tensor output, bool fromLogits,
        int? ignoreClass = null)
    {
        output = AsFloat(output);
        var labels = target;
        if (labels.dim() == output.dim() && labels.dim() > 0 && labels.shape[^1] == 1)
        {
            labels = labels.squeeze(-1);
        }
        if (output.dim() < 1 || !labels.shape.SequenceEqual(output.shape[..^1]))
        {
            throw new ArgumentException(
                "Arguments `target` and `output` must have the same shape up until the last dimension: " +
                $"target.shape={new Shape(target.shape)}, output.shape={new Shape(output.shape)}", nameof(target));
        }
        if (labels.dtype != ScalarType.Int64 || labels.device_type != output.device_type)
        {
            labels = labels.to(ScalarType.Int64, output.device);
        }
        Tensor? valid = null;
        if (ignoreClass is int ignored)
        {
            valid = labels.ne(ignored);
            labels = torch.where(valid, labels, torch.zeros_like(labels));
        }
        if (output.device_type != DeviceType.CPU)
        {
            // On an accelerator an out-of-range index is an asynchronous device assert: check first (one sync).
            CheckLabelRange(labels, output.shape[^1]);
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
        Tensor picked;
        try
        {
            picked = logProbs.gather(-1, labels.unsqueeze(-1));
        }
        catch (System.Runtime.InteropServices.ExternalException)
        {
            // On the CPU libtorch rejects out-of-range labels itself; report them as Keras users expect.
            CheckLabelRange(labels, output.shape[^1]);
            throw;
        }
        var loss = -picked.squeeze(-1);
        return valid is null ? loss : loss * valid.to_type(loss.dtype);
    }

    /// <summary>Per-sample Kullback-Leibler divergence, <c>sum(y_true * log(y_true / y_pred), axis=-1)</c> with both
    /// clipped to <c>[ε, 1]</c> (<c>keras.losses.kl_divergence</c>).</summary>
    /// <param name="yTrue">Target distributions, cast to the dtype of <paramref name="yPred"/>.</param>
    /// <param name="yPred">Predicted distributions.</param>
    /// <returns>Values with the last axis removed.</returns>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor KLDivergence(Tensor yTrue, Tensor yPred)
    {
        var (target, output) = LossInputs(yTrue, yPred);
        var t = target.clamp(Epsilon, 1.0);
        var p = output.clamp(Epsilon, 1.0);
        return (t * (t / p).log()).sum([-1]);
    }

    /// <summary>Per-sample Poisson loss, <c>mean(y_pred - y_true * log(y_pred + ε), axis=-1)</c>
    /// (<c>keras.losses.poisson</c>).</summary>
    /// <param name="yTrue">Targets, cast to the dtype of <paramref name="yPred"/>.</param>
    /// <param name="yPred">Predicted rates.</param>
    /// <returns>Values with the last axis removed.</returns>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor Poisson(Tensor yTrue, Tensor yPred)
    {
        var (target, output) = LossInputs(yTrue, yPred);
        return (output - target * output.add(Epsilon).log()).mean([-1]);
    }

    /// <summary>Per-sample hinge loss, <c>mean(maximum(1 - y_true * y_pred, 0), axis=-1)</c>
    /// (<c>keras.losses.hinge</c>).</summary>
    /// <param name="yTrue">Targets in <c>{-1, 1}</c>; when every label is 0 or 1 they are mapped to -1 or 1, as
    /// Keras.</param>
    /// <param name="yPred">Predictions.</param>
    /// <returns>Values with the last axis removed.</returns>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor Hinge(Tensor yTrue, Tensor yPred)
    {
        var (target, output) = LossInputs(yTrue, yPred);
        target = ConvertBinaryLabelsToHinge(target);
        return torch.maximum(1.0 - target * output, torch.zeros_like(output)).mean([-1]);
    }

    /// <summary>Per-sample squared hinge loss, <c>mean(square(maximum(1 - y_true * y_pred, 0)), axis=-1)</c>
    /// (<c>keras.losses.squared_hinge</c>).</summary>
    /// <param name="yTrue">Targets in <c>{-1, 1}</c>; when every label is 0 or 1 they are mapped to -1 or 1, as
    /// Keras.</param>
    /// <param name="yPred">Predictions.</param>
    /// <returns>Values with the last axis removed.</returns>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor SquaredHinge(Tensor yTrue, Tensor yPred)
    {
        var (target, output) = LossInputs(yTrue, yPred);
        target = ConvertBinaryLabelsToHinge(target);
        return torch.maximum(1.0 - target * output, torch.zeros_like(output)).square().mean([-1]);
    }

    /// <summary>Per-sample categorical hinge loss, <c>maximum(neg - pos + 1, 0)</c> with <c>pos = sum(y_true *
    /// y_pred)</c> and <c>neg = max((1 - y_true) * y_pred)</c> over the last axis
    /// (<c>keras.losses.categorical_hinge</c>).</summary>
    /// <param name="yTrue">One-hot targets, cast to the dtype of <paramref name="yPred"/>.</param>
    /// <param name="yPred">Predictions.</param>
    /// <returns>Values with the last axis removed.</returns>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor CategoricalHinge(Tensor yTrue, Tensor yPred)
    {
        var (target, output) = LossInputs(yTrue, yPred);
        var pos = (target * output).sum([-1]);
        var neg = ((1.0 - target) * output).amax([-1]);
        var margin = neg - pos + 1.0;
        return torch.maximum(margin, torch.zeros_like(margin));
    }

    /// <summary>Per-sample negative cosine similarity, <c>-sum(l2_normalize(y_true) * l2_normalize(y_pred), axis)</c>
    /// (<c>keras.losses.cosine_similarity</c>); norms below ε are raised to ε, so a zero vector gives 0.</summary>
    /// <param name="yTrue">Targets, cast to the dtype of <paramref name="yPred"/>.</param>
    /// <param name="yPred">Predictions.</param>
    /// <param name="axis">The feature axis. Defaults to -1.</param>
    /// <returns>Values in <c>[-1, 1]</c> with <paramref name="axis"/> removed; -1 means the same direction.</returns>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor CosineSimilarity(Tensor yTrue, Tensor yPred, int axis = -1)
    {
        var (target, output) = LossInputs(yTrue, yPred);
        int dim = new Shape(output.shape).NormalizeAxis(axis);
        var t = torch.nn.functional.normalize(target, p: 2.0, dim: dim, eps: Epsilon);
        var p = torch.nn.functional.normalize(output, p: 2.0, dim: dim, eps: Epsilon);
        return -(t * p).sum([dim]);
    }

    /// <summary>Divides <paramref name="x"/> by <paramref name="y"/>, giving 0 where <paramref name="y"/> is 0
    /// (<c>keras.ops.divide_no_nan</c>); the gradient there is 0 too.</summary>
    /// <param name="x">The numerator.</param>
    /// <param name="y">The denominator.</param>
    /// <returns>The quotient.</returns>
    public static Tensor DivideNoNan(Tensor x, Tensor y)
    {
        var isZero = y.eq(0);
        var quotient = x / torch.where(isZero, torch.ones_like(y), y);
        return torch.where(isZero, torch.zeros_like(quotient), quotient);
    }

    /// <summary>Keras' <c>squeeze_or_expand_to_same_rank</c>: when ranks differ by one and the longer has a last axis
    /// of 1, squeeze it, or expand a rank-1 partner instead.</summary>
    internal static (Tensor X1, Tensor X2) SqueezeOrExpandToSameRank(Tensor x1, Tensor x2)
    {
        long rank1 = x1.dim();
        long rank2 = x2.dim();
        if (rank1 == rank2 + 1 && x1.shape[^1] == 1)
        {
            return rank2 == 1 ? (x1, x2.unsqueeze(-1)) : (x1.squeeze(-1), x2);
        }
        if (rank2 == rank1 + 1 && x2.shape[^1] == 1)
        {
            return rank1 == 1 ? (x1.unsqueeze(-1), x2) : (x1, x2.squeeze(-1));
        }
        return (x1, x2);
    }

    /// <summary>Prepares loss inputs as Keras' <c>LossFunctionWrapper</c>: float predictions, targets cast to their
    /// dtype and device, ranks reconciled, and then equal shapes required.</summary>
    private static (Tensor Target, Tensor Output) LossInputs(Tensor yTrue, Tensor yPred)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        var output = AsFloat(yPred);
        var target = yTrue.to(output.dtype, output.device);
        (target, output) = SqueezeOrExpandToSameRank(target, output);
        if (!target.shape.SequenceEqual(output.shape))
        {
            throw new ArgumentException(
                "Arguments `y_true` and `y_pred` must have the same shape. " +
                $"Received: y_true.shape={new Shape(yTrue.shape)}, y_pred.shape={new Shape(yPred.shape)}",
                nameof(yPred));
        }
        return (target, output);
    }

    /// <summary>Integer or boolean predictions are computed in float32, Keras' default float type.</summary>
    private static Tensor AsFloat(Tensor x) => torch.is_floating_point(x) ? x : x.to_type(ScalarType.Float32);

    /// <summary>Maps 0/1 labels to -1/1 when every label is 0 or 1; other labels are left unchanged (Keras'
    /// <c>convert_binary_labels_to_hinge</c>), without a device round trip.</summary>
    private static Tensor ConvertBinaryLabelsToHinge(Tensor target)
    {
        var isBinary = target.eq(0).logical_or(target.eq(1)).all();
        return torch.where(isBinary, target.mul(2.0).sub(1.0), target);
    }

    private static void CheckLabelRange(Tensor labels, long numClasses)
    {
        var outside = labels.lt(0).logical_or(labels.ge(numClasses));
        if (outside.any().item<bool>())
        {
            long bad = labels.masked_select(outside)[0].item<long>();
            throw new ArgumentException(
                $"Received a label value of {bad} which is outside the valid range of [0, {numClasses}).", "target");
        }
    }
}
