using Keras.Initializers;

namespace Keras.Tests.Core;

public class InitializerTests
{
    [Theory]
    [InlineData(new long[] { 5 }, 5, 5)]
    [InlineData(new long[] { 784, 128 }, 784, 128)]
    [InlineData(new long[] { 3, 3, 16, 32 }, 144, 288)]
    public void ComputeFans_FollowsKeras(long[] shape, double fanIn, double fanOut) =>
        Assert.Equal((fanIn, fanOut), Initializer.ComputeFans(shape));

    [Theory]
    [InlineData("glorot_uniform", 2.0 / (400 + 100))]
    [InlineData("he_uniform", 2.0 / 400)]
    [InlineData("lecun_uniform", 1.0 / 400)]
    [InlineData("glorot_normal", 2.0 / (400 + 100))]
    [InlineData("he_normal", 2.0 / 400)]
    [InlineData("lecun_normal", 1.0 / 400)]
    public void VarianceScalingFamily_HasKerasVariance(string name, double variance)
    {
        Utils.SetRandomSeed(0);
        using var w = Initializer.Get(name).Call([400, 100]);
        double actual = w.var().item<float>();
        Assert.InRange(actual, variance * 0.93, variance * 1.07);
        Assert.InRange(w.mean().item<float>(), -0.01, 0.01);
    }

    [Fact]
    public void TruncatedNormal_StaysWithinTwoStandardDeviations()
    {
        using var w = new TruncatedNormal(stddev: 0.05).Call([10000]);
        Assert.True(w.abs().max().item<float>() <= 0.1f + 1e-6f);
    }

    [Fact]
    public void ConstantsAndNames()
    {
        using var z = Initializer.Get("zeros").Call([3]);
        using var o = Initializer.Get("ones").Call([3]);
        using var c = new Constant(2.5).Call([2]);
        Assert.Equal(0f, z.sum().item<float>());
        Assert.Equal(3f, o.sum().item<float>());
        Assert.Equal(5f, c.sum().item<float>());
        Assert.StartsWith("Unknown initializer \"glorot\"", Assert.Throws<ArgumentException>(() => Initializer.Get("glorot")).Message);
        Assert.Throws<ArgumentException>(() => new VarianceScaling(mode: "fan_sideways"));
    }
}
