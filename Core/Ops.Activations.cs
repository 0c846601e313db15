using static TorchSharp.torch;

namespace Keras;

public static partial class Ops
{
    /// <summary>Rectified linear unit, <c>max(x, 0)</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation.</returns>
    public static Tensor Relu(Tensor x) => torch.nn.functional.relu(x);

    /// <summary>Logistic sigmoid.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation.</returns>
    public static Tensor Sigmoid(Tensor x) => torch.sigmoid(x);

    /// <summary>Hyperbolic tangent.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation.</returns>
    public static Tensor Tanh(Tensor x) => torch.tanh(x);

    /// <summary>Softmax along <paramref name="axis"/>.</summary>
    /// <param name="x">The input.</param>
    /// <param name="axis">The axis. Defaults to -1.</param>
    /// <returns>The activation.</returns>
    public static Tensor Softmax(Tensor x, int axis = -1) => torch.nn.functional.softmax(x, axis);

    /// <summary>Log-softmax along <paramref name="axis"/>.</summary>
    /// <param name="x">The input.</param>
    /// <param name="axis">The axis. Defaults to -1.</param>
    /// <returns>The activation.</returns>
    public static Tensor LogSoftmax(Tensor x, int axis = -1) => torch.nn.functional.log_softmax(x, axis);

    /// <summary>Exponential linear unit with scale <paramref name="alpha"/>.</summary>
    /// <param name="x">The input.</param>
    /// <param name="alpha">The negative-side scale. Defaults to 1.</param>
    /// <returns>The activation.</returns>
    public static Tensor Elu(Tensor x, double alpha = 1.0) => torch.nn.functional.elu(x, alpha);

    /// <summary>Scaled exponential linear unit (Klambauer et al.).</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation.</returns>
    public static Tensor Selu(Tensor x) => torch.nn.functional.selu(x);

    /// <summary>Gaussian error linear unit; Keras' default is the tanh approximation.</summary>
    /// <param name="x">The input.</param>
    /// <param name="approximate">Use the tanh approximation. Defaults to true, as Keras.</param>
    /// <returns>The activation.</returns>
    public static Tensor Gelu(Tensor x, bool approximate = true) => approximate
        ? torch.nn.functional.gelu(x, TorchSharp.Modules.GELU.Approximate.tanh)
        : torch.nn.functional.gelu(x, TorchSharp.Modules.GELU.Approximate.none);

    /// <summary>Sigmoid linear unit (swish), <c>x * sigmoid(x)</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation.</returns>
    public static Tensor Silu(Tensor x) => torch.nn.functional.silu(x);

    /// <summary>Softplus, <c>log(exp(x) + 1)</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation.</returns>
    public static Tensor Softplus(Tensor x) => torch.nn.functional.softplus(x);

    /// <summary>Softsign, <c>x / (|x| + 1)</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation.</returns>
    public static Tensor Softsign(Tensor x) => torch.nn.functional.softsign(x);

    /// <summary>Leaky ReLU with slope <paramref name="negativeSlope"/> below zero.</summary>
    /// <param name="x">The input.</param>
    /// <param name="negativeSlope">The slope. Defaults to 0.2, as Keras' <c>leaky_relu</c>.</param>
    /// <returns>The activation.</returns>
    public static Tensor LeakyRelu(Tensor x, double negativeSlope = 0.2) =>
        torch.nn.functional.leaky_relu(x, negativeSlope);

    /// <summary>Keras 3 hard sigmoid, <c>relu6(x + 3) / 6</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation.</returns>
    public static Tensor HardSigmoid(Tensor x) => torch.nn.functional.hardsigmoid(x);

    /// <summary>Keras 3 hard SiLU (hard swish), <c>x * relu6(x + 3) / 6</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation.</returns>
    public static Tensor HardSilu(Tensor x) => torch.nn.functional.hardswish(x);

    /// <summary>Elementwise exponential.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation.</returns>
    public static Tensor Exp(Tensor x) => torch.exp(x);

    /// <summary>Elementwise natural logarithm.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The logarithm.</returns>
    public static Tensor Log(Tensor x) => torch.log(x);
}
