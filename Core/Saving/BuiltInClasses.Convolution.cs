using System.Text.Json.Nodes;
using Keras.Initializers;
using Keras.Layers;

namespace Keras.Saving;

internal static partial class BuiltInClasses
{
    /// <summary>The convolution layers with Keras 3's aliases. Keras 3 and Keras 2 write the same keys, except that
    /// Keras 2 also writes <c>groups</c> (always 1) for the transposed, depthwise and separable layers;
    /// <c>kernel_size</c>, <c>strides</c>, <c>dilation_rate</c> and <c>output_padding</c> are read as an integer or a
    /// list.</summary>
    static partial void RegisterConvolutionLayers()
    {
        RegisterConv("Conv1D", ConvFromConfig((r, a) => new Conv1D(a.Filters, a.KernelSize, a.Strides, a.Padding,
            a.DataFormat, a.DilationRate, a.Groups, a.Activation, a.UseBias, a.KernelInitializer, a.BiasInitializer,
            a.KernelRegularizer, a.BiasRegularizer, a.ActivityRegularizer, a.KernelConstraint, a.BiasConstraint,
            r.Name, r.Trainable)), "Convolution1D");
        RegisterConv("Conv2D", ConvFromConfig((r, a) => new Conv2D(a.Filters, a.KernelSize, a.Strides, a.Padding,
            a.DataFormat, a.DilationRate, a.Groups, a.Activation, a.UseBias, a.KernelInitializer, a.BiasInitializer,
            a.KernelRegularizer, a.BiasRegularizer, a.ActivityRegularizer, a.KernelConstraint, a.BiasConstraint,
            r.Name, r.Trainable)), "Convolution2D");
        RegisterConv("Conv3D", ConvFromConfig((r, a) => new Conv3D(a.Filters, a.KernelSize, a.Strides, a.Padding,
            a.DataFormat, a.DilationRate, a.Groups, a.Activation, a.UseBias, a.KernelInitializer, a.BiasInitializer,
            a.KernelRegularizer, a.BiasRegularizer, a.ActivityRegularizer, a.KernelConstraint, a.BiasConstraint,
            r.Name, r.Trainable)), "Convolution3D");
        RegisterConv("Conv1DTranspose", ConvTransposeFromConfig((r, a, op) => new Conv1DTranspose(a.Filters,
            a.KernelSize, a.Strides, a.Padding, op, a.DataFormat, a.DilationRate, a.Activation, a.UseBias,
            a.KernelInitializer, a.BiasInitializer, a.KernelRegularizer, a.BiasRegularizer, a.ActivityRegularizer,
            a.KernelConstraint, a.BiasConstraint, r.Name, r.Trainable)), "Convolution1DTranspose");
        RegisterConv("Conv2DTranspose", ConvTransposeFromConfig((r, a, op) => new Conv2DTranspose(a.Filters,
            a.KernelSize, a.Strides, a.Padding, op, a.DataFormat, a.DilationRate, a.Activation, a.UseBias,
            a.KernelInitializer, a.BiasInitializer, a.KernelRegularizer, a.BiasRegularizer, a.ActivityRegularizer,
            a.KernelConstraint, a.BiasConstraint, r.Name, r.Trainable)), "Convolution2DTranspose");
        RegisterConv("Conv3DTranspose", ConvTransposeFromConfig((r, a, op) => new Conv3DTranspose(a.Filters,
            a.KernelSize, a.Strides, a.Padding, op, a.DataFormat, a.DilationRate, a.Activation, a.UseBias,
            a.KernelInitializer, a.BiasInitializer, a.KernelRegularizer, a.BiasRegularizer, a.ActivityRegularizer,
            a.KernelConstraint, a.BiasConstraint, r.Name, r.Trainable)), "Convolution3DTranspose");
        RegisterConv("DepthwiseConv1D", DepthwiseConvFromConfig((r, a, dm) => new DepthwiseConv1D(a.KernelSize,
            a.Strides, a.Padding, dm, a.DataFormat, a.DilationRate, a.Activation, a.UseBias, a.DepthwiseInitializer,
            a.BiasInitializer, a.DepthwiseRegularizer, a.BiasRegularizer, a.ActivityRegularizer,
            a.DepthwiseConstraint, a.BiasConstraint, r.Name, r.Trainable)));
        RegisterConv("DepthwiseConv2D", DepthwiseConvFromConfig((r, a, dm) => new DepthwiseConv2D(a.KernelSize,
            a.Strides, a.Padding, dm, a.DataFormat, a.DilationRate, a.Activation, a.UseBias, a.DepthwiseInitializer,
            a.BiasInitializer, a.DepthwiseRegularizer, a.BiasRegularizer, a.ActivityRegularizer,
            a.DepthwiseConstraint, a.BiasConstraint, r.Name, r.Trainable)));
        RegisterConv("SeparableConv1D", DepthwiseConvFromConfig((r, a, dm) => new SeparableConv1D(a.Filters,
            a.KernelSize, a.Strides, a.Padding, a.DataFormat, a.DilationRate, dm, a.Activation, a.UseBias,
            a.DepthwiseInitializer, a.PointwiseInitializer, a.BiasInitializer, a.DepthwiseRegularizer,
            a.PointwiseRegularizer, a.BiasRegularizer, a.ActivityRegularizer, a.DepthwiseConstraint,
            a.PointwiseConstraint, a.BiasConstraint, r.Name, r.Trainable)), "SeparableConvolution1D");
        RegisterConv("SeparableConv2D", DepthwiseConvFromConfig((r, a, dm) => new SeparableConv2D(a.Filters,
            a.KernelSize, a.Strides, a.Padding, a.DataFormat, a.DilationRate, dm, a.Activation, a.UseBias,
            a.DepthwiseInitializer, a.PointwiseInitializer, a.BiasInitializer, a.DepthwiseRegularizer,
            a.PointwiseRegularizer, a.BiasRegularizer, a.ActivityRegularizer, a.DepthwiseConstraint,
            a.PointwiseConstraint, a.BiasConstraint, r.Name, r.Trainable)), "SeparableConvolution2D");
    }

