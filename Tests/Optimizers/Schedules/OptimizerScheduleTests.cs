using Keras.Layers;
using Keras.Optimizers;
using Keras.Optimizers.Schedules;
using MeanSquaredError = Keras.Losses.MeanSquaredError;

namespace Keras.Tests.Optimizers.Schedules;

/// <summary>Optimizers driven by a schedule: Keras' <c>learning_rate</c> property (the schedule at
/// <c>iterations</c>), its setter refusing, and each update using the rate of its own step.</summary>
public sealed class OptimizerScheduleTests
{
    private const string NotSettable =
        "This optimizer was created with a `LearningRateSchedule` object as its `learning_rate` constructor " +
        "argument, hence its learning rate is not settable. If you need the learning rate to be settable, you " +
        "should instantiate the optimizer with a float `learning_rate` argument.";

    [Fact]
    public void EveryOptimizer_AcceptsAScheduleOrANumber()
    {
        var schedule = new ExponentialDecay(1e-3, 1000, 0.96);
        Optimizer[] scheduled =
        [
            new SGD(learningRate: schedule), new Adam(learningRate: schedule), new AdamW(learningRate: schedule),
            new RMSprop(learningRate: schedule), new Adagrad(learningRate: schedule),
            new Adamax(learningRate: schedule), new Nadam(learningRate: schedule),
        ];
        Assert.All(scheduled, o => Assert.Same(schedule, o.Schedule));
        Assert.All(scheduled, o => Assert.Equal(schedule.Call(0), o.LearningRate));

        var fixedRate = new SGD(0.1);
        Assert.Null(fixedRate.Schedule);
        Assert.Equal(0.1, fixedRate.LearningRate);
        Assert.Equal(0.01, new SGD().LearningRate);
        Assert.Equal(0.02, new Adam(learningRate: 0.02).LearningRate);
    }

    [Fact]
    public void SettingTheLearningRate_WithASchedule_ThrowsKerasMessage()
    {
        var adam = new Adam(learningRate: new CosineDecay(0.1, 100));
        var error = Assert.Throws<InvalidOperationException>(() => adam.LearningRate = 0.5);
        Assert.Equal(NotSettable, error.Message);
        Assert.Equal((double)0.1f, adam.LearningRate);
    }

    [Fact]
    public void NullSchedule_IsRejected()
    {
        LearningRateSchedule? schedule = null;
        Assert.Throws<ArgumentNullException>(() => new SGD(learningRate: schedule!));
    }

    [Fact]
    public void Apply_UsesTheScheduleAtIterationsBeforeTheIncrement()
    {
        // lr(0) = 0.5, lr(1) = 0.25, lr(2) = 0.125: w -= lr(k)·g with g = 1.
        var sgd = new SGD(learningRate: new PiecewiseConstantDecay([0, 1], [0.5, 0.25, 0.125]));
        using var w = new Variable("w", "dense/w", torch.ones(1), trainable: true, "float32");
        double expected = 1.0;
        double[] rates = [0.5, 0.25, 0.125, 0.125];
        for (int k = 0; k < rates.Length; k++)
        {
            Assert.Equal(k, sgd.Iterations);
            Assert.Equal(rates[k], sgd.LearningRate);
            using var gradient = torch.ones(1);
            sgd.Apply([gradient], [w]);
            expected -= rates[k];
            Assert.Equal(expected, w.ToArray()[0], 6);
        }
    }

    [Fact]
    public void WeightDecay_UsesTheScheduledRateOfTheStep()
    {
        // Keras: w -= w·wd·lr(k) before the update; with a zero gradient only the decay remains.
        var sgd = new SGD(learningRate: new PiecewiseConstantDecay([0], [0.5, 0.1]), weightDecay: 0.2);
        using var w = new Variable("w", "dense/w", torch.ones(1), trainable: true, "float32");
        using var zero = torch.zeros(1);
        sgd.Apply([zero], [w]);
        Assert.Equal(1 - 0.2 * 0.5, w.ToArray()[0], 6);
        sgd.Apply([zero], [w]);
        Assert.Equal((1 - 0.2 * 0.5) * (1 - 0.2 * 0.1), w.ToArray()[0], 6);
    }

    public static TheoryData<string> FitSchedules => ["piecewise", "cosine_warmup", "exponential_staircase"];

    [Theory]
    [MemberData(nameof(FitSchedules))]
    public void Fit_WithSGD_EachStepIsWeightMinusScheduledRateTimesGradient(string kind)
    {
        LearningRateSchedule schedule = kind switch
        {
            "piecewise" => new PiecewiseConstantDecay([0, 2], [0.1, 0.05, 0.01]),
            "cosine_warmup" => new CosineDecay(0.01, 4, warmupTarget: 0.2, warmupSteps: 2),
            _ => new ExponentialDecay(0.2, 2, 0.5, staircase: true),
        };
        double[,] x = { { 1.0, 2.0 }, { -1.0, 0.5 }, { 0.5, -1.5 }, { 2.0, 1.0 } };
        double[] y = [1.0, -0.5, 0.25, 2.0];
        using var model = new Sequential(new Input([2]), new Dense(1, useBias: false));
        model.Compile(optimizer: new SGD(learningRate: schedule), loss: new MeanSquaredError());
        double[] w = [0.3, -0.2];
        model.Weights[0].Assign(torch.tensor(new[] { (float)w[0], (float)w[1] }).reshape(2, 1));
        var xs = new float[4, 2];
        var ys = new float[4, 1];
        for (int i = 0; i < 4; i++)
        {
            xs[i, 0] = (float)x[i, 0];
            xs[i, 1] = (float)x[i, 1];
            ys[i, 0] = (float)y[i];
        }

        for (int k = 0; k < 5; k++)
        {
            // One full batch per Fit: the MSE gradient is 2/N · Xᵀ(Xw - y).
            double[] g = new double[2];
            for (int i = 0; i < 4; i++)
            {
                double residual = x[i, 0] * w[0] + x[i, 1] * w[1] - y[i];
                g[0] += 2.0 / 4 * residual * x[i, 0];
                g[1] += 2.0 / 4 * residual * x[i, 1];
            }
            double lr = schedule.Call(k);
            w[0] -= lr * g[0];
            w[1] -= lr * g[1];

            model.Fit(xs, ys, batchSize: 4, epochs: 1, verbose: 0, shuffle: false);
            Assert.Equal(k + 1, model.Optimizer!.Iterations);
            var actual = model.Weights[0].ToArray();
            Assert.Equal(w[0], actual[0], tolerance: 1e-5);
            Assert.Equal(w[1], actual[1], tolerance: 1e-5);
        }
    }

    [Fact]
    public void Summary_CountsNoLearningRateVariable_WithASchedule()
    {
        // Keras tracks no `learning_rate` variable for a schedule: optimizer params = iteration + slots.
        using var model = new Sequential(new Input([2]), new Dense(1, useBias: false));
        model.Compile(optimizer: new SGD(learningRate: new CosineDecay(0.1, 10)), loss: new MeanSquaredError());
        model.Fit(new float[2, 2], new float[2, 1], batchSize: 2, epochs: 1, verbose: 0);
        Assert.Contains(" Optimizer params: 1 (", model.SummaryText());

        using var fixedRate = new Sequential(new Input([2]), new Dense(1, useBias: false));
        fixedRate.Compile(optimizer: new SGD(0.1), loss: new MeanSquaredError());
        fixedRate.Fit(new float[2, 2], new float[2, 1], batchSize: 2, epochs: 1, verbose: 0);
        Assert.Contains(" Optimizer params: 2 (", fixedRate.SummaryText());
    }
}
