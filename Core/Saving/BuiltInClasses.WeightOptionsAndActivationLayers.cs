using System.Text.Json.Nodes;
using Keras.Constraints;
using Keras.Initializers;
using Keras.Layers;
using Keras.Regularizers;

namespace Keras.Saving;

internal static partial class BuiltInClasses
{
    private const string RegularizersModule = "keras.regularizers";
    private const string ConstraintsModule = "keras.constraints";

    private static readonly List<string> RegularizerNameList = [];
    private static readonly List<string> ConstraintNameList = [];

    /// <summary>The names a built-in regularizer may be given by (snake_case shortcuts, then class names).</summary>
    internal static IReadOnlyList<string> RegularizerNames
    {
        get
        {
            _ = SerializationRegistry.Names;
            return [.. RegularizerNameList.Where(n => !char.IsUpper(n[0])), .. RegularizerNameList.Where(n => char.IsUpper(n[0]))];
        }
    }

    /// <summary>The names a built-in constraint may be given by (snake_case shortcuts, then class names).</summary>
    internal static IReadOnlyList<string> ConstraintNames
    {
        get
        {
            _ = SerializationRegistry.Names;
            return [.. ConstraintNameList.Where(n => !char.IsUpper(n[0])), .. ConstraintNameList.Where(n => char.IsUpper(n[0]))];
        }
    }

    static partial void RegisterWeightOptionsAndActivationLayers()
    {
        RegisterRegularizers();
        RegisterConstraints();
        RegisterActivationLayers();
    }

    private static void RegisterRegularizers()
    {
        // Keras 2's "l1_l2" shortcut means l1 = l2 = 0.01, unlike the class defaults (0, 0); it gets its own entry,
        // registered before the class so that "L1L2" and "l1l2" (Keras 3's snake_case name) keep the class defaults.
        Regularizer<L1L2>("l1_l2", r => new L1L2(r.GetDouble("l1", 0.01), r.GetDouble("l2", 0.01)));
        Regularizer<L1L2>("L1L2", r => new L1L2(r.GetDouble("l1", 0.0), r.GetDouble("l2", 0.0)), "l1l2");
        Regularizer<L1>("L1", r => new L1(r.GetDouble("l1", 0.01)), "l1");
        Regularizer<L2>("L2", r => new L2(r.GetDouble("l2", 0.01)), "l2");
        Regularizer<OrthogonalRegularizer>("OrthogonalRegularizer",
            r => new OrthogonalRegularizer(r.GetDouble("factor", 0.01), r.GetString("mode", "rows")),
            "orthogonal_regularizer");
    }

    private static void RegisterConstraints()
    {
        // Keras 2 also accepted the legacy spellings maxnorm, nonneg and unitnorm.
        Constraint<MaxNorm>("MaxNorm", r => ReadAxis(r) switch
        {
            int[] axes => new MaxNorm(r.GetDouble("max_value", 2.0), axes),
            var axis => new MaxNorm(r.GetDouble("max_value", 2.0), (int)axis),
        }, "max_norm", "maxnorm");
        Constraint<NonNeg>("NonNeg", _ => new NonNeg(), "non_neg", "nonneg");
        Constraint<UnitNorm>("UnitNorm", r => ReadAxis(r) switch
        {
            int[] axes => new UnitNorm(axes),
            var axis => new UnitNorm((int)axis),
        }, "unit_norm", "unitnorm");
        Constraint<MinMaxNorm>("MinMaxNorm", r =>
        {
            double min = r.GetDouble("min_value", 0.0), max = r.GetDouble("max_value", 1.0), rate = r.GetDouble("rate", 1.0);
            return ReadAxis(r) switch
            {
                int[] axes => new MinMaxNorm(min, max, rate, axes),
                var axis => new MinMaxNorm(min, max, rate, (int)axis),
            };
        }, "min_max_norm");
    }

    private static void RegisterActivationLayers()
    {
        SerializationRegistry.RegisterBuiltIn(LayersModule, "ReLU", c =>
        {
            var r = Reader("ReLU", c);
            double? maxValue = r.Has("max_value") ? r.GetDouble("max_value") : null;
            return Trainable(new ReLU(maxValue, r.GetDouble("negative_slope", 0.0), r.GetDouble("threshold", 0.0),
                r.Name), r);
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "LeakyReLU", c =>
        {
            var r = Reader("LeakyReLU", c);
            // Keras 2 wrote the slope as "alpha"; Keras 3 still accepts it in place of negative_slope.
            double slope = r.Has("alpha") ? r.GetDouble("alpha") : r.GetDouble("negative_slope", 0.3);
            return Trainable(new LeakyReLU(slope, r.Name), r);
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "PReLU", c =>
        {
            var r = Reader("PReLU", c);
            int[]? sharedAxes = r.Has("shared_axes")
                ? JsonValues.TryGetInt(r.Config["shared_axes"], out int single) ? [single] : r.GetIntArray("shared_axes")
                : null;
            return Trainable(new PReLU(r.GetInitializer("alpha_initializer", () => new Zeros()),
                r.GetRegularizer("alpha_regularizer"), r.GetConstraint("alpha_constraint"), sharedAxes, r.Name), r);
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "ELU", c =>
        {
            var r = Reader("ELU", c);
            return Trainable(new ELU(r.GetDouble("alpha", 1.0), r.Name), r);
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "Softmax", c =>
        {
            var r = Reader("Softmax", c);
            return Trainable(ReadAxis(r, -1) switch
            {
                int[] axes => new Softmax(axes, r.Name),
                var axis => new Softmax((int)axis, r.Name),
            }, r);
        });
    }

    /// <summary>Keras' <c>axis</c> argument: an integer (boxed <see cref="int"/>) or a list (<see cref="int"/>[]).</summary>
    private static object ReadAxis(ConfigReader reader, int defaultValue = 0)
    {
        if (!reader.Has("axis"))
        {
            return defaultValue;
        }
        return JsonValues.TryGetInt(reader.Config["axis"], out int axis) ? axis : reader.GetIntArray("axis");
    }

    private static void Regularizer<T>(string className, Func<ConfigReader, T> create, params string[] aliases)
        where T : Regularizer
    {
        SerializationRegistry.RegisterBuiltIn(RegularizersModule, className,
            c => create(new ConfigReader(className, c)), aliases: aliases);
        RegularizerNameList.AddRange(aliases.Prepend(className));
    }

    private static void Constraint<T>(string className, Func<ConfigReader, T> create, params string[] aliases)
        where T : Constraint
    {
        SerializationRegistry.RegisterBuiltIn(ConstraintsModule, className,
            c => create(new ConfigReader(className, c)), aliases: aliases);
        ConstraintNameList.AddRange(aliases.Prepend(className));
    }
}
