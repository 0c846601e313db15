using System.Text.Json.Nodes;
using Keras.Initializers;
using Keras.Layers;

namespace Keras.Saving;

internal static partial class BuiltInClasses
{
    static partial void RegisterNormalizationAndRegularizationLayers()
    {
        SerializationRegistry.RegisterBuiltIn(LayersModule, "BatchNormalization", BatchNormalizationFromConfig);
        SerializationRegistry.RegisterBuiltIn(LayersModule, "LayerNormalization", LayerNormalizationFromConfig);
        SerializationRegistry.RegisterBuiltIn(LayersModule, "GroupNormalization", GroupNormalizationFromConfig);
        SerializationRegistry.RegisterBuiltIn(LayersModule, "UnitNormalization", c =>
        {
            var r = Reader("UnitNormalization", c);
            var (axes, isList) = ReadAxes(r, -1);
            return Trainable(isList ? new UnitNormalization(axes, r.Name) : new UnitNormalization(axes[0], r.Name), r);
        });

        SerializationRegistry.RegisterBuiltIn(LayersModule, "SpatialDropout1D", c =>
        {
            var r = Reader("SpatialDropout1D", c);
            return Trainable(new SpatialDropout1D(r.GetDouble("rate"), r.Name), r);
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "SpatialDropout2D", c =>
        {
            var r = Reader("SpatialDropout2D", c);
            return Trainable(new SpatialDropout2D(r.GetDouble("rate"), DataFormat(r), r.Name), r);
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "SpatialDropout3D", c =>
        {
            var r = Reader("SpatialDropout3D", c);
            return Trainable(new SpatialDropout3D(r.GetDouble("rate"), DataFormat(r), r.Name), r);
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "GaussianNoise", c =>
        {
            var r = Reader("GaussianNoise", c);
            return Trainable(new GaussianNoise(r.GetDouble("stddev"), r.Name), r);
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "GaussianDropout", c =>
        {
            var r = Reader("GaussianDropout", c);
            return Trainable(new GaussianDropout(r.GetDouble("rate"), r.Name), r);
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "AlphaDropout", c =>
        {
            var r = Reader("AlphaDropout", c);
            int?[]? noiseShape = r.Has("noise_shape") ? r.GetShape("noise_shape").ToArray() : null;
            return Trainable(new AlphaDropout(r.GetDouble("rate"), noiseShape, r.Name), r);
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "ActivityRegularization", c =>
        {
            var r = Reader("ActivityRegularization", c);
            return Trainable(new ActivityRegularization(r.GetDouble("l1", 0.0), r.GetDouble("l2", 0.0), r.Name), r);
        });
    }

    /// <summary>Keras 3 writes an int <c>axis</c>; Keras 2 (tf-keras) often a one-element list such as <c>[3]</c>,
    /// which Keras 3 reads as that int. Keras 2's renormalization and virtual batches are not implemented; its
    /// <c>fused</c> hint is ignored.</summary>
    private static BatchNormalization BatchNormalizationFromConfig(JsonObject config)
    {
        var r = Reader("BatchNormalization", config);
        foreach (var key in new[] { "synchronized", "renorm", "renorm_clipping", "virtual_batch_size", "adjustment" })
        {
            r.RejectUnsupported(key);
        }
        var (axes, _) = ReadAxes(r, -1);
        if (axes.Length != 1)
        {
            throw new NotSupportedException(
                $"Cannot load BatchNormalization \"{r.Name}\": \"axis\": [{string.Join(", ", axes)}] normalizes " +
                "several axes (Keras 2 only); Keras 3 and Keras.Net take one channel axis.");
        }
        return new BatchNormalization(
            axes[0],
            r.GetDouble("momentum", 0.99),
            r.GetDouble("epsilon", 1e-3),
            r.GetBool("center", true),
            r.GetBool("scale", true),
            r.GetInitializer("beta_initializer", () => new Zeros()),
            r.GetInitializer("gamma_initializer", () => new Ones()),
            r.GetInitializer("moving_mean_initializer", () => new Zeros()),
            r.GetInitializer("moving_variance_initializer", () => new Ones()),
            r.GetRegularizer("beta_regularizer"),
            r.GetRegularizer("gamma_regularizer"),
            r.GetConstraint("beta_constraint"),
            r.GetConstraint("gamma_constraint"),
            activityRegularizer: r.GetRegularizer("activity_regularizer"),
            name: r.Name,
            trainable: r.Trainable);
    }

    /// <summary><c>axis</c> is an int or a list (Keras 3 writes a list once the layer is built).</summary>
    private static LayerNormalization LayerNormalizationFromConfig(JsonObject config)
    {
        var r = Reader("LayerNormalization", config);
        var (axes, isList) = ReadAxes(r, -1);
        double epsilon = r.GetDouble("epsilon", 1e-3);
        bool center = r.GetBool("center", true);
        bool scale = r.GetBool("scale", true);
        bool rmsScaling = r.GetBool("rms_scaling", false);
        var beta = r.GetInitializer("beta_initializer", () => new Zeros());
        var gamma = r.GetInitializer("gamma_initializer", () => new Ones());
        var betaRegularizer = r.GetRegularizer("beta_regularizer");
        var gammaRegularizer = r.GetRegularizer("gamma_regularizer");
        var betaConstraint = r.GetConstraint("beta_constraint");
        var gammaConstraint = r.GetConstraint("gamma_constraint");
        var activityRegularizer = r.GetRegularizer("activity_regularizer");
        return isList
            ? new LayerNormalization(axes, epsilon, center, scale, rmsScaling, beta, gamma, betaRegularizer,
                gammaRegularizer, betaConstraint, gammaConstraint, activityRegularizer, r.Name, r.Trainable)
            : new LayerNormalization(axes[0], epsilon, center, scale, rmsScaling, beta, gamma, betaRegularizer,
                gammaRegularizer, betaConstraint, gammaConstraint, activityRegularizer, r.Name, r.Trainable);
    }

    private static GroupNormalization GroupNormalizationFromConfig(JsonObject config)
    {
        var r = Reader("GroupNormalization", config);
        return new GroupNormalization(
            r.GetInt("groups", 32),
            r.GetInt("axis", -1),
            r.GetDouble("epsilon", 1e-3),
            r.GetBool("center", true),
            r.GetBool("scale", true),
            r.GetInitializer("beta_initializer", () => new Zeros()),
            r.GetInitializer("gamma_initializer", () => new Ones()),
            r.GetRegularizer("beta_regularizer"),
            r.GetRegularizer("gamma_regularizer"),
            r.GetConstraint("beta_constraint"),
            r.GetConstraint("gamma_constraint"),
            r.GetRegularizer("activity_regularizer"),
            r.Name,
            r.Trainable);
    }

    /// <summary>An <c>axis</c> written as an int or a list of ints (possibly a Keras 2 tuple).</summary>
    private static (int[] Axes, bool IsList) ReadAxes(ConfigReader r, int defaultValue)
    {
        if (!r.Has("axis"))
        {
            return ([defaultValue], false);
        }
        return JsonValues.UnwrapTuple(r.Config["axis"]) is JsonArray
            ? (r.GetIntArray("axis"), true)
            : ([r.GetInt("axis")], false);
    }

    /// <summary>Keras' <c>data_format</c>; null means <c>channels_last</c>.</summary>
    private static string DataFormat(ConfigReader r) => r.GetString("data_format", "channels_last");
}
