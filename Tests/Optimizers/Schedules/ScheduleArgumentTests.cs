using Keras.Optimizers.Schedules;

namespace Keras.Tests.Optimizers.Schedules;

/// <summary>Keras' defaults and argument checks of the six schedules.</summary>
public sealed class ScheduleArgumentTests
{
    [Fact]
    public void Ctor_Defaults_AreKeras()
    {
        var exponential = new ExponentialDecay(0.1, 10, 0.5);
        Assert.False(exponential.Staircase);
        Assert.Equal("ExponentialDecay", exponential.Name);

        var piecewise = new PiecewiseConstantDecay([5], [0.1, 0.01]);
        Assert.Equal("PiecewiseConstant", piecewise.Name);

        var polynomial = new PolynomialDecay(0.1, 10);
        Assert.Equal(0.0001, polynomial.EndLearningRate);
        Assert.Equal(1.0, polynomial.Power);
        Assert.False(polynomial.Cycle);
        Assert.Equal("PolynomialDecay", polynomial.Name);

        var inverse = new InverseTimeDecay(0.1, 10, 0.5);
        Assert.False(inverse.Staircase);
        Assert.Equal("InverseTimeDecay", inverse.Name);

        var cosine = new CosineDecay(0.1, 10);
        Assert.Equal(0.0, cosine.Alpha);
        Assert.Null(cosine.WarmupTarget);
        Assert.Equal(0.0, cosine.WarmupSteps);
        Assert.Equal("CosineDecay", cosine.Name);

        var restarts = new CosineDecayRestarts(0.1, 10);
        Assert.Equal(2.0, restarts.TMul);
        Assert.Equal(1.0, restarts.MMul);
        Assert.Equal(0.0, restarts.Alpha);
        Assert.Equal("SGDRDecay", restarts.Name);
    }

    public static TheoryData<string, string, string> BadSteps => new()
    {
        { "ExponentialDecay", "decay_steps=0", "decaySteps" },
        { "InverseTimeDecay", "decay_steps=-2", "decaySteps" },
        { "PolynomialDecay", "decay_steps=0", "decaySteps" },
        { "CosineDecay", "decay_steps=-0.5", "decaySteps" },
        { "CosineDecayNaN", "decay_steps=NaN", "decaySteps" },
        { "CosineDecayRestarts", "first_decay_steps=0", "firstDecaySteps" },
    };

    [Theory]
    [MemberData(nameof(BadSteps))]
    public void NonPositiveDecaySteps_AreRejected_WithKerasMessage(string schedule, string received, string paramName)
    {
        Func<LearningRateSchedule> create = schedule switch
        {
            "ExponentialDecay" => () => new ExponentialDecay(0.1, 0, 0.5),
            "InverseTimeDecay" => () => new InverseTimeDecay(0.1, -2, 0.5),
            "PolynomialDecay" => () => new PolynomialDecay(0.1, 0),
            "CosineDecay" => () => new CosineDecay(0.1, -0.5),
            "CosineDecayNaN" => () => new CosineDecay(0.1, double.NaN),
            _ => () => new CosineDecayRestarts(0.1, 0),
        };
        var error = Assert.Throws<ArgumentException>(create);
        string kerasName = received[..received.IndexOf('=')];
        Assert.StartsWith($"Argument `{kerasName}` must be > 0. Received: {received}", error.Message);
        Assert.Equal(paramName, error.ParamName);
    }

    [Fact]
    public void PiecewiseConstantDecay_MismatchedLengths_KerasMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => new PiecewiseConstantDecay([100, 110], [1.0, 0.5]));
        Assert.StartsWith(
            "The length of boundaries should be 1 less than the length of values. Received: boundaries=[100, 110] " +
            "of length 2, and values=[1.0, 0.5] of length 2.", error.Message);
    }

    [Fact]
    public void PiecewiseConstantDecay_WithoutBoundaries_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new PiecewiseConstantDecay([], [0.1]));
        Assert.Equal("boundaries", error.ParamName);
    }

    [Fact]
    public void PiecewiseConstantDecay_KeepsItsOwnCopies()
    {
        long[] boundaries = [10];
        double[] values = [1.0, 0.5];
        var schedule = new PiecewiseConstantDecay(boundaries, values);
        boundaries[0] = 0;
        values[0] = 9.0;
        Assert.Equal(1.0, schedule.Call(5));
        Assert.Equal([10L], schedule.Boundaries);
    }

    [Fact]
    public void CosineDecay_WarmupTargetWithoutWarmupSteps_DecaysFromTheTarget()
    {
        var schedule = new CosineDecay(0.0, 10, warmupTarget: 0.2);
        Assert.Equal((double)0.2f, schedule.Call(0));
        Assert.Equal(0.0, schedule.Call(10), 7);
    }
}
