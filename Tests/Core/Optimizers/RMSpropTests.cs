using Keras.Optimizers;
using static Keras.Tests.Core.Optimizers.OptimizerTestKit;

namespace Keras.Tests.Core.Optimizers;

public class RMSpropTests
{
    [Fact]
    public void Ctor_Defaults()
    {
        var rmsprop = new RMSprop();
        Assert.Equal(0.001, rmsprop.LearningRate);
        Assert.Equal(0.9, rmsprop.Rho);
        Assert.Equal(0.0, rmsprop.Momentum);
        Assert.Equal(1e-7, rmsprop.Epsilon);
        Assert.False(rmsprop.Centered);
        Assert.Equal("rmsprop", rmsprop.Name);
        Assert.Null(rmsprop.WeightDecay);
        Assert.Null(rmsprop.Clipnorm);
        Assert.Null(rmsprop.Clipvalue);
        Assert.Null(rmsprop.GlobalClipnorm);
    }

    [Theory]
    [InlineData(1, 0.0, false)]
    [InlineData(3, 0.0, false)]
    [InlineData(1, 0.9, false)]
    [InlineData(3, 0.9, false)]
    [InlineData(1, 0.0, true)]
    [InlineData(3, 0.0, true)]
    [InlineData(3, 0.5, true)]
    public void Update_MatchesKerasFormula(int steps, double momentum, bool centered)
    {
        AssertMatchesReference(new RMSprop(learningRate: 0.01, momentum: momentum, centered: centered),
            new RmspropReference(momentum: momentum, centered: centered), steps);
    }

    [Fact]
    public void Update_WithLargeEpsilon_PutsEpsilonInsideTheRoot()
    {
        AssertMatchesReference(new RMSprop(learningRate: 0.05, rho: 0.5, epsilon: 0.05, centered: true),
            new RmspropReference(rho: 0.5, epsilon: 0.05, centered: true), steps: 3);
    }

    [Fact]
    public void KerasDocstringExample()
    {
        // keras.optimizers.RMSprop docstring: var1 = 10.0, loss = var1² / 2, one step at lr 0.1 gives 9.683772.
        var variable = MakeVariable([10.0], [1], "var1");
        var opt = new RMSprop(learningRate: 0.1);
        opt.Apply([torch.tensor(new float[] { 10f })], [variable]);
        Assert.Equal(9.683772, variable.ToArray()[0], 5);
    }

    [Fact]
    public void Slots_AreNamedAndOrderedLikeKeras()
    {
        var kernel = MakeKernel();
        var opt = new RMSprop(momentum: 0.9, centered: true);
        opt.Build([kernel]);
        Assert.Equal(
            ["rmsprop/dense_kernel_velocity", "rmsprop/dense_kernel_momentum", "rmsprop/dense_kernel_average_gradient"],
            opt.Variables.Select(v => v.Path));
        var plain = new RMSprop();
        plain.Build([kernel]);
        Assert.Equal(["rmsprop/dense_kernel_velocity"], plain.Variables.Select(v => v.Path));
    }

    [Theory]
    [InlineData("rho", 1.5)]
    [InlineData("rho", -0.5)]
    [InlineData("momentum", 2.0)]
    [InlineData("epsilon", -1.0)]
    public void InvalidHyperparameters_Throw(string param, double value)
    {
        var error = Assert.Throws<ArgumentException>(() => param switch
        {
            "rho" => new RMSprop(rho: value),
            "momentum" => new RMSprop(momentum: value),
            _ => new RMSprop(epsilon: value),
        });
        Assert.Equal(param, error.ParamName);
        Assert.StartsWith($"`{param}` must be", error.Message);
    }

    [Fact]
    public void GetConfig_HasKerasKeys()
    {
        var config = new RMSprop(centered: true).GetConfig();
        Assert.Equal(0.9, config["rho"]);
        Assert.Equal(0.0, config["momentum"]);
        Assert.Equal(1e-7, config["epsilon"]);
        Assert.Equal(true, config["centered"]);
    }
}
