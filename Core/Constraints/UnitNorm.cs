namespace Keras.Constraints;

/// <summary>Scales the weights incident to each unit to unit L2 norm (<c>keras.constraints.UnitNorm</c>, string
/// <c>"unit_norm"</c>).</summary>
/// <remarks>Computes <c>w / (1e-7 + norm)</c> with the norms taken along <see cref="Axis"/> (see
/// <see cref="MaxNorm"/>).</remarks>
/// <example><code>var dense = new Dense(4, kernelConstraint: new UnitNorm(axis: 0));</code></example>
public sealed class UnitNorm : Constraint
{
    private readonly NormAxes _axes;

    /// <summary>Creates the constraint with one norm axis.</summary>
    /// <param name="axis">The axis along which norms are measured. Defaults to 0.</param>
    public UnitNorm(int axis = 0)
    {
        _axes = NormAxes.Of(axis);
    }

    /// <summary>Creates the constraint with several norm axes.</summary>
    /// <param name="axis">The axes along which norms are measured.</param>
    public UnitNorm(int[] axis)
    {
        _axes = NormAxes.Of(axis, nameof(axis));
    }

    /// <summary>The axes along which norms are measured.</summary>
    public IReadOnlyList<int> Axis => _axes.Axes.Select(a => (int)a).ToArray();

    /// <inheritdoc />
    public override Tensor Call(Tensor w) => w / (_axes.Norms(w) + Ops.Epsilon);

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => new() { ["axis"] = _axes.ConfigValue };
}
