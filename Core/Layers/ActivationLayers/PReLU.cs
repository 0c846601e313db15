using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>Parametric rectified linear unit: <c>x</c> for <c>x ≥ 0</c>, <c>alpha · x</c> below, with a learned
/// <c>alpha</c> per input position (<c>keras.layers.PReLU</c>).</summary>
/// <remarks>The weight <c>alpha</c> has the input's shape without the batch dimension, with 1 on each of
/// <see cref="SharedAxes"/> (axes counted with the batch axis as 0): for feature maps <c>(batch, h, w, c)</c>,
/// <c>sharedAxes: [1, 2]</c> learns one slope per channel.</remarks>
/// <example><code>var layer = new PReLU(alphaInitializer: new Constant(0.25), sharedAxes: [1, 2]);</code></example>
public sealed class PReLU : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="alphaInitializer">The initializer of <c>alpha</c>. Defaults to <c>zeros</c>.</param>
    /// <param name="alphaRegularizer">A penalty on <c>alpha</c>. Defaults to none.</param>
    /// <param name="alphaConstraint">A constraint on <c>alpha</c>. Defaults to none.</param>
    /// <param name="sharedAxes">Axes (≥ 1) along which one slope is shared. Defaults to none.</param>
    /// <param name="name">The layer name. Defaults to <c>p_re_lu</c>, ...</param>
    /// <exception cref="ArgumentException">A shared axis is below 1.</exception>
    public PReLU(Initializer? alphaInitializer = null, Regularizer? alphaRegularizer = null,
        Constraint? alphaConstraint = null, int[]? sharedAxes = null, string? name = null)
        : base(name)
    {
        if (sharedAxes is not null && sharedAxes.Any(a => a < 1))
        {
            throw new ArgumentException(
                "`shared_axes` of a PReLU layer must be axes of the input counted from 1 (axis 0 is the batch). " +
                $"Received: shared_axes=[{string.Join(", ", sharedAxes)}]", nameof(sharedAxes));
        }
        AlphaInitializer = alphaInitializer ?? new Zeros();
        AlphaRegularizer = alphaRegularizer;
        AlphaConstraint = alphaConstraint;
        SharedAxes = sharedAxes?.ToArray();
        SupportsMasking = true;
    }

    /// <summary>The initializer of <c>alpha</c>.</summary>
    public Initializer AlphaInitializer { get; }

    /// <summary>The penalty on <c>alpha</c>, or null.</summary>
    public Regularizer? AlphaRegularizer { get; }

    /// <summary>The constraint on <c>alpha</c>, or null.</summary>
    public Constraint? AlphaConstraint { get; }

    /// <summary>The axes along which one slope is shared, or null.</summary>
    public IReadOnlyList<int>? SharedAxes { get; }

    /// <summary>The learned slopes; null before the layer is built.</summary>
    public Variable? Alpha { get; private set; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => inputShape;

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["alpha_initializer"] = AlphaInitializer;
        config["alpha_regularizer"] = AlphaRegularizer;
        config["alpha_constraint"] = AlphaConstraint;
        config["shared_axes"] = SharedAxes;
        return config;
    }

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape)
    {
        var shared = new HashSet<int>(SharedAxes ?? []);
        foreach (int axis in shared)
        {
            if (axis >= inputShape.Rank)
            {
                throw new ArgumentException(
                    $"Layer \"{Name}\" shares axis {axis}, but its input has only {inputShape.Rank} axes. " +
                    $"Received: input_shape={inputShape}", nameof(inputShape));
            }
        }
        var paramShape = new int?[inputShape.Rank - 1];
        var axes = new Dictionary<int, int>();
        for (int i = 1; i < inputShape.Rank; i++)
        {
            if (shared.Contains(i))
            {
                paramShape[i - 1] = 1;
                continue;
            }
            int dim = inputShape[i] ?? throw new ArgumentException(
                $"Layer \"{Name}\" needs a known size for every axis that is not shared, but axis {i} of its input is " +
                $"unknown. Received: input_shape={inputShape}. Share that axis (sharedAxes) or give it a size.",
                nameof(inputShape));
            paramShape[i - 1] = dim;
            axes[i] = dim;
        }
        Alpha = AddWeight("alpha", new Shape(paramShape), AlphaInitializer, regularizer: AlphaRegularizer,
            constraint: AlphaConstraint);
        InputSpec = new InputSpec(ndim: inputShape.Rank, axes: axes);
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        Ops.Relu(inputs) - Alpha!.Value * Ops.Relu(-inputs);
}
