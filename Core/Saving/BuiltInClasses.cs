using System.Text.Json.Nodes;
using Keras.Initializers;
using Keras.Layers;

namespace Keras.Saving;

/// <summary>The built-in layers and initializers of Core, with Keras' module paths, config keys and aliases.</summary>
/// <remarks>Each factory reads the keys Keras 3 writes and the Keras 2 variants (§3.6 of keras-formats.md); unknown
/// keys are ignored, features Keras.Net does not implement fail with <see cref="NotSupportedException"/>.</remarks>
internal static partial class BuiltInClasses
{
    private const string LayersModule = "keras.layers";
    private const string InitializersModule = "keras.initializers";

    internal static void RegisterAll()
    {
        RegisterLayers();
        RegisterInitializers();
        RegisterConvolutionLayers();
        RegisterPoolingAndReshapingLayers();
        RegisterNormalizationAndRegularizationLayers();
        RegisterRecurrentLayers();
        RegisterAttentionEmbeddingAndMergingLayers();
        RegisterImagePreprocessingLayers();
        RegisterTextAndCategoricalPreprocessingLayers();
        RegisterWeightOptionsAndActivationLayers();
        RegisterTrainingObjects();
    }

    // One partial file per layer family (BuiltInClasses.<Family>.cs) implements each of these.
    static partial void RegisterConvolutionLayers();
    static partial void RegisterPoolingAndReshapingLayers();
    static partial void RegisterNormalizationAndRegularizationLayers();
    static partial void RegisterRecurrentLayers();
    static partial void RegisterAttentionEmbeddingAndMergingLayers();
    static partial void RegisterImagePreprocessingLayers();
    static partial void RegisterTextAndCategoricalPreprocessingLayers();
    static partial void RegisterWeightOptionsAndActivationLayers();
    static partial void RegisterTrainingObjects();

