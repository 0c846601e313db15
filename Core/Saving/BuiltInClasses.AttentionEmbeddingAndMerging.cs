using System.Text.Json.Nodes;
using Keras.Initializers;
using Keras.Layers;

namespace Keras.Saving;

internal static partial class BuiltInClasses
{
    static partial void RegisterAttentionEmbeddingAndMergingLayers()
    {
        SerializationRegistry.RegisterBuiltIn(LayersModule, "Embedding", EmbeddingFromConfig);
        SerializationRegistry.RegisterBuiltIn(LayersModule, "Masking", c =>
        {
            var r = Reader("Masking", c);
            return Trainable(new Masking(r.GetDouble("mask_value", 0.0), r.Name), r);
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "Subtract", c =>
        {
            var r = Reader("Subtract", c);
            return Trainable(new Subtract(r.Name), r);
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "Multiply", c =>
        {
            var r = Reader("Multiply", c);
            return Trainable(new Multiply(r.Name), r);
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "Average", c =>
        {
            var r = Reader("Average", c);
            return Trainable(new Average(r.Name), r);
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "Maximum", c =>
        {
            var r = Reader("Maximum", c);
            return Trainable(new Maximum(r.Name), r);
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "Minimum", c =>
        {
            var r = Reader("Minimum", c);
            return Trainable(new Minimum(r.Name), r);
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "Dot", DotFromConfig);
        // Add and Concatenate live with the other merge layers.
        SerializationRegistry.RegisterBuiltIn(LayersModule, "Add", c =>
        {
            var r = Reader("Add", c);
            return Trainable(new Add(r.Name), r);
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "Concatenate", c =>
        {
            var r = Reader("Concatenate", c);
            return Trainable(new Concatenate(r.GetInt("axis", -1), r.Name), r);
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "Attention", c =>
        {
            // Keras 3 accepts a `seed` for the dropout; Keras.Net draws from the global generator.
            var r = Reader("Attention", c);
            return new Attention(r.GetBool("use_scale", false), r.GetString("score_mode", "dot"),
                r.GetDouble("dropout", 0.0), r.Name, r.Trainable);
        }, buildConfig: AttentionBuildConfig);
        SerializationRegistry.RegisterBuiltIn(LayersModule, "AdditiveAttention", c =>
        {
            var r = Reader("AdditiveAttention", c);
            return new AdditiveAttention(r.GetBool("use_scale", true), r.GetDouble("dropout", 0.0), r.Name,
                r.Trainable);
        }, buildConfig: AttentionBuildConfig);
        SerializationRegistry.RegisterBuiltIn(LayersModule, "MultiHeadAttention", MultiHeadAttentionFromConfig,
            buildConfig: MultiHeadAttentionBuildConfig);
    }

    /// <summary>Keras 3 keys; Keras 2's <c>input_length</c> is accepted and ignored, as Keras 3 does.</summary>
    private static Embedding EmbeddingFromConfig(JsonObject config)
    {
        var r = Reader("Embedding", config);
        r.RejectUnsupported("lora_rank");
        r.RejectUnsupported("quantization_config");
        return new Embedding(
            r.GetInt("input_dim"),
            r.GetInt("output_dim"),
            r.GetInitializer("embeddings_initializer", () => new RandomUniform(-0.05, 0.05)),
            r.GetRegularizer("embeddings_regularizer"),
            r.GetConstraint("embeddings_constraint"),
            r.GetBool("mask_zero", false),
            r.GetRegularizer("activity_regularizer"),
            r.Name,
            r.Trainable);
    }

    /// <summary><c>axes</c> is an integer or a list of two integers.</summary>
    private static Dot DotFromConfig(JsonObject config)
    {
        var r = Reader("Dot", config);
        bool normalize = r.GetBool("normalize", false);
        var dot = JsonValues.TryGetInt(config["axes"], out int axis)
            ? new Dot(axis, normalize, r.Name)
            : new Dot(r.GetIntArray("axes"), normalize, r.Name);
        return Trainable(dot, r);
    }

    /// <summary>Keras 3 keys (<c>output_shape</c> and <c>attention_axes</c> as an integer or a list). Keras 2's
    /// <c>query_shape</c>/<c>key_shape</c>/<c>value_shape</c> are ignored, as Keras 3 does, and so is
    /// <c>softmax_robust_masking</c>: the masked softmax here already replaces masked scores instead of adding to
    /// them. The gate (<c>use_gate</c>) and sliding-window attention are not implemented.</summary>
    private static MultiHeadAttention MultiHeadAttentionFromConfig(JsonObject config)
    {
        var r = Reader("MultiHeadAttention", config);
        r.RejectUnsupported("use_gate");
        r.RejectUnsupported("sliding_window");
        return new MultiHeadAttention(
            r.GetInt("num_heads"),
            r.GetInt("key_dim"),
            r.Has("value_dim") ? r.GetInt("value_dim") : null,
            r.GetDouble("dropout", 0.0),
            r.GetBool("use_bias", true),
            IntOrList(r, "output_shape"),
            IntOrList(r, "attention_axes"),
            r.GetInitializer("kernel_initializer", () => new GlorotUniform()),
            r.GetInitializer("bias_initializer", () => new Zeros()),
            r.GetRegularizer("kernel_regularizer"),
            r.GetRegularizer("bias_regularizer"),
            r.GetRegularizer("activity_regularizer"),
            r.GetConstraint("kernel_constraint"),
            r.GetConstraint("bias_constraint"),
            r.Name,
            r.Trainable);
    }

    /// <summary>Keras 3's <c>{"shapes_dict": {"query_shape": ..., "value_shape": ...[, "key_shape": ...]}}</c>.
    /// </summary>
    private static JsonObject? MultiHeadAttentionBuildConfig(MultiHeadAttention layer)
    {
        if (layer.BuildShapes is not { } shapes)
        {
            return null;
        }
        var dict = new JsonObject();
        foreach (var (key, shape) in shapes)
        {
            dict[key] = KerasSerialization.SerializeValue(shape);
        }
        return new JsonObject { ["shapes_dict"] = dict };
    }

    private static JsonObject? AttentionBuildConfig(Attention layer) => ShapeListBuildConfig(layer.BuildShapes);

    /// <summary>Keras' <c>{"input_shape": [shape, shape, ...]}</c> of a layer built on a list of inputs.</summary>
    private static JsonObject? ShapeListBuildConfig(IReadOnlyList<Shape>? shapes) => shapes is null
        ? null
        : new JsonObject { ["input_shape"] = KerasSerialization.SerializeValue(shapes) };

    private static int[]? IntOrList(ConfigReader r, string key) =>
        !r.Has(key) ? null
        : JsonValues.TryGetInt(r.Config[key], out int single) ? [single]
        : r.GetIntArray(key);
}
