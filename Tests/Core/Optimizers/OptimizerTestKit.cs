using Keras.Optimizers;

namespace Keras.Tests.Core.Optimizers;

/// <summary>Runs a Keras.Net optimizer and its <see cref="KerasReference"/> side by side on small variables.</summary>
internal static class OptimizerTestKit
{
    /// <summary>Starting values of the 2×3 test kernel; magnitudes stay well away from 0 so a relative tolerance
    /// applies.</summary>
    internal static readonly double[] Kernel = [1.0, -0.5, 2.0, 0.25, -1.5, 0.75];

    /// <summary>Starting values of the test bias (shape 2).</summary>
    internal static readonly double[] Bias = [0.5, -2.0];

    /// <summary>A different gradient for each of the first steps (signs, sizes and a zero vary).</summary>
    internal static readonly double[][] KernelGradients =
    [
        [0.1, -0.2, 0.3, 0.05, -0.4, 0.0],
        [-0.3, 0.25, 0.1, 0.6, 0.2, -0.15],
        [0.2, 0.1, -0.5, -0.05, 0.3, 0.4],
    ];

    internal static readonly double[][] BiasGradients = [[0.7, -0.1], [-0.2, 0.9], [0.05, 0.3]];

    /// <summary>A float32 variable with Keras' path <c>{layer}/{name}</c>.</summary>
    internal static Variable MakeVariable(double[] values, long[] shape, string name = "kernel", string layer = "dense",
        string dtype = "float32")
    {
        using var scope = torch.NewDisposeScope();
        var tensor = torch.tensor(values, torch.float64).reshape(shape).to_type(Ops.DType(dtype));
        return new Variable(name, $"{layer}/{name}", tensor, trainable: true, dtype);
    }

    internal static Variable MakeKernel() => MakeVariable(Kernel, [2, 3]);

    internal static Variable MakeBias() => MakeVariable(Bias, [2], "bias");

    internal static Tensor Gradient(double[] values, Variable like) =>
        torch.tensor(values, torch.float64).reshape(like.Shape.ToLongArray()).to_type(like.Value.dtype);

    internal static double[] Values(Variable variable) => variable.ToArray().Select(x => (double)x).ToArray();

    /// <summary>Applies <paramref name="steps"/> updates to a kernel and a bias with both the optimizer and the
    /// reference, then asserts the two agree after each step.</summary>
    internal static void AssertMatchesReference(Optimizer optimizer, KerasReference reference, int steps,
        Func<int, double>? learningRate = null)
    {
        var kernel = MakeKernel();
        var bias = MakeBias();
        double[][] expected = [(double[])Kernel.Clone(), (double[])Bias.Clone()];
        for (int step = 0; step < steps; step++)
        {
            double lr = learningRate?.Invoke(step) ?? optimizer.LearningRate;
            optimizer.LearningRate = lr;
            double[][] grads = [KernelGradients[step % 3], BiasGradients[step % 3]];
            using (var scope = torch.NewDisposeScope())
            {
                optimizer.Apply([Gradient(grads[0], kernel), Gradient(grads[1], bias)], [kernel, bias]);
            }
            reference.Apply(expected, grads, lr);
            AssertClose(expected[0], Values(kernel), $"kernel after step {step + 1}");
            AssertClose(expected[1], Values(bias), $"bias after step {step + 1}");
        }
        Assert.Equal(steps, optimizer.Iterations);
    }

    /// <summary>Asserts elementwise agreement within 1e-6 relative (relative to max(|expected|, 0.1) for small
    /// values, where float32 storage rounding is absolute rather than relative).</summary>
    internal static void AssertClose(double[] expected, double[] actual, string what, double tolerance = 1e-6)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(actual[i] - expected[i]);
            Assert.True(error <= tolerance * Math.Max(Math.Abs(expected[i]), 0.1),
                $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (error {error:E2}).");
        }
    }

    /// <summary>The optimizer's state variable named <c>{variable path with _}_{slot}</c>.</summary>
    internal static Variable Slot(Optimizer optimizer, Variable variable, string slot) =>
        optimizer.Variables.Single(v => v.Name == $"{variable.Path.Replace('/', '_')}_{slot}");
}
