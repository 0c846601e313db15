using Keras.Layers;
using Keras.Regularizers;

namespace Keras.Tests.Core.Regularizers;

/// <summary>Regularizers in training: the loss <c>Fit</c> reports is the data loss plus every penalty.</summary>
public sealed class RegularizedTrainingTests
{
    private static readonly float[,] X = { { 1, 2, 0.5f }, { -1, 0.25f, 2 }, { 0.5f, -0.5f, 1 }, { 2, 1, -1 } };
    private static readonly float[,] Y = { { 1, 0 }, { 0, 1 }, { 0.5f, 0.5f }, { 2, -1 } };
    private static readonly double[,] Kernel = { { 0.5, -0.25 }, { 0.75, 0.125 }, { -0.5, 1.0 } };
    private static readonly double[] Bias = { 0.1, -0.2 };

    /// <summary>The Dense outputs for the fixed weights, in C# doubles.</summary>
    private static double[,] Outputs()
    {
        var outputs = new double[4, 2];
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                double sum = Bias[j];
                for (int k = 0; k < 3; k++)
                {
                    sum += X[i, k] * Kernel[k, j];
                }
                outputs[i, j] = sum;
            }
        }
        return outputs;
    }

    private static double MeanSquaredError()
    {
        var outputs = Outputs();
        double total = 0;
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                total += Math.Pow(outputs[i, j] - Y[i, j], 2);
            }
        }
        return total / 8;
    }

    private static Sequential Model(Dense dense)
    {
        var model = new Sequential(new Input([3]), dense);
        dense.Kernel!.Assign(torch.tensor(Kernel.Cast<double>().Select(v => (float)v).ToArray()).reshape(3, 2));
        dense.Bias!.Assign(torch.tensor(Bias.Select(v => (float)v).ToArray()));
        model.Compile(optimizer: "sgd", loss: "mse");
        return model;
    }

    [Fact]
    public void Fit_ReportsDataLossPlusWeightPenalties()
    {
        var model = Model(new Dense(2, kernelRegularizer: new L2(0.1), biasRegularizer: new L1(0.2)));
        var history = model.Fit(X, Y, batchSize: 4, epochs: 1, verbose: 0, shuffle: false);
        double penalty = 0.1 * Kernel.Cast<double>().Sum(v => v * v) + 0.2 * Bias.Sum(Math.Abs);
        Assert.Equal(MeanSquaredError() + penalty, history["loss"][0], 5);
        Assert.True(penalty > 0.1, "the penalty must be large enough for the comparison to mean something");
    }

    [Fact]
    public void Fit_ReportsDataLossPlusActivityPenalty()
    {
        var model = Model(new Dense(2, activityRegularizer: new L1(0.05)));
        var history = model.Fit(X, Y, batchSize: 4, epochs: 1, verbose: 0, shuffle: false);
        double penalty = 0.05 * Outputs().Cast<double>().Sum(Math.Abs);
        Assert.Equal(MeanSquaredError() + penalty, history["loss"][0], 5);
    }

    [Fact]
    public void Fit_WithoutRegularizers_ReportsTheDataLoss()
    {
        var model = Model(new Dense(2));
        var history = model.Fit(X, Y, batchSize: 4, epochs: 1, verbose: 0, shuffle: false);
        Assert.Equal(MeanSquaredError(), history["loss"][0], 5);
    }

    [Fact]
    public void Fit_StrongL2_ShrinksTheKernel()
    {
        var plain = Model(new Dense(2));
        var shrunk = Model(new Dense(2, kernelRegularizer: new L2(5.0)));
        plain.Fit(X, Y, batchSize: 4, epochs: 20, verbose: 0, shuffle: false);
        shrunk.Fit(X, Y, batchSize: 4, epochs: 20, verbose: 0, shuffle: false);
        double Norm(Sequential m) => m.Layers.OfType<Dense>().Single().Kernel!.Value.square().sum().item<float>();
        Assert.True(Norm(shrunk) < 0.5 * Norm(plain), $"{Norm(shrunk)} vs {Norm(plain)}");
    }
}
