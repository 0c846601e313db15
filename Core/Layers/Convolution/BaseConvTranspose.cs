using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>The N-D transposed convolution behind <see cref="Conv1DTranspose"/>, <see cref="Conv2DTranspose"/> and
/// <see cref="Conv3DTranspose"/> (Keras' <c>BaseConvTranspose</c>): <c>activation(conv_transpose(inputs, kernel) +
/// bias)</c>.</summary>
/// <remarks>The kernel has Keras' layout <c>(k..., filters, in)</c>. Output lengths follow Keras'
/// <c>compute_conv_transpose_output_shape</c>: with <c>e = (k − 1)·dilation + 1</c>, "valid" gives
/// <c>(in − 1)·stride + e + output_padding</c> (output_padding defaults to <c>max(e, stride) − e</c>) and "same" gives
/// <c>in·stride</c>, or <c>(in − 1)·stride + e mod 2 + output_padding</c> when output_padding is given.</remarks>
/// <example><code>
/// var up = new Conv2DTranspose(16, 3, strides: 2, padding: "same");
/// Tensor y = up.Call(x);   // x: (batch, 7, 7, 32) → y: (batch, 14, 14, 16)
/// </code></example>
public abstract class BaseConvTranspose : BaseConvolution
{
    private readonly int[]? _outputPadding;

    private protected BaseConvTranspose(int rank, int filters, IntTuple kernelSize, IntTuple? strides, string padding,
        IntTuple? outputPadding, string dataFormat, IntTuple? dilationRate, ActivationFunction? activation,
        bool useBias, Initializer? kernelInitializer, Initializer? biasInitializer, Regularizer? kernelRegularizer,
        Regularizer? biasRegularizer, Regularizer? activityRegularizer, Constraint? kernelConstraint,
        Constraint? biasConstraint, string? name, bool trainable)
        : base(rank, kernelSize, strides, padding, allowCausal: false, dataFormat, dilationRate, activation, useBias,
            biasInitializer, biasRegularizer, activityRegularizer, biasConstraint, name, trainable)
    {
        Filters = filters;
        _outputPadding = outputPadding?.Standardize(rank, "output_padding", allowZero: true);
        KernelInitializer = kernelInitializer ?? new GlorotUniform();
        KernelRegularizer = kernelRegularizer;
        KernelConstraint = kernelConstraint;
        ConvUtils.CheckFilters(filters);
        if (_outputPadding is not null && _outputPadding.Where((p, i) => p >= _strides[i]).Any())
        {
            throw new ArgumentException(
                $"`output_padding` must be < `strides`. output_padding={IntTuple.FormatTuple(_outputPadding)}, " +
                $"strides={IntTuple.FormatTuple(_strides)}", nameof(outputPadding));
        }
    }

    /// <summary>The number of output channels.</summary>
    public int Filters { get; }

    /// <summary>The extra output length per axis, or null when it is inferred.</summary>
    public IReadOnlyList<int>? OutputPadding => _outputPadding?.AsReadOnly();

    /// <summary>The kernel initializer.</summary>
    public Initializer KernelInitializer { get; }

    /// <summary>The kernel's regularizer, if any.</summary>
    public Regularizer? KernelRegularizer { get; }

    /// <summary>The kernel's constraint, if any.</summary>
    public Constraint? KernelConstraint { get; }

    /// <summary>The kernel, shape <c>(k..., filters, in)</c>; null before the layer is built.</summary>
    public Variable? Kernel { get; private set; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) =>
        ConvUtils.ConvTransposeOutputShape(inputShape, Filters, _kernelSize, _strides, _dilationRate, Padding,
            _outputPadding, ChannelsLast, Name);

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["filters"] = Filters;
        return WriteConvConfig(config, afterPadding: ("output_padding", OutputPadding), afterDilation: null,
            ("kernel", KernelInitializer, KernelRegularizer, KernelConstraint));
    }

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape)
    {
        int inputChannels = ConvUtils.InputChannels(inputShape, Rank, ChannelsLast, Name);
        Kernel = AddWeight("kernel", ConvUtils.KernelShape(_kernelSize, Filters, inputChannels), KernelInitializer,
            regularizer: KernelRegularizer, constraint: KernelConstraint);
        AddBias(Filters);
        InputSpec = ConvUtils.BuiltInputSpec(Rank, ChannelsLast, inputChannels);
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        Activation.Apply(Ops.ConvTranspose(inputs, Kernel!.Value, _strides, Padding, _outputPadding, _dilationRate,
            DataFormat, Bias?.Value));
}
