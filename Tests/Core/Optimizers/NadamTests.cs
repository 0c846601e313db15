using Keras.Optimizers;
using static Keras.Tests.Core.Optimizers.OptimizerTestKit;

namespace Keras.Tests.Core.Optimizers;

public class NadamTests
{
    [Fact]
    public void Ctor_Defaults()
    {
        var nadam = new Nadam();
        Assert.Equal(0.001, nadam.LearningRate);
        Assert.Equal(0.9, nadam.Beta1);
        Assert.Equal(0.999, nadam.Beta2);
        Assert.Equal(1e-7, nadam.Epsilon);
        Assert.Equal("nadam", nadam.Name);
        Assert.Null(nadam.WeightDecay);
        Assert.Null(nadam.Clipnorm);
        Assert.Null(nadam.Clipvalue);
        Assert.Null(nadam.GlobalClipnorm);
    }

    [Theory]
    [InlineData(1, 0.9, 0.999, 1e-7)]
    [InlineData(3, 0.9, 0.999, 1e-7)]
    [InlineData(3, 0.5, 0.8, 0.05)]
    public void Update_MatchesKerasFormula(int steps, double beta1, double beta2, double epsilon)
    {
        AssertMatchesReference(new Nadam(0.1, beta1, beta2, epsilon), new NadamReference(beta1, beta2, epsilon),
            steps);
    }

    [Fact]
    public void MomentumCache_IsKept_InTheUProductVariable()
    {
        var kernel = MakeKernel();
        var nadam = new Nadam();
        var reference = new NadamReference();
        nadam.Build([kernel]);
        Assert.Equal(
            ["nadam/dense_kernel_momentum", "nadam/dense_kernel_velocity", "nadam/u_product"],
            nadam.Variables.Select(v => v.Path));
        var uProduct = nadam.Variables[^1];
        Assert.Equal(1f, uProduct.ToArray()[0]);
        double[][] expected = [(double[])Kernel.Clone()];
        for (int step = 0; step < 3; step++)
        {
            nadam.Apply([Gradient(KernelGradients[step], kernel)], [kernel]);
            reference.Apply(expected, [KernelGradients[step]], 0.001);
            Assert.Equal(reference.UProduct, uProduct.ToArray()[0], 6);
        }
    }

    [Fact]
    public void RestoredState_RebuildsTheMomentumCache()
    {
        // A fresh optimizer given another's slots and iteration count continues exactly like the original.
        var ran = new Nadam(learningRate: 0.1);
        var a = MakeKernel();
        for (int step = 0; step < 2; step++)
        {
            ran.Apply([Gradient(KernelGradients[step], a)], [a]);
        }
        var b = MakeKernel();
        b.Assign(a.Numpy());
        var restored = new Nadam(learningRate: 0.1);
        restored.Build([b]);
        for (int i = 0; i < ran.Variables.Count; i++)
        {
            restored.Variables[i].Assign(ran.Variables[i].Numpy());
        }
        restored.Iterations = 2;

        ran.Apply([Gradient(KernelGradients[2], a)], [a]);
        restored.Apply([Gradient(KernelGradients[2], b)], [b]);
        Assert.Equal(Values(a), Values(b));
        Assert.Equal(ran.Variables[^1].ToArray(), restored.Variables[^1].ToArray());
    }
}