    private static void RegisterConv<T>(string className, Func<JsonObject, T> fromConfig, params string[] aliases)
        where T : Layer =>
        SerializationRegistry.RegisterBuiltIn(LayersModule, className, fromConfig, aliases: aliases);

    private static Func<JsonObject, T> ConvFromConfig<T>(Func<ConfigReader, ConvArguments, T> create) =>
        config =>
        {
            var r = Reader(typeof(T).Name, config);
            foreach (var key in new[] { "lora_rank", "lora_alpha", "dora_rank", "dora_alpha", "quantization_config" })
            {
                r.RejectUnsupported(key);
            }
            return create(r, new ConvArguments(r, r.GetInt("groups", 1)));
        };

    private static Func<JsonObject, T> ConvTransposeFromConfig<T>(
        Func<ConfigReader, ConvArguments, IntTuple?, T> create) =>
        config =>
        {
            var r = Reader(typeof(T).Name, config);
            return create(r, new ConvArguments(r, ConvSingleGroup(r)), ConvTuple(r, "output_padding"));
        };

    /// <summary>Depthwise and separable layers: the shared arguments plus <c>depth_multiplier</c>.</summary>
    private static Func<JsonObject, T> DepthwiseConvFromConfig<T>(Func<ConfigReader, ConvArguments, int, T> create) =>
        config =>
        {
            var r = Reader(typeof(T).Name, config);
            return create(r, new ConvArguments(r, ConvSingleGroup(r)), r.GetInt("depth_multiplier", 1));
        };

    /// <summary>Keras 2 writes <c>groups: 1</c> for layers that have no groups argument in Keras 3.</summary>
    private static int ConvSingleGroup(ConfigReader r)
    {
        int groups = r.GetInt("groups", 1);
        if (groups != 1)
        {
            string layer = r.Name is { } name ? $"{r.ClassName} \"{name}\"" : r.ClassName;
            throw new NotSupportedException(
                $"Cannot load {layer}: \"groups\": {groups} is not supported by this layer; only 1 is.");
        }
        return groups;
    }

    /// <summary>An integer or a list of integers (<c>kernel_size</c>: <c>3</c> or <c>[3, 3]</c>); null when
    /// absent.</summary>
    private static IntTuple? ConvTuple(ConfigReader r, string key)
    {
        if (!r.Has(key))
        {
            return null;
        }
        return JsonValues.TryGetInt(r.Config[key], out int value) ? value : r.GetIntArray(key);
    }

    /// <summary>The arguments the convolution layers share, read from a config.</summary>
    private sealed class ConvArguments(ConfigReader r, int groups)
    {
        public int Filters => r.GetInt("filters");

        public IntTuple KernelSize => ConvTuple(r, "kernel_size")
            ?? throw r.Error("its config has no \"kernel_size\" key (or it is null), which is required.");

        public IntTuple? Strides => ConvTuple(r, "strides");

        public string Padding => r.GetString("padding", "valid");

        public string DataFormat => r.GetString("data_format", "channels_last");

        public IntTuple? DilationRate => ConvTuple(r, "dilation_rate");

        public int Groups => groups;

        public ActivationFunction Activation => r.GetActivation("activation");

        public bool UseBias => r.GetBool("use_bias", true);

        public Initializer KernelInitializer => r.GetInitializer("kernel_initializer", () => new GlorotUniform());

        public Initializer DepthwiseInitializer =>
            r.GetInitializer("depthwise_initializer", () => new GlorotUniform());

        public Initializer PointwiseInitializer =>
            r.GetInitializer("pointwise_initializer", () => new GlorotUniform());

        public Initializer BiasInitializer => r.GetInitializer("bias_initializer", () => new Zeros());

        public Regularizers.Regularizer? KernelRegularizer => r.GetRegularizer("kernel_regularizer");

        public Regularizers.Regularizer? DepthwiseRegularizer => r.GetRegularizer("depthwise_regularizer");

        public Regularizers.Regularizer? PointwiseRegularizer => r.GetRegularizer("pointwise_regularizer");

        public Regularizers.Regularizer? BiasRegularizer => r.GetRegularizer("bias_regularizer");

        public Regularizers.Regularizer? ActivityRegularizer => r.GetRegularizer("activity_regularizer");

        public Constraints.Constraint? KernelConstraint => r.GetConstraint("kernel_constraint");

        public Constraints.Constraint? DepthwiseConstraint => r.GetConstraint("depthwise_constraint");

        public Constraints.Constraint? PointwiseConstraint => r.GetConstraint("pointwise_constraint");

        public Constraints.Constraint? BiasConstraint => r.GetConstraint("bias_constraint");
    }
}
