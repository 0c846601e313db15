using Keras.Optimizers.Schedules;

namespace Keras.Saving;

/// <summary>The built-in learning-rate schedules under <c>keras.optimizers.schedules</c>, so an optimizer's
/// <c>learning_rate</c> envelope in a compile config loads back (Keras 3 and tf-keras write the same keys).</summary>
internal static partial class BuiltInClasses
{
    private const string SchedulesModule = "keras.optimizers.schedules";

    private static void RegisterSchedules()
    {
        RegisterSchedule("ExponentialDecay", r => new ExponentialDecay(r.GetDouble("initial_learning_rate"),
            r.GetDouble("decay_steps"), r.GetDouble("decay_rate"), r.GetBool("staircase", false),
            r.Name ?? "ExponentialDecay"));
        RegisterSchedule("PiecewiseConstantDecay", r => new PiecewiseConstantDecay(
            // Keras casts the boundaries to the step's integer dtype.
            RequiredNumbers(r, "boundaries").Select(b => (long)b).ToList(), RequiredNumbers(r, "values"),
            r.Name ?? "PiecewiseConstant"));
        RegisterSchedule("PolynomialDecay", r => new PolynomialDecay(r.GetDouble("initial_learning_rate"),
            r.GetDouble("decay_steps"), r.GetDouble("end_learning_rate", 0.0001), r.GetDouble("power", 1.0),
            r.GetBool("cycle", false), r.Name ?? "PolynomialDecay"));
        RegisterSchedule("InverseTimeDecay", r => new InverseTimeDecay(r.GetDouble("initial_learning_rate"),
            r.GetDouble("decay_steps"), r.GetDouble("decay_rate"), r.GetBool("staircase", false),
            r.Name ?? "InverseTimeDecay"));
        RegisterSchedule("CosineDecay", r => new CosineDecay(r.GetDouble("initial_learning_rate"),
            r.GetDouble("decay_steps"), r.GetDouble("alpha", 0.0), r.Name ?? "CosineDecay",
            r.Has("warmup_target") ? r.GetDouble("warmup_target") : null, r.GetDouble("warmup_steps", 0)));
        RegisterSchedule("CosineDecayRestarts", r => new CosineDecayRestarts(r.GetDouble("initial_learning_rate"),
            r.GetDouble("first_decay_steps"), r.GetDouble("t_mul", 2.0), r.GetDouble("m_mul", 1.0),
            r.GetDouble("alpha", 0.0), r.Name ?? "SGDRDecay"));
    }

    private static void RegisterSchedule<T>(string className, Func<ConfigReader, T> create)
        where T : LearningRateSchedule =>
        SerializationRegistry.RegisterBuiltIn(SchedulesModule, className, c => create(new ConfigReader(className, c)));

    private static double[] RequiredNumbers(ConfigReader r, string key) =>
        NumberList(r, key) ?? throw r.Error($"\"{key}\" is required: a list of numbers.");
}
