using Keras.Optimizers;
using static Keras.Tests.Core.Optimizers.OptimizerTestKit;

namespace Keras.Tests.Core.Optimizers;

public class AdamTests
{
    [Fact]
    public void Ctor_Defaults()
    {
        var adam = new Adam();
        Assert.Equal(0.001, adam.LearningRate);
        Assert.Equal(0.9, adam.Beta1);
        Assert.Equal(0.999, adam.Beta2);
        Assert.Equal(1e-7, adam.Epsilon);
        Assert.False(adam.Amsgrad);
        Assert.Equal("adam", adam.Name);
        Assert.Null(adam.WeightDecay);
        Assert.Null(adam.Clipnorm);
        Assert.Null(adam.Clipvalue);
        Assert.Null(adam.GlobalClipnorm);
        Assert.Equal(0, adam.Iterations);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(3, false)]
    [InlineData(1, true)]
    [InlineData(3, true)]
    public void Update_MatchesKerasFormula(int steps, bool amsgrad)
    {
        AssertMatchesReference(new Adam(learningRate: 0.1, amsgrad: amsgrad), new AdamReference(amsgrad: amsgrad),
            steps);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Update_WithOtherHyperparameters_MatchesKerasFormula(bool amsgrad)
    {
        // A large epsilon makes its placement (added to √v, not inside the root) visible.
        AssertMatchesReference(new Adam(learningRate: 0.05, beta1: 0.5, beta2: 0.8, epsilon: 0.1, amsgrad: amsgrad),
            new AdamReference(0.5, 0.8, 0.1, amsgrad), steps: 3);
    }

    [Fact]
    public void Slots_AreNamedAndOrderedLikeKeras()
    {
        var kernel = MakeKernel();
        var bias = MakeBias();
        var adam = new Adam(amsgrad: true);
        adam.Build([kernel, bias]);
        Assert.Equal(
            ["adam/dense_kernel_momentum", "adam/dense_bias_momentum", "adam/dense_kernel_velocity",
                "adam/dense_bias_velocity", "adam/dense_kernel_velocity_hat", "adam/dense_bias_velocity_hat"],
            adam.Variables.Select(v => v.Path));
        Assert.All(adam.Variables, v => Assert.False(v.Trainable));
        Assert.Equal(kernel.Shape, adam.Variables[0].Shape);
        Assert.Equal(bias.Shape, adam.Variables[1].Shape);
    }

    [Fact]
    public void Slots_HoldKerasMoments()
    {
        var kernel = MakeKernel();
        var adam = new Adam(learningRate: 0.1);
        var reference = new AdamReference();
        double[][] expected = [(double[])Kernel.Clone()];
        for (int step = 0; step < 3; step++)
        {
            adam.Apply([Gradient(KernelGradients[step], kernel)], [kernel]);
            reference.Apply(expected, [KernelGradients[step]], 0.1);
        }
        AssertClose(reference.Slot(0, "momentum", 6), Values(Slot(adam, kernel, "momentum")), "momentum");
        AssertClose(reference.Slot(0, "velocity", 6), Values(Slot(adam, kernel, "velocity")), "velocity");
    }

    [Theory]
    [InlineData("beta1", "beta_1", 1.0)]
    [InlineData("beta1", "beta_1", -0.1)]
    [InlineData("beta2", "beta_2", 1.0)]
    [InlineData("beta2", "beta_2", double.NaN)]
    [InlineData("epsilon", "epsilon", -1e-7)]
    public void InvalidHyperparameters_Throw(string param, string kerasName, double value)
    {
        var error = Assert.Throws<ArgumentException>(() => param switch
        {
            "beta1" => new Adam(beta1: value),
            "beta2" => new Adam(beta2: value),
            _ => new Adam(epsilon: value),
        });
        Assert.Equal(param, error.ParamName);
        Assert.StartsWith($"`{kerasName}` must be", error.Message);
        Assert.Contains($"Received: {kerasName}=", error.Message);
    }

    [Fact]
    public void GetConfig_HasKerasKeys()
    {
        var config = new Adam(amsgrad: true).GetConfig();
        Assert.Equal("adam", config["name"]);
        Assert.Equal(0.001, config["learning_rate"]);
        Assert.Equal(0.9, config["beta_1"]);
        Assert.Equal(0.999, config["beta_2"]);
        Assert.Equal(1e-7, config["epsilon"]);
        Assert.Equal(true, config["amsgrad"]);
        Assert.Null(config["weight_decay"]);
        Assert.Equal(false, config["use_ema"]);
    }
}
