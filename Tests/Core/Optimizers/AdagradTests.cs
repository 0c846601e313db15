using Keras.Optimizers;
using static Keras.Tests.Core.Optimizers.OptimizerTestKit;

namespace Keras.Tests.Core.Optimizers;

public class AdagradTests
{
    [Fact]
    public void Ctor_Defaults()
    {
        var adagrad = new Adagrad();
        Assert.Equal(0.001, adagrad.LearningRate);
        Assert.Equal(0.1, adagrad.InitialAccumulatorValue);
        Assert.Equal(1e-7, adagrad.Epsilon);
        Assert.Equal("adagrad", adagrad.Name);
        Assert.Null(adagrad.WeightDecay);
        Assert.Null(adagrad.Clipnorm);
        Assert.Null(adagrad.Clipvalue);
        Assert.Null(adagrad.GlobalClipnorm);
    }

    [Theory]
    [InlineData(1, 0.1, 1e-7)]
    [InlineData(3, 0.1, 1e-7)]
    [InlineData(3, 0.0, 0.01)]
    [InlineData(3, 1.0, 0.5)]
    public void Update_MatchesKerasFormula(int steps, double initialAccumulatorValue, double epsilon)
    {
        AssertMatchesReference(new Adagrad(0.1, initialAccumulatorValue, epsilon),
            new AdagradReference(initialAccumulatorValue, epsilon), steps);
    }

    [Fact]
    public void Accumulator_StartsAtInitialValue_AndSumsSquares()
    {
        var kernel = MakeKernel();
        var adagrad = new Adagrad(initialAccumulatorValue: 0.25);
        adagrad.Build([kernel]);
        var accumulator = Assert.Single(adagrad.Variables);
        Assert.Equal("adagrad/dense_kernel_accumulator", accumulator.Path);
        Assert.All(accumulator.ToArray(), x => Assert.Equal(0.25f, x));
        adagrad.Apply([Gradient(KernelGradients[0], kernel)], [kernel]);
        AssertClose(KernelGradients[0].Select(g => 0.25 + (float)g * (float)g).ToArray(), Values(accumulator),
            "accumulator");
    }

    [Fact]
    public void NegativeInitialAccumulatorValue_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Adagrad(initialAccumulatorValue: -0.1));
        Assert.Equal("initialAccumulatorValue", error.ParamName);
        Assert.StartsWith("`initial_accumulator_value` must be a non-negative finite float.", error.Message);
    }

    [Fact]
    public void GetConfig_HasKerasKeys()
    {
        var config = new Adagrad().GetConfig();
        Assert.Equal("adagrad", config["name"]);
        Assert.Equal(0.1, config["initial_accumulator_value"]);
        Assert.Equal(1e-7, config["epsilon"]);
    }
}
