using Keras.Optimizers;
using static Keras.Tests.Core.Optimizers.OptimizerTestKit;

namespace Keras.Tests.Core.Optimizers;

/// <summary>What every optimizer shares through the base class: clipping, weight decay, the learning rate,
/// gradient bookkeeping and errors.</summary>
public class OptimizerTests
{
    public static TheoryData<string> Names => ["sgd", "adam", "adamw", "rmsprop", "adagrad", "adamax", "nadam"];

    [Theory]
    [InlineData(0.1)]
    [InlineData(10.0)]
    public void Clipnorm_ClipsEachGradientToItsOwnNorm(double clipnorm)
    {
        AssertMatchesReference(new Adam(learningRate: 0.1, clipnorm: clipnorm),
            new AdamReference { Clipnorm = clipnorm }, steps: 3);
        AssertMatchesReference(new SGD(learningRate: 0.5, clipnorm: clipnorm),
            new SgdReference { Clipnorm = clipnorm }, steps: 3);
    }

    [Theory]
    [InlineData(0.15)]
    [InlineData(10.0)]
    public void Clipvalue_ClipsEachElement(double clipvalue)
    {
        AssertMatchesReference(new SGD(learningRate: 0.5, clipvalue: clipvalue),
            new SgdReference { Clipvalue = clipvalue }, steps: 3);
        AssertMatchesReference(new RMSprop(learningRate: 0.01, clipvalue: clipvalue),
            new RmspropReference { Clipvalue = clipvalue }, steps: 3);
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(10.0)]
    public void GlobalClipnorm_ClipsAllGradientsJointly(double globalClipnorm)
    {
        AssertMatchesReference(new SGD(learningRate: 0.5, globalClipnorm: globalClipnorm),
            new SgdReference { GlobalClipnorm = globalClipnorm }, steps: 3);
        AssertMatchesReference(new Adagrad(learningRate: 0.1, globalClipnorm: globalClipnorm),
            new AdagradReference { GlobalClipnorm = globalClipnorm }, steps: 3);
    }

    [Fact]
    public void Clipnorm_OfAZeroGradient_LeavesItZero()
    {
        var kernel = MakeKernel();
        new SGD(learningRate: 1.0, clipnorm: 1.0).Apply([Gradient(new double[6], kernel)], [kernel]);
        new SGD(learningRate: 1.0, globalClipnorm: 1.0).Apply([Gradient(new double[6], kernel)], [kernel]);
        Assert.Equal(Kernel, Values(kernel));
    }

    [Fact]
    public void GlobalClipnorm_OfAnInfiniteGradient_GivesNaN_AsKeras()
    {
        var kernel = MakeKernel();
        var grad = Gradient([1, 2, 3, 4, 5, double.PositiveInfinity], kernel);
        new SGD(learningRate: 1.0, globalClipnorm: 1.0).Apply([grad], [kernel]);
        Assert.All(Values(kernel), x => Assert.True(double.IsNaN(x)));
    }

