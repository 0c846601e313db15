using Keras.Constraints;
using Keras.Layers;
using Keras.Tests.Support;

namespace Keras.Tests.Core.Constraints;

/// <summary>After <c>Fit</c>, a constrained Dense kernel satisfies its constraint (the optimizer projects the weights
/// after every update).</summary>
public sealed class ConstrainedTrainingTests
{
    private static Dense Train(Constraint kernelConstraint, Constraint? biasConstraint = null)
    {
        var (x, y) = TestModels.Classification(64, 6, 3);
        var dense = new Dense(3, kernelConstraint: kernelConstraint, biasConstraint: biasConstraint);
        var model = new Sequential(new Input([6]), dense, new Activation("softmax"));
        model.Compile(optimizer: new Keras.Optimizers.SGD(learningRate: 2.0), loss: "sparse_categorical_crossentropy");
        model.Fit(x, y, batchSize: 16, epochs: 3, verbose: 0);
        return dense;
    }

    private static float[] ColumnNorms(Dense dense) =>
        dense.Kernel!.Value.square().sum([0L]).sqrt().data<float>().ToArray();

    [Fact]
    public void MaxNorm_CapsEveryColumnNorm()
    {
        var dense = Train(new MaxNorm(0.3));
        Assert.All(ColumnNorms(dense), n => Assert.True(n <= 0.3f + 1e-5f, $"norm {n}"));
    }

    [Fact]
    public void UnitNorm_GivesUnitColumns()
    {
        var dense = Train(new UnitNorm());
        Assert.All(ColumnNorms(dense), n => Assert.Equal(1f, n, 4));
    }

    [Fact]
    public void MinMaxNorm_KeepsNormsInTheInterval()
    {
        var dense = Train(new MinMaxNorm(0.8, 0.9));
        Assert.All(ColumnNorms(dense), n => Assert.InRange(n, 0.8f - 1e-5f, 0.9f + 1e-5f));
    }

    [Fact]
    public void NonNeg_KeepsKernelAndBiasNonNegative()
    {
        var dense = Train(new NonNeg(), new NonNeg());
        Assert.True(dense.Kernel!.Value.min().item<float>() >= 0f);
        Assert.True(dense.Bias!.Value.min().item<float>() >= 0f);
        Assert.True(dense.Kernel.Value.max().item<float>() > 0f, "training should leave some positive weights");
    }
}
