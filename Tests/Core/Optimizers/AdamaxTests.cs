using Keras.Optimizers;
using static Keras.Tests.Core.Optimizers.OptimizerTestKit;

namespace Keras.Tests.Core.Optimizers;

public class AdamaxTests
{
    [Fact]
    public void Ctor_Defaults()
    {
        var adamax = new Adamax();
        Assert.Equal(0.001, adamax.LearningRate);
        Assert.Equal(0.9, adamax.Beta1);
        Assert.Equal(0.999, adamax.Beta2);
        Assert.Equal(1e-7, adamax.Epsilon);
        Assert.Equal("adamax", adamax.Name);
        Assert.Null(adamax.WeightDecay);
        Assert.Null(adamax.Clipnorm);
        Assert.Null(adamax.Clipvalue);
        Assert.Null(adamax.GlobalClipnorm);
    }

    [Theory]
    [InlineData(1, 0.9, 0.999, 1e-7)]
    [InlineData(3, 0.9, 0.999, 1e-7)]
    [InlineData(3, 0.5, 0.6, 0.05)]
    public void Update_MatchesKerasFormula(int steps, double beta1, double beta2, double epsilon)
    {
        AssertMatchesReference(new Adamax(0.1, beta1, beta2, epsilon), new AdamaxReference(beta1, beta2, epsilon),
            steps);
    }

    [Fact]
    public void Slots_AreInterleavedPerVariableLikeKeras()
    {
        var adamax = new Adamax();
        adamax.Build([MakeKernel(), MakeBias()]);
        Assert.Equal(
            ["adamax/dense_kernel_momentum", "adamax/dense_kernel_norm", "adamax/dense_bias_momentum",
                "adamax/dense_bias_norm"],
            adamax.Variables.Select(v => v.Path));
    }

    [Fact]
    public void Norm_IsTheWeightedInfinityNorm()
    {
        var kernel = MakeKernel();
        var adamax = new Adamax(beta2: 0.5);
        var reference = new AdamaxReference(beta2: 0.5);
        double[][] expected = [(double[])Kernel.Clone()];
        for (int step = 0; step < 3; step++)
        {
            adamax.Apply([Gradient(KernelGradients[step], kernel)], [kernel]);
            reference.Apply(expected, [KernelGradients[step]], 0.001);
        }
        AssertClose(reference.Slot(0, "norm", 6), Values(Slot(adamax, kernel, "norm")), "norm");
    }

    [Fact]
    public void Beta1_OfOne_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Adamax(beta1: 1.0));
        Assert.Equal("beta1", error.ParamName);
        Assert.Equal("`beta_1` must be a float between [0, 1). Received: beta_1=1 (Parameter 'beta1')", error.Message);
    }
}
