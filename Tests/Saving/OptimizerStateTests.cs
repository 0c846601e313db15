using Keras.Optimizers;
using Keras.Saving;

namespace Keras.Tests.Saving;

public class OptimizerStateTests
{
    public static TheoryData<string> Optimizers => ["sgd", "adam", "adamw", "rmsprop", "adagrad", "adamax", "nadam"];

    private static Optimizer Create(string name) => name switch
    {
        "sgd" => new SGD(0.05, momentum: 0.9),
        "adam" => new Adam(0.01, amsgrad: true),
        "adamw" => new AdamW(0.01),
        "rmsprop" => new RMSprop(0.01, momentum: 0.5, centered: true),
        "adagrad" => new Adagrad(0.05),
        "adamax" => new Adamax(0.01),
        _ => new Nadam(0.01),
    };

    private static List<Variable> Weights()
    {
        var kernel = new Variable("kernel", "dense/kernel", torch.arange(6, dtype: torch.float32).reshape(2, 3) / 10,
            trainable: true, "float32");
        var bias = new Variable("bias", "dense/bias", torch.full(3, 0.5f), trainable: true, "float32");
        return [kernel, bias];
    }

    private static void Step(Optimizer optimizer, List<Variable> weights, int seed)
    {
        using var scope = torch.NewDisposeScope();
        var generator = new torch.Generator((ulong)seed);
        var grads = weights.Select(w => (Tensor?)torch.randn(w.Value.shape, generator: generator)).ToList();
        optimizer.Apply(grads, weights);
    }

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void RestoredState_ContinuesExactlyLikeTheOriginal(string name)
    {
        var original = Create(name);
        var weights = Weights();
        for (int i = 0; i < 3; i++)
        {
            Step(original, weights, i);
        }
        var state = original.GetState();
        Assert.Equal(original.StateSpec(weights).Select(s => s.Path), state.Select(s => s.Path));

        var copy = Create(name);
        var copyWeights = Weights();
        for (int i = 0; i < weights.Count; i++)
        {
            copyWeights[i].Assign(weights[i].Value);
        }
        copy.SetState(copyWeights, state.Select(s => s.Value).ToList(), "state.h5");
        Assert.Equal(3, copy.Iterations);
        Assert.Equal(original.LearningRate, copy.LearningRate);

        Step(original, weights, 10);
        Step(copy, copyWeights, 10);
        for (int i = 0; i < weights.Count; i++)
        {
            Assert.True(weights[i].Value.allclose(copyWeights[i].Value, rtol: 0, atol: 0), $"{name}: weight {i} differs");
        }
        foreach (var (_, value) in state)
        {
            value.Dispose();
        }
    }

    [Fact]
    public void AdamState_IsInKeras3Order()
    {
        var adam = new Adam(amsgrad: true);
        var spec = adam.StateSpec(Weights());
        Assert.Equal(
            ["adam/iteration", "adam/learning_rate", "adam/dense_kernel_momentum", "adam/dense_kernel_velocity",
             "adam/dense_bias_momentum", "adam/dense_bias_velocity", "adam/dense_kernel_velocity_hat",
             "adam/dense_bias_velocity_hat"],
            spec.Select(s => s.Path));
        Assert.Equal("int64", spec[0].DType);
        Assert.Equal(new Shape(), spec[1].Shape);
        Assert.Equal(new Shape(2, 3), spec[2].Shape);
    }

    [Fact]
    public void NadamState_EndsWithUProduct()
    {
        var spec = new Nadam().StateSpec(Weights());
        Assert.Equal("nadam/u_product", spec[^1].Path);
        Assert.Equal("nadam/dense_kernel_velocity", spec[3].Path);
    }

    [Fact]
    public void StateOfTheWrongSize_IsRejectedNamingTheFile()
    {
        var adam = new Adam();
        var weights = Weights();
        using var iteration = torch.tensor(1L);
        var error = Assert.Throws<KerasFileException>(() => adam.SetState(weights, [iteration], "opt.h5"));
        Assert.Contains("\"opt.h5\"", error.Message);
        Assert.Contains("has 1 optimizer variables", error.Message);

        var values = adam.StateSpec(weights).Select(s => torch.zeros(s.Shape.ToLongArray())).ToList();
        values[3] = torch.zeros(5);
        var shape = Assert.Throws<KerasFileException>(() => adam.SetState(weights, values, "opt.h5"));
        Assert.Contains("variable 3 (\"adam/dense_kernel_velocity\") has shape (5,)", shape.Message);
        values.ForEach(v => v.Dispose());
    }

    [Fact]
    public void UnbuiltOptimizer_HasNoState() => Assert.Empty(new Adam().GetState());
}
