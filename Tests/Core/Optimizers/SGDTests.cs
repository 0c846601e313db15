using Keras.Optimizers;
using static Keras.Tests.Core.Optimizers.OptimizerTestKit;

namespace Keras.Tests.Core.Optimizers;

public class SGDTests
{
    [Fact]
    public void Ctor_Defaults()
    {
        var sgd = new SGD();
        Assert.Equal(0.01, sgd.LearningRate);
        Assert.Equal(0.0, sgd.Momentum);
        Assert.False(sgd.Nesterov);
        Assert.Equal("SGD", sgd.Name);
        Assert.Null(sgd.WeightDecay);
        Assert.Null(sgd.Clipnorm);
        Assert.Null(sgd.Clipvalue);
        Assert.Null(sgd.GlobalClipnorm);
        Assert.Equal(0, sgd.Iterations);
        Assert.False(sgd.Built);
        Assert.Empty(sgd.Variables);
    }

    [Theory]
    [InlineData(1, 0.0, false)]
    [InlineData(3, 0.0, false)]
    [InlineData(1, 0.9, false)]
    [InlineData(3, 0.9, false)]
    [InlineData(1, 0.9, true)]
    [InlineData(3, 0.9, true)]
    [InlineData(3, 1.0, true)]
    public void Update_MatchesKerasFormula(int steps, double momentum, bool nesterov)
    {
        AssertMatchesReference(new SGD(learningRate: 0.1, momentum: momentum, nesterov: nesterov),
            new SgdReference(momentum, nesterov), steps);
    }

    [Fact]
    public void MomentumSlot_HoldsKerasVelocity_AndExistsOnlyWithMomentum()
    {
        var kernel = MakeKernel();
        var plain = new SGD();
        plain.Apply([Gradient(KernelGradients[0], kernel)], [kernel]);
        Assert.Empty(plain.Variables);

        kernel = MakeKernel();
        var sgd = new SGD(learningRate: 0.1, momentum: 0.5);
        var reference = new SgdReference(0.5);
        double[][] expected = [(double[])Kernel.Clone()];
        for (int step = 0; step < 2; step++)
        {
            sgd.Apply([Gradient(KernelGradients[step], kernel)], [kernel]);
            reference.Apply(expected, [KernelGradients[step]], 0.1);
        }
        var slot = Assert.Single(sgd.Variables);
        Assert.Equal("SGD/dense_kernel_momentum", slot.Path);
        AssertClose(reference.Slot(0, "momentum", 6), Values(slot), "momentum");
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Momentum_OutsideUnitInterval_Throws(double momentum)
    {
        var error = Assert.Throws<ArgumentException>(() => new SGD(momentum: momentum));
        Assert.Equal("momentum", error.ParamName);
        Assert.StartsWith("`momentum` must be a float between [0, 1]. Received: momentum=", error.Message);
    }

    [Fact]
    public void GetConfig_HasKerasKeys()
    {
        var config = new SGD(learningRate: 0.05, momentum: 0.8, nesterov: true).GetConfig();
        Assert.Equal("SGD", config["name"]);
        Assert.Equal(0.05, config["learning_rate"]);
        Assert.Equal(0.8, config["momentum"]);
        Assert.Equal(true, config["nesterov"]);
    }
}
