using Keras.Optimizers;
using static Keras.Tests.Core.Optimizers.OptimizerTestKit;

namespace Keras.Tests.Core.Optimizers;

public class AdamWTests
{
    [Fact]
    public void Ctor_Defaults()
    {
        var adamw = new AdamW();
        Assert.Equal(0.001, adamw.LearningRate);
        Assert.Equal(0.004, adamw.WeightDecay);
        Assert.Equal(0.9, adamw.Beta1);
        Assert.Equal(0.999, adamw.Beta2);
        Assert.Equal(1e-7, adamw.Epsilon);
        Assert.False(adamw.Amsgrad);
        Assert.Equal("adamw", adamw.Name);
        Assert.Null(adamw.Clipnorm);
        Assert.Null(adamw.Clipvalue);
        Assert.Null(adamw.GlobalClipnorm);
        Assert.IsAssignableFrom<Adam>(adamw);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(3, false)]
    [InlineData(3, true)]
    public void Update_MatchesKerasFormula(int steps, bool amsgrad)
    {
        // Weight decay 0.1 at lr 0.1 shrinks weights by 1% a step, well above the tolerance.
        AssertMatchesReference(new AdamW(learningRate: 0.1, weightDecay: 0.1, amsgrad: amsgrad),
            new AdamReference(amsgrad: amsgrad) { WeightDecay = 0.1 }, steps);
    }

    [Fact]
    public void DefaultDecay_MatchesKerasFormula()
    {
        AssertMatchesReference(new AdamW(learningRate: 0.1), new AdamReference() { WeightDecay = 0.004 }, steps: 3);
    }

    [Fact]
    public void NegativeWeightDecay_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new AdamW(weightDecay: -0.01));
        Assert.Equal("weightDecay", error.ParamName);
        Assert.StartsWith("`weight_decay` must be a non-negative finite float. Received: weight_decay=-0.01",
            error.Message);
    }

    [Fact]
    public void GetConfig_ReportsWeightDecay()
    {
        var config = new AdamW(weightDecay: 0.01).GetConfig();
        Assert.Equal("adamw", config["name"]);
        Assert.Equal(0.01, config["weight_decay"]);
        Assert.Equal(false, config["amsgrad"]);
    }
}
