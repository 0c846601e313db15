using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>The projection sublayers of <see cref="MultiHeadAttention"/> (<c>query</c>, <c>key</c>, <c>value</c>,
/// <c>attention_output</c>): Keras' <c>EinsumDense</c> restricted to contracting trailing axes, with a kernel
/// <c>(*contracted, *outputDims)</c> and a bias <c>(*outputDims)</c>.</summary>
internal sealed class EinsumProjection : Layer
{
    private readonly string _equation;
    private readonly int _boundDims;
    private readonly int[] _outputDims;
    private readonly bool _useBias;
    private readonly Initializer _kernelInitializer;
    private readonly Initializer _biasInitializer;
    private readonly Regularizer? _kernelRegularizer;
    private readonly Regularizer? _biasRegularizer;
    private readonly Constraint? _kernelConstraint;
    private readonly Constraint? _biasConstraint;
    private Variable? _kernel;
    private Variable? _bias;

    internal EinsumProjection(string name, string equation, int boundDims, int[] outputDims, bool useBias,
        Initializer kernelInitializer, Initializer biasInitializer, Regularizer? kernelRegularizer,
        Regularizer? biasRegularizer, Regularizer? activityRegularizer, Constraint? kernelConstraint,
        Constraint? biasConstraint)
        : base(name)
    {
        _equation = equation;
        _boundDims = boundDims;
        _outputDims = outputDims;
        _useBias = useBias;
        _kernelInitializer = kernelInitializer;
        _biasInitializer = biasInitializer;
        _kernelRegularizer = kernelRegularizer;
        _biasRegularizer = biasRegularizer;
        _kernelConstraint = kernelConstraint;
        _biasConstraint = biasConstraint;
        ActivityRegularizer = activityRegularizer;
    }

    /// <inheritdoc />
    public override string ClassName => "EinsumDense";

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) =>
        new([.. inputShape.Take(inputShape.Rank - _boundDims), .. _outputDims.Select(d => (int?)d)]);

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape)
    {
        var bound = inputShape.Skip(inputShape.Rank - _boundDims).ToArray();
        if (bound.Any(d => d is null))
        {
            throw new ArgumentException(
                $"The last {_boundDims} dimension(s) of the input to \"{Name}\" must be defined. " +
                $"Received: {inputShape}");
        }
        _kernel = AddWeight("kernel", new Shape([.. bound, .. _outputDims.Select(d => (int?)d)]), _kernelInitializer,
            regularizer: _kernelRegularizer, constraint: _kernelConstraint);
        var axes = new Dictionary<int, int>();
        for (int i = 0; i < _boundDims; i++)
        {
            axes[i - _boundDims] = bound[i]!.Value;
        }
        InputSpec = new InputSpec(ndim: inputShape.Rank, axes: axes);
        if (_useBias)
        {
            _bias = AddWeight("bias", new Shape(_outputDims.Select(d => (int?)d).ToArray()), _biasInitializer,
                regularizer: _biasRegularizer, constraint: _biasConstraint);
        }
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training)
    {
        var output = Ops.Einsum(_equation, inputs, _kernel!.Value);
        return _bias is null ? output : output + _bias.Value;
    }
}