    [Fact]
    public void MoreThanOneClipOption_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Adam(clipnorm: 1.0, clipvalue: 0.5));
        Assert.Equal(
            "Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. Received: clipnorm=1, " +
            "clipvalue=0.5, global_clipnorm=None", error.Message);
        Assert.Throws<ArgumentException>(() => new SGD(clipnorm: 1.0, globalClipnorm: 1.0));
    }

    [Theory]
    [InlineData("clipnorm", "clipnorm")]
    [InlineData("clipvalue", "clipvalue")]
    [InlineData("globalClipnorm", "global_clipnorm")]
    [InlineData("weightDecay", "weight_decay")]
    public void NegativeClipOrDecay_Throws(string param, string kerasName)
    {
        var error = Assert.Throws<ArgumentException>(() => param switch
        {
            "clipnorm" => new SGD(clipnorm: -1),
            "clipvalue" => new SGD(clipvalue: -1),
            "globalClipnorm" => new SGD(globalClipnorm: -1),
            _ => new SGD(weightDecay: -1),
        });
        Assert.Equal(param, error.ParamName);
        Assert.StartsWith($"`{kerasName}` must be a non-negative finite float. Received: {kerasName}=-1",
            error.Message);
    }

    [Theory]
    [InlineData("sgd")]
    [InlineData("adam")]
    [InlineData("rmsprop")]
    [InlineData("adagrad")]
    [InlineData("adamax")]
    [InlineData("nadam")]
    public void WeightDecay_IsAppliedBeforeTheUpdate_ForEveryOptimizer(string name)
    {
        (Optimizer optimizer, KerasReference reference) = name switch
        {
            "sgd" => ((Optimizer)new SGD(learningRate: 0.1, momentum: 0.9, weightDecay: 0.2),
                (KerasReference)new SgdReference(0.9) { WeightDecay = 0.2 }),
            "adam" => (new Adam(learningRate: 0.1, weightDecay: 0.2), new AdamReference { WeightDecay = 0.2 }),
            "rmsprop" => (new RMSprop(learningRate: 0.01, weightDecay: 0.5),
                new RmspropReference { WeightDecay = 0.5 }),
            "adagrad" => (new Adagrad(learningRate: 0.1, weightDecay: 0.2), new AdagradReference { WeightDecay = 0.2 }),
            "adamax" => (new Adamax(learningRate: 0.1, weightDecay: 0.2), new AdamaxReference { WeightDecay = 0.2 }),
            _ => (new Nadam(learningRate: 0.1, weightDecay: 0.2), new NadamReference { WeightDecay = 0.2 }),
        };
        AssertMatchesReference(optimizer, reference, steps: 3);
    }

    [Fact]
    public void WeightDecay_IsExactlyTheKerasFactor()
    {
        // With a zero gradient SGD leaves only the decay: w ← w - w·wd·lr.
        var kernel = MakeKernel();
        new SGD(learningRate: 0.5, weightDecay: 0.1).Apply([Gradient(new double[6], kernel)], [kernel]);
        AssertClose(Kernel.Select(w => w - w * 0.1 * 0.5).ToArray(), Values(kernel), "kernel");
    }

    [Fact]
    public void ExcludeFromWeightDecay_ByNameOrVariable()
    {
        var kernel = MakeKernel();
        var bias = MakeBias();
        var zeroK = Gradient(new double[6], kernel);
        var zeroB = Gradient(new double[2], bias);
        var byName = new AdamW(learningRate: 0.5, weightDecay: 0.1);
        byName.ExcludeFromWeightDecay(varNames: ["bias"]);
        byName.Apply([zeroK, zeroB], [kernel, bias]);
        AssertClose(Kernel.Select(w => w * 0.95).ToArray(), Values(kernel), "kernel");
        Assert.Equal(Bias, Values(bias));

        var byVariable = new SGD(learningRate: 0.5, weightDecay: 0.1);
        byVariable.ExcludeFromWeightDecay(varList: [kernel]);
        byVariable.Apply([zeroK, zeroB], [kernel, bias]);
        AssertClose(Kernel.Select(w => w * 0.95).ToArray(), Values(kernel), "kernel");
        AssertClose(Bias.Select(w => w * 0.95).ToArray(), Values(bias), "bias");
    }

    [Fact]
    public void LearningRate_ChangedBetweenSteps_TakesEffect()
    {
        double[] rates = [0.1, 0.02, 0.3];
        AssertMatchesReference(new Adam(), new AdamReference(), steps: 3, step => rates[step]);
        AssertMatchesReference(new SGD(momentum: 0.9), new SgdReference(0.9), steps: 3, step => rates[step]);
        AssertMatchesReference(new AdamW(weightDecay: 0.5), new AdamReference { WeightDecay = 0.5 }, steps: 3,
            step => rates[step]);
    }

    [Fact]
    public void LearningRate_Zero_LeavesWeightsUnchanged()
    {
        var kernel = MakeKernel();
        var adam = new Adam(learningRate: 0);
        adam.Apply([Gradient(KernelGradients[0], kernel)], [kernel]);
        Assert.Equal(Kernel, Values(kernel));
        Assert.Equal(1, adam.Iterations);
    }

    [Theory]
    [InlineData(-0.001)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void LearningRate_Invalid_Throws(double learningRate)
    {
        var ctor = Assert.Throws<ArgumentException>(() => new Adam(learningRate: learningRate));
        Assert.Equal("learningRate", ctor.ParamName);
        Assert.StartsWith("Optimizer \"adam\" expects a non-negative finite learning rate. Received: learning_rate=",
            ctor.Message);

        var adam = new Adam();
        var setter = Assert.Throws<ArgumentException>(() => adam.LearningRate = learningRate);
        Assert.Equal("LearningRate", setter.ParamName);
        Assert.Equal(0.001, adam.LearningRate);
    }

    [Fact]
    public void NullGradient_SkipsItsVariable()
    {
        var kernel = MakeKernel();
        var bias = MakeBias();
        var adam = new Adam(learningRate: 0.1);
        adam.Apply([null, Gradient(BiasGradients[0], bias)], [kernel, bias]);
        Assert.Equal(Kernel, Values(kernel));
        Assert.NotEqual(Bias, Values(bias));
        Assert.All(Values(Slot(adam, kernel, "momentum")), x => Assert.Equal(0.0, x));
        Assert.Equal(1, adam.Iterations);
    }

    [Fact]
    public void AllGradientsNull_Throws_LikeKeras()
    {
        var kernel = MakeKernel();
        var adam = new Adam();
        var error = Assert.Throws<ArgumentException>(() => adam.Apply([null], [kernel]));
        Assert.StartsWith("No gradients provided for any variable.", error.Message);
        Assert.Equal(0, adam.Iterations);
    }

    [Fact]
    public void EmptyLists_AreANoOp()
    {
        var adam = new Adam();
        adam.Apply([], []);
        Assert.Equal(0, adam.Iterations);
        Assert.False(adam.Built);
    }

    [Fact]
    public void CountMismatch_Throws()
    {
        var kernel = MakeKernel();
        var error = Assert.Throws<ArgumentException>(
            () => new SGD().Apply([Gradient(KernelGradients[0], kernel), null], [kernel]));
        Assert.Contains("received 2 gradients for 1 variables", error.Message);
    }

    [Fact]
    public void UnknownVariable_Throws_WithoutUpdatingAnything()
    {
        var kernel = MakeKernel();
        var other = MakeVariable(Kernel, [2, 3], "kernel", "dense_1");
        var adam = new Adam(learningRate: 0.1);
        adam.Apply([Gradient(KernelGradients[0], kernel)], [kernel]);
        var before = Values(kernel);
        var error = Assert.Throws<ArgumentException>(() => adam.Apply(
            [Gradient(KernelGradients[1], kernel), Gradient(KernelGradients[1], other)], [kernel, other]));
        Assert.StartsWith("Unknown variable: <Variable path=dense_1/kernel", error.Message);
        Assert.Contains("you should recreate a new optimizer instance", error.Message);
        Assert.Equal(before, Values(kernel));
        Assert.Equal(1, adam.Iterations);
    }

    [Fact]
    public void SubsetOfBuiltVariables_UsesTheirOwnSlots()
    {
        var kernel = MakeKernel();
        var bias = MakeBias();
        var adam = new Adam(learningRate: 0.1);
        adam.Build([kernel, bias]);
        adam.Apply([Gradient(BiasGradients[0], bias)], [bias]);
        Assert.All(Values(Slot(adam, kernel, "momentum")), x => Assert.Equal(0.0, x));
        AssertClose(BiasGradients[0].Select(g => 0.1 * (float)g).ToArray(), Values(Slot(adam, bias, "momentum")),
            "bias momentum");
    }

    [Fact]
    public void Constraint_IsAppliedAfterTheUpdate()
    {
        using var scope = torch.NewDisposeScope();
        var kernel = new Variable("kernel", "dense/kernel", torch.tensor(new float[] { 1f, -1f }), true, "float32")
        {
            Constraint = new ClampConstraint(),
        };
        new SGD(learningRate: 1.0).Apply([torch.tensor(new float[] { 0.5f, 0.5f })], [kernel]);
        Assert.Equal([0.5f, 0f], kernel.ToArray());
    }

    [Fact]
    public void Gradient_OfAnotherDtype_IsCastToTheVariableDtype()
    {
        var kernel = MakeKernel();
        var grad = torch.tensor(KernelGradients[0], torch.float64).reshape(2, 3);
        new SGD(learningRate: 1.0).Apply([grad], [kernel]);
        AssertClose(Kernel.Zip(KernelGradients[0], (w, g) => w - g).ToArray(), Values(kernel), "kernel");
        Assert.Equal(torch.float32, kernel.Value.dtype);
    }

    [Fact]
    public void Float64Variables_AreUpdatedInFloat64()
    {
        var kernel = MakeVariable(Kernel, [2, 3], dtype: "float64");
        var adam = new Adam(learningRate: 0.1);
        var reference = new AdamReference();
        double[][] expected = [(double[])Kernel.Clone()];
        for (int step = 0; step < 3; step++)
        {
            // The reference rounds gradients to float32 as the float32 tests need; give the same values here.
            var grad = KernelGradients[step].Select(g => (double)(float)g).ToArray();
            adam.Apply([torch.tensor(grad, torch.float64).reshape(2, 3)], [kernel]);
            reference.Apply(expected, [grad], 0.1);
        }
        Assert.Equal("float64", Slot(adam, kernel, "momentum").DType);
        AssertClose(expected[0], kernel.Numpy().data<double>().ToArray(), "kernel", tolerance: 1e-12);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Apply_FreesItsTemporaries(string name)
    {
        var kernel = MakeKernel();
        var bias = MakeBias();
        var optimizer = name == "adam" ? new Adam(amsgrad: true, globalClipnorm: 0.1) : Optimizer.Get(name);
        var grads = new[] { Gradient(KernelGradients[0], kernel), Gradient(BiasGradients[0], bias) };
        using var scope = torch.NewDisposeScope();
        for (int step = 0; step < 3; step++)
        {
            optimizer.Apply(grads, [kernel, bias]);
        }
        Assert.Equal(0, scope.DisposablesCount);
        Assert.All(grads, g => Assert.False(g.IsInvalid));
    }
}

/// <summary>A constraint for the optimizer test: clamps to [0, 0.95].</summary>
internal sealed class ClampConstraint : Keras.Constraints.Constraint
{
    public override Tensor Call(Tensor w) => w.clamp(0, 0.95);

    public override Dictionary<string, object?> GetConfig() => [];
}
