using System.Text.Json.Nodes;
using Keras.Layers;
using Keras.Optimizers;
using Keras.Optimizers.Schedules;
using Keras.Saving;
using Keras.Tests.Saving.Legacy;
using MeanSquaredError = Keras.Losses.MeanSquaredError;

namespace Keras.Tests.Optimizers.Schedules;

/// <summary>A schedule in an optimizer's config: Keras 3 and legacy envelopes, compile configs from Keras 3 and
/// tf-keras, and model files that keep the schedule.</summary>
public sealed class ScheduleSavingTests
{
    [Fact]
    public void OptimizerEnvelope_HoldsTheKeras3ScheduleEnvelope()
    {
        var adam = new Adam(learningRate: new ExponentialDecay(1e-3, 1000, 0.96, staircase: true));
        var envelope = CompileConfig.SerializeOptimizer(adam, legacy: false);
        var expected = JsonNode.Parse("""
            {"module": "keras.optimizers.schedules", "class_name": "ExponentialDecay",
             "config": {"initial_learning_rate": 0.001, "decay_steps": 1000, "decay_rate": 0.96, "staircase": true,
                        "name": "ExponentialDecay"},
             "registered_name": null}
            """);
        Assert.True(JsonNode.DeepEquals(expected, envelope["config"]!["learning_rate"]),
            envelope["config"]!["learning_rate"]!.ToJsonString());

        var restored = Assert.IsType<Adam>(KerasSerialization.Deserialize<Optimizer>(envelope));
        var schedule = Assert.IsType<ExponentialDecay>(restored.Schedule);
        Assert.Equal(1e-3, schedule.InitialLearningRate);
        Assert.Equal(1000, schedule.DecaySteps);
        Assert.Equal(0.96, schedule.DecayRate);
        Assert.True(schedule.Staircase);
    }

