namespace Keras.Constraints;

/// <summary>Caps the L2 norm of the weights incident to each unit at <c>maxValue</c>
/// (<c>keras.constraints.MaxNorm</c>, string <c>"max_norm"</c>).</summary>
/// <remarks>Computes <c>w · clip(norm, 0, maxValue) / (1e-7 + norm)</c> with the norms taken along
/// <see cref="Axis"/>: for a Dense kernel <c>(input_dim, units)</c>, axis 0 constrains each unit's incoming vector;
/// for a Conv2D kernel <c>(rows, cols, in, out)</c> use axes <c>[0, 1, 2]</c>.</remarks>
/// <example><code>var dense = new Dense(64, kernelConstraint: new MaxNorm(maxValue: 3));</code></example>
public sealed class MaxNorm : Constraint
{
    private readonly NormAxes _axes;

    /// <summary>Creates the constraint with one norm axis.</summary>
    /// <param name="maxValue">The largest allowed norm. Defaults to 2.</param>
    /// <param name="axis">The axis along which norms are measured. Defaults to 0.</param>
    public MaxNorm(double maxValue = 2, int axis = 0)
    {
        MaxValue = maxValue;
        _axes = NormAxes.Of(axis);
    }

    /// <summary>Creates the constraint with several norm axes.</summary>
    /// <param name="maxValue">The largest allowed norm.</param>
    /// <param name="axis">The axes along which norms are measured (e.g. <c>[0, 1, 2]</c> for a Conv2D kernel).</param>
    public MaxNorm(double maxValue, int[] axis)
    {
        MaxValue = maxValue;
        _axes = NormAxes.Of(axis, nameof(axis));
    }

    /// <summary>The largest allowed norm.</summary>
    public double MaxValue { get; }

    /// <summary>The axes along which norms are measured.</summary>
    public IReadOnlyList<int> Axis => _axes.Axes.Select(a => (int)a).ToArray();

    /// <inheritdoc />
    public override Tensor Call(Tensor w)
    {
        var norms = _axes.Norms(w);
        var desired = norms.clamp(0, MaxValue);
        return w * (desired / (norms + Ops.Epsilon));
    }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() =>
        new() { ["max_value"] = MaxValue, ["axis"] = _axes.ConfigValue };
}
