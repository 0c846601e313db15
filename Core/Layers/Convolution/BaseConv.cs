using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>The N-D convolution behind <see cref="Conv1D"/>, <see cref="Conv2D"/> and <see cref="Conv3D"/> (Keras'
/// <c>BaseConv</c>): <c>activation(conv(inputs, kernel) + bias)</c>.</summary>
/// <remarks>The kernel has Keras' layout <c>(k..., in / groups, filters)</c> whatever the data format; it is viewed in
/// libtorch's layout at call time. "same" padding is TensorFlow's (the odd pixel goes at the end).</remarks>
/// <example><code>
/// var conv = new Conv2D(32, 3, padding: "same", activation: "relu");
/// Tensor y = conv.Call(x);   // x: (batch, 28, 28, 1) → y: (batch, 28, 28, 32)
/// </code></example>
public abstract class BaseConv : BaseConvolution
{
    private protected BaseConv(int rank, int filters, IntTuple kernelSize, IntTuple? strides, string padding,
        string dataFormat, IntTuple? dilationRate, int groups, ActivationFunction? activation, bool useBias,
        Initializer? kernelInitializer, Initializer? biasInitializer, Regularizer? kernelRegularizer,
        Regularizer? biasRegularizer, Regularizer? activityRegularizer, Constraint? kernelConstraint,
        Constraint? biasConstraint, string? name, bool trainable)
        : base(rank, kernelSize, strides, padding, allowCausal: rank == 1, dataFormat, dilationRate, activation,
            useBias, biasInitializer, biasRegularizer, activityRegularizer, biasConstraint, name, trainable)
    {
        Filters = filters;
        Groups = groups;
        KernelInitializer = kernelInitializer ?? new GlorotUniform();
        KernelRegularizer = kernelRegularizer;
        KernelConstraint = kernelConstraint;
        ConvUtils.CheckFilters(filters);
        if (groups <= 0)
        {
            throw new ArgumentException(
                $"The number of groups must be a positive integer. Received: groups={groups}.", nameof(groups));
        }
        if (filters % groups != 0)
        {
            throw new ArgumentException(
                "The number of filters must be evenly divisible by the number of groups. " +
                $"Received: groups={groups}, filters={filters}.", nameof(groups));
        }
    }

    /// <summary>The number of output channels.</summary>
    public int Filters { get; }

    /// <summary>The number of channel groups convolved separately.</summary>
    public int Groups { get; }

    /// <summary>The kernel initializer.</summary>
    public Initializer KernelInitializer { get; }

    /// <summary>The kernel's regularizer, if any.</summary>
    public Regularizer? KernelRegularizer { get; }

    /// <summary>The kernel's constraint, if any.</summary>
    public Constraint? KernelConstraint { get; }

    /// <summary>The kernel, shape <c>(k..., in / groups, filters)</c>; null before the layer is built.</summary>
    public Variable? Kernel { get; private set; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) =>
        ConvUtils.ConvOutputShape(inputShape, Rank, Filters, _kernelSize, _strides, _dilationRate, Padding,
            ChannelsLast, Name);

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["filters"] = Filters;
        return WriteConvConfig(config, afterPadding: null, afterDilation: ("groups", Groups),
            ("kernel", KernelInitializer, KernelRegularizer, KernelConstraint));
    }

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape)
    {
        int inputChannels = ConvUtils.InputChannels(inputShape, Rank, ChannelsLast, Name);
        if (inputChannels % Groups != 0)
        {
            throw new ArgumentException(
                "The number of input channels must be evenly divisible by the number of groups. " +
                $"Received groups={Groups}, but the input has {inputChannels} channels (full input shape is " +
                $"{inputShape}).");
        }
        ComputeOutputShape(inputShape);
        Kernel = AddWeight("kernel", ConvUtils.KernelShape(_kernelSize, inputChannels / Groups, Filters),
            KernelInitializer, regularizer: KernelRegularizer, constraint: KernelConstraint);
        AddBias(Filters);
        InputSpec = ConvUtils.BuiltInputSpec(Rank, ChannelsLast, inputChannels);
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        Activation.Apply(Ops.Conv(inputs, Kernel!.Value, _strides, Padding, _dilationRate, DataFormat, Bias?.Value));
}