    private static void RegisterLayers()
    {
        SerializationRegistry.RegisterBuiltIn(LayersModule, "InputLayer", InputLayerFromConfig);
        SerializationRegistry.RegisterBuiltIn(LayersModule, "Dense", DenseFromConfig);
        // Add and Concatenate: BuiltInClasses.AttentionEmbeddingAndMerging.cs, with the other merge layers.
        SerializationRegistry.RegisterBuiltIn(LayersModule, "Activation", c =>
        {
            var r = Reader("Activation", c);
            return Trainable(new Activation(r.GetActivation("activation"), r.Name), r);
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "Dropout", c =>
        {
            var r = Reader("Dropout", c);
            int?[]? noiseShape = r.Has("noise_shape") ? r.GetShape("noise_shape").ToArray() : null;
            return Trainable(new Dropout(r.GetDouble("rate"), r.Name, noiseShape), r);
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "Flatten", c =>
        {
            var r = Reader("Flatten", c);
            return Trainable(new Flatten(r.Name, r.Config["data_format"] is null ? "channels_last"
                : r.GetString("data_format")), r);
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "Reshape", c =>
        {
            var r = Reader("Reshape", c);
            return Trainable(new Reshape(r.GetIntArray("target_shape"), r.Name), r);
        });
    }

    /// <summary>Keras 3 writes <c>batch_shape</c>; Keras 2 <c>batch_input_shape</c>; the constructor form is
    /// <c>shape</c> with an optional <c>batch_size</c>.</summary>
    private static InputLayer InputLayerFromConfig(JsonObject config)
    {
        var r = new ConfigReader("InputLayer", config);
        r.RejectUnsupported("sparse");
        r.RejectUnsupported("ragged");
        r.RejectUnsupported("optional");
        Shape batchShape = r.Has("batch_shape") ? r.GetShape("batch_shape")
            : r.Has("batch_input_shape") ? r.GetShape("batch_input_shape")
            : r.Has("shape") ? r.GetShape("shape").WithBatch(r.Has("batch_size") ? r.GetInt("batch_size") : null)
            : throw r.Error("its config has none of \"batch_shape\" (Keras 3), \"batch_input_shape\" (Keras 2) or " +
                            "\"shape\"; one is required.");
        if (batchShape.Rank == 0)
        {
            throw r.Error("the input shape must include the batch dimension. Received: batch_shape=()");
        }
        return new InputLayer(batchShape.WithoutBatch(), batchShape[0], r.DType, r.Name);
    }

    private static Dense DenseFromConfig(JsonObject config)
    {
        var r = Reader("Dense", config);
        r.RejectUnsupported("quantization_config");
        r.RejectUnsupported("lora_rank");
        return new Dense(
            r.GetInt("units"),
            r.GetActivation("activation"),
            r.GetBool("use_bias", true),
            r.GetInitializer("kernel_initializer", () => new GlorotUniform()),
            r.GetInitializer("bias_initializer", () => new Zeros()),
            kernelRegularizer: r.GetRegularizer("kernel_regularizer"),
            biasRegularizer: r.GetRegularizer("bias_regularizer"),
            activityRegularizer: r.GetRegularizer("activity_regularizer"),
            kernelConstraint: r.GetConstraint("kernel_constraint"),
            biasConstraint: r.GetConstraint("bias_constraint"),
            name: r.Name,
            trainable: r.Trainable);
    }

    private static void RegisterInitializers()
    {
        Initializer<Zeros>("Zeros", _ => new Zeros(), "zeros", "zero");
        Initializer<Ones>("Ones", _ => new Ones(), "ones", "one");
        Initializer<Constant>("Constant", r => new Constant(r.GetDouble("value", 0.0)), "constant");
        Initializer<RandomNormal>("RandomNormal",
            r => new RandomNormal(r.GetDouble("mean", 0.0), r.GetDouble("stddev", 0.05)), "random_normal", "normal");
        Initializer<RandomUniform>("RandomUniform",
            r => new RandomUniform(r.GetDouble("minval", -0.05), r.GetDouble("maxval", 0.05)), "random_uniform",
            "uniform");
        Initializer<TruncatedNormal>("TruncatedNormal",
            r => new TruncatedNormal(r.GetDouble("mean", 0.0), r.GetDouble("stddev", 0.05)), "truncated_normal");
        Initializer<VarianceScaling>("VarianceScaling",
            r => new VarianceScaling(r.GetDouble("scale", 1.0), r.GetString("mode", "fan_in"),
                r.GetString("distribution", "truncated_normal")), "variance_scaling");
        Initializer<GlorotUniform>("GlorotUniform", _ => new GlorotUniform(), "glorot_uniform");
        Initializer<GlorotNormal>("GlorotNormal", _ => new GlorotNormal(), "glorot_normal");
        Initializer<HeUniform>("HeUniform", _ => new HeUniform(), "he_uniform");
        Initializer<HeNormal>("HeNormal", _ => new HeNormal(), "he_normal");
        Initializer<LecunUniform>("LecunUniform", _ => new LecunUniform(), "lecun_uniform");
        Initializer<LecunNormal>("LecunNormal", _ => new LecunNormal(), "lecun_normal");
        // Keras 3's class is OrthogonalInitializer (its class_name in configs); Keras 2 wrote "Orthogonal".
        Initializer<Orthogonal>("OrthogonalInitializer", r => new Orthogonal(r.GetDouble("gain", 1.0)), "orthogonal",
            "Orthogonal");
        Initializer<Identity>("Identity", r => new Identity(r.GetDouble("gain", 1.0)), "identity",
            "IdentityInitializer");
    }

    /// <summary>Registers an initializer. Seeds in configs are accepted and ignored: Keras.Net initializers draw from
    /// the global generator (<c>keras.utils.set_random_seed</c> semantics).</summary>
    private static void Initializer<T>(string className, Func<ConfigReader, T> create, params string[] aliases)
        where T : Initializer =>
        SerializationRegistry.RegisterBuiltIn(InitializersModule, className, c => create(new ConfigReader(className, c)),
            aliases: aliases);

    /// <summary>A reader for a layer without a dtype argument: only float32 is accepted.</summary>
    private static ConfigReader Reader(string className, JsonObject config)
    {
        var reader = new ConfigReader(className, config);
        reader.RequireFloat32();
        return reader;
    }

    /// <summary>Applies <c>trainable: false</c> for layers whose constructor has no trainable argument.</summary>
    private static T Trainable<T>(T layer, ConfigReader reader) where T : Layer
    {
        if (!reader.Trainable)
        {
            layer.Trainable = false;
        }
        return layer;
    }
}