    [Fact]
    public void LegacyOptimizerEnvelope_HoldsTheLegacyScheduleEnvelope()
    {
        var sgd = new SGD(learningRate: new PiecewiseConstantDecay([10, 20], [0.1, 0.01, 0.001]), momentum: 0.9);
        var envelope = CompileConfig.SerializeOptimizer(sgd, legacy: true);
        var expected = JsonNode.Parse("""
            {"class_name": "PiecewiseConstantDecay",
             "config": {"boundaries": [10, 20], "values": [0.1, 0.01, 0.001], "name": "PiecewiseConstant"}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, envelope["config"]!["learning_rate"]),
            envelope["config"]!["learning_rate"]!.ToJsonString());
        var restored = Assert.IsType<SGD>(KerasSerialization.Deserialize<Optimizer>(envelope));
        var schedule = Assert.IsType<PiecewiseConstantDecay>(restored.Schedule);
        Assert.Equal([10L, 20L], schedule.Boundaries);
        Assert.Equal([0.1, 0.01, 0.001], schedule.Values);
        Assert.Equal(0.9, restored.Momentum);
    }

    public static TheoryData<string> AllSchedules =>
        ["ExponentialDecay", "PiecewiseConstantDecay", "PolynomialDecay", "InverseTimeDecay", "CosineDecay",
         "CosineDecayRestarts"];

    private static LearningRateSchedule NonDefault(string className) => className switch
    {
        "ExponentialDecay" => new ExponentialDecay(0.2, 30, 0.7, true, "exp"),
        "PiecewiseConstantDecay" => new PiecewiseConstantDecay([3, 9], [0.3, 0.2, 0.1], "steps"),
        "PolynomialDecay" => new PolynomialDecay(0.2, 50, 0.002, 2.0, true, "poly"),
        "InverseTimeDecay" => new InverseTimeDecay(0.3, 7, 0.25, true, "inv"),
        "CosineDecay" => new CosineDecay(0.0, 90, 0.1, "cos", warmupTarget: 0.4, warmupSteps: 12),
        _ => new CosineDecayRestarts(0.25, 16, 1.5, 0.8, 0.05, "sgdr"),
    };

    [Theory]
    [MemberData(nameof(AllSchedules))]
    public void EverySchedule_RoundTripsThroughKeras3AndLegacyEnvelopes(string className)
    {
        var original = new RMSprop(learningRate: NonDefault(className));
        foreach (bool legacy in new[] { false, true })
        {
            var envelope = CompileConfig.SerializeOptimizer(original, legacy);
            var node = envelope["config"]!["learning_rate"]!.AsObject();
            Assert.Equal(className, (string?)node["class_name"]);
            Assert.Equal(!legacy, node.ContainsKey("module"));
            var restored = KerasSerialization.Deserialize<Optimizer>(envelope);
            Assert.Equal(original.Schedule!.GetType(), restored.Schedule!.GetType());
            Assert.Equal(Json(original.Schedule.GetConfig()), Json(restored.Schedule.GetConfig()));
            Assert.Equal(Enumerable.Range(0, 40).Select(s => original.Schedule.Call(s)),
                Enumerable.Range(0, 40).Select(s => restored.Schedule.Call(s)));
        }
    }

    [Fact]
    public void TfKerasCompileConfig_WithASchedule_Compiles()
    {
        // As tf-keras 2.x writes it: a legacy schedule envelope, a null name, extra optimizer keys.
        var config = JsonNode.Parse("""
            {"loss": "mse", "metrics": null, "weighted_metrics": null, "loss_weights": null,
             "optimizer_config": {"class_name": "Custom>Adam",
                                  "config": {"name": "Adam", "weight_decay": null, "clipnorm": null,
                                             "global_clipnorm": null, "clipvalue": null, "use_ema": false,
                                             "ema_momentum": 0.99, "ema_overwrite_frequency": null,
                                             "jit_compile": true, "is_legacy_optimizer": false,
                                             "learning_rate": {"class_name": "PolynomialDecay",
                                                               "config": {"initial_learning_rate": 0.1,
                                                                          "decay_steps": 10000,
                                                                          "end_learning_rate": 0.01,
                                                                          "power": 0.5, "cycle": false,
                                                                          "name": null}},
                                             "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-07,
                                             "amsgrad": false}}}
            """)!.AsObject();
        var model = SavingModels.Mlp();
        CompileConfig.Compile(model, config, "tf.h5");
        var adam = Assert.IsType<Adam>(model.Optimizer);
        var schedule = Assert.IsType<PolynomialDecay>(adam.Schedule);
        Assert.Equal(0.1, schedule.InitialLearningRate);
        Assert.Equal(10000, schedule.DecaySteps);
        Assert.Equal(0.01, schedule.EndLearningRate);
        Assert.Equal(0.5, schedule.Power);
        Assert.Equal("PolynomialDecay", schedule.Name);
        Assert.Equal((double)0.1f, adam.LearningRate);
    }

    [Fact]
    public void UnknownSchedule_IsAFileError_NamingIt()
    {
        var config = JsonNode.Parse("""
            {"loss": "mse",
             "optimizer": {"module": "keras.optimizers", "class_name": "SGD",
                           "config": {"name": "SGD",
                                      "learning_rate": {"module": "keras.optimizers.schedules",
                                                        "class_name": "NoisyLinearCosineDecay",
                                                        "config": {}, "registered_name": null}},
                           "registered_name": null}}
            """)!.AsObject();
        var error = Assert.Throws<KerasFileException>(
            () => CompileConfig.Compile(SavingModels.Mlp(), config, "m.keras"));
        Assert.Contains("NoisyLinearCosineDecay", error.Message);
        Assert.Contains("\"m.keras\"", error.Message);
    }

    [Fact]
    public void MalformedScheduleConfig_IsAFileError_WithKerasMessage()
    {
        var config = JsonNode.Parse("""
            {"loss": "mse",
             "optimizer": {"class_name": "SGD",
                           "config": {"learning_rate": {"class_name": "ExponentialDecay",
                                                        "config": {"initial_learning_rate": 0.1, "decay_steps": 0,
                                                                   "decay_rate": 0.5}}}}}
            """)!.AsObject();
        var error = Assert.Throws<KerasFileException>(
            () => CompileConfig.Compile(SavingModels.Mlp(), config, "m.h5"));
        Assert.Contains("Argument `decay_steps` must be > 0. Received: decay_steps=0", error.Message);
    }

    [Fact]
    public void CustomSchedule_RegisteredByTheUser_RoundTrips()
    {
        string registered = SerializationRegistry.Register<Halving>("Halving",
            c => new Halving(new ConfigReader("Halving", c).GetDouble("initial_learning_rate")), "ScheduleTests");
        Assert.Equal("ScheduleTests>Halving", registered);
        var sgd = new SGD(learningRate: new Halving(0.3));
        var envelope = CompileConfig.SerializeOptimizer(sgd, legacy: false);
        var node = envelope["config"]!["learning_rate"]!;
        Assert.Null(node["module"]);
        Assert.Equal("ScheduleTests>Halving", (string?)node["registered_name"]);

        var restored = KerasSerialization.Deserialize<Optimizer>(envelope);
        var halving = Assert.IsType<Halving>(restored.Schedule);
        Assert.Equal(0.3, halving.InitialLearningRate);
        Assert.Equal(0.3, restored.LearningRate, 12);
        Assert.Equal(0.1, restored.Schedule!.Call(2), 12);
    }

    [Theory]
    [InlineData("m.keras")]
    [InlineData("m.h5")]
    public void SaveLoad_KeepsTheScheduleAndTheStep(string fileName)
    {
        using var scratch = new ScratchDirectory();
        var (x, y) = Data();
        using var model = new Sequential(new Input([3]), new Dense(4, activation: "tanh"), new Dense(1));
        model.Compile(optimizer: new Adam(learningRate: new CosineDecayRestarts(0.05, 3, tMul: 1.5)),
            loss: new MeanSquaredError());
        model.Fit(x, y, batchSize: 4, epochs: 2, verbose: 0, shuffle: false);
        string path = scratch.File(fileName);
        model.Save(path);

        var uninterrupted = model.Fit(x, y, batchSize: 4, epochs: 2, verbose: 0, shuffle: false);
        using var loaded = Models.LoadModel(path, compile: true);
        var optimizer = Assert.IsType<Adam>(loaded.Optimizer);
        var schedule = Assert.IsType<CosineDecayRestarts>(optimizer.Schedule);
        Assert.Equal(Json(model.Optimizer!.Schedule!.GetConfig()), Json(schedule.GetConfig()));
        Assert.Equal(4, optimizer.Iterations);
        Assert.Equal(new CosineDecayRestarts(0.05, 3, tMul: 1.5).Call(4), optimizer.LearningRate);

        var resumed = loaded.Fit(x, y, batchSize: 4, epochs: 2, verbose: 0, shuffle: false);
        Assert.Equal(uninterrupted["loss"], resumed["loss"]);
        Assert.Equal(model.Weights.Select(v => v.ToArray()), loaded.Weights.Select(v => v.ToArray()));
    }

    [Fact]
    public void OptimizerState_WithASchedule_HasNoLearningRateVariable()
    {
        using var model = new Sequential(new Input([3]), new Dense(1, name: "dense"));
        var sgd = new SGD(learningRate: new InverseTimeDecay(0.1, 1, 0.5), momentum: 0.5);
        model.Compile(optimizer: sgd, loss: new MeanSquaredError());
        var (x, y) = Data();
        model.Fit(x, y, batchSize: 8, epochs: 1, verbose: 0);
        var spec = sgd.StateSpec(model.TrainableWeights);
        Assert.Equal(["SGD/iteration", "SGD/dense_kernel_momentum", "SGD/dense_bias_momentum"],
            spec.Select(s => s.Path));
        var state = sgd.GetState();
        try
        {
            Assert.Equal(spec.Select(s => s.Path), state.Select(s => s.Path));
        }
        finally
        {
            foreach (var (_, value) in state)
            {
                value.Dispose();
            }
        }
    }

    private static (float[,] X, float[,] Y) Data()
    {
        var x = new float[8, 3];
        var y = new float[8, 1];
        for (int i = 0; i < 8; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                x[i, j] = (float)Math.Sin(i * 3 + j);
            }
            y[i, 0] = x[i, 0] - 0.5f * x[i, 2];
        }
        return (x, y);
    }

    /// <summary>A user schedule: <c>initial / (step + 1)</c>.</summary>
    private sealed class Halving(double initialLearningRate) : LearningRateSchedule
    {
        public double InitialLearningRate => initialLearningRate;

        public override Dictionary<string, object?> GetConfig() =>
            new() { ["initial_learning_rate"] = initialLearningRate };

        protected override double CallCore(long step) => initialLearningRate / (step + 1);
    }

    private static string Json(Dictionary<string, object?> config) =>
        KerasSerialization.SerializeConfig(config).ToJsonString();
}
