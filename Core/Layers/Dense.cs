using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>A densely connected layer: <c>activation(inputs @ kernel + bias)</c> (<c>keras.layers.Dense</c>).</summary>
/// <remarks>The kernel has Keras' layout <c>(input_dim, units)</c>. Inputs of rank above 2 are transformed on their last
/// axis. Regularizer penalties count in the loss of every training step (see <see cref="Layer.Losses"/>); constraints
/// are applied after every optimizer update.</remarks>
/// <example><code>
/// var layer = new Dense(128, activation: "relu", kernelRegularizer: new L2(1e-4), kernelConstraint: new MaxNorm(3));
/// Tensor y = layer.Call(x);   // x: (batch, 784) → y: (batch, 128)
/// </code></example>
public sealed class Dense : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="units">The output dimension; must be positive.</param>
    /// <param name="activation">The activation. Defaults to none (linear).</param>
    /// <param name="useBias">Whether to add a bias. Defaults to true.</param>
    /// <param name="kernelInitializer">Kernel initializer. Defaults to <c>glorot_uniform</c>.</param>
    /// <param name="biasInitializer">Bias initializer. Defaults to <c>zeros</c>.</param>
    /// <param name="kernelRegularizer">A penalty on the kernel. Defaults to none.</param>
    /// <param name="biasRegularizer">A penalty on the bias. Defaults to none.</param>
    /// <param name="activityRegularizer">A penalty on the layer's output. Defaults to none.</param>
    /// <param name="kernelConstraint">A constraint applied to the kernel after each update. Defaults to none.</param>
    /// <param name="biasConstraint">A constraint applied to the bias after each update. Defaults to none.</param>
    /// <param name="name">The layer name. Defaults to <c>dense</c>, <c>dense_1</c>, ...</param>
    /// <param name="trainable">Whether the weights train. Defaults to true.</param>
    public Dense(int units, ActivationFunction? activation = null, bool useBias = true,
        Initializer? kernelInitializer = null, Initializer? biasInitializer = null,
        Regularizer? kernelRegularizer = null, Regularizer? biasRegularizer = null,
        Regularizer? activityRegularizer = null, Constraint? kernelConstraint = null, Constraint? biasConstraint = null,
        string? name = null, bool trainable = true)
        : base(name, trainable)
    {
        if (units <= 0)
        {
            throw new ArgumentException(
                $"Received an invalid value for `units`, expected a positive integer. Received: units={units}",
                nameof(units));
        }
        Units = units;
        Activation = activation ?? Activations.Linear;
        UseBias = useBias;
        KernelInitializer = kernelInitializer ?? new GlorotUniform();
        BiasInitializer = biasInitializer ?? new Zeros();
        KernelRegularizer = kernelRegularizer;
        BiasRegularizer = biasRegularizer;
        ActivityRegularizer = activityRegularizer;
        KernelConstraint = kernelConstraint;
        BiasConstraint = biasConstraint;
        SupportsMasking = true;
        InputSpec = new InputSpec(minNdim: 2);
    }

    /// <summary>The output dimension.</summary>
    public int Units { get; }

    /// <summary>The activation applied to the output.</summary>
    public ActivationFunction Activation { get; }

    /// <summary>Whether a bias is added.</summary>
    public bool UseBias { get; }

    /// <summary>The kernel initializer.</summary>
    public Initializer KernelInitializer { get; }

    /// <summary>The bias initializer.</summary>
    public Initializer BiasInitializer { get; }

    /// <summary>The penalty on the kernel, or null.</summary>
    public Regularizer? KernelRegularizer { get; }

    /// <summary>The penalty on the bias, or null.</summary>
    public Regularizer? BiasRegularizer { get; }

    /// <summary>The constraint on the kernel, or null.</summary>
    public Constraint? KernelConstraint { get; }

    /// <summary>The constraint on the bias, or null.</summary>
    public Constraint? BiasConstraint { get; }

    /// <summary>The kernel, shape <c>(input_dim, units)</c>; null before the layer is built.</summary>
    public Variable? Kernel { get; private set; }

    /// <summary>The bias, shape <c>(units,)</c>; null before building or without bias.</summary>
    public Variable? Bias { get; private set; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => inputShape.With(-1, Units);

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        if (ActivityRegularizer is not null)
        {
            // Keras 3's Layer.get_config writes it only when set.
            config["activity_regularizer"] = ActivityRegularizer;
        }
        config["units"] = Units;
        config["activation"] = Activation.Name;
        config["use_bias"] = UseBias;
        config["kernel_initializer"] = KernelInitializer;
        config["bias_initializer"] = BiasInitializer;
        config["kernel_regularizer"] = KernelRegularizer;
        config["bias_regularizer"] = BiasRegularizer;
        config["kernel_constraint"] = KernelConstraint;
        config["bias_constraint"] = BiasConstraint;
        return config;
    }

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape)
    {
        int inputDim = inputShape[-1] ?? throw new ArgumentException(
            $"The last dimension of the input to layer \"{Name}\" must be defined. Received: input_shape={inputShape}");
        Kernel = AddWeight("kernel", [inputDim, Units], KernelInitializer, regularizer: KernelRegularizer,
            constraint: KernelConstraint);
        if (UseBias)
        {
            Bias = AddWeight("bias", [Units], BiasInitializer, regularizer: BiasRegularizer, constraint: BiasConstraint);
        }
        InputSpec = new InputSpec(minNdim: 2, axes: new Dictionary<int, int> { [-1] = inputDim });
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        Activation.Apply(Ops.Dense(inputs, Kernel!.Value, Bias?.Value));
}
