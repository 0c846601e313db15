namespace Keras.Constraints;

/// <summary>Keeps the L2 norm of the weights incident to each unit between two bounds
/// (<c>keras.constraints.MinMaxNorm</c>, string <c>"min_max_norm"</c>).</summary>
/// <remarks>Computes <c>w · desired / (1e-7 + norm)</c> with
/// <c>desired = rate · clip(norm, minValue, maxValue) + (1 − rate) · norm</c>: <c>rate = 1</c> enforces the bounds
/// strictly, smaller rates move the norms toward them gradually.</remarks>
/// <example><code>var dense = new Dense(4, kernelConstraint: new MinMaxNorm(minValue: 0.5, maxValue: 1.5));</code></example>
public sealed class MinMaxNorm : Constraint
{
    private readonly NormAxes _axes;

    /// <summary>Creates the constraint with one norm axis.</summary>
    /// <param name="minValue">The smallest allowed norm. Defaults to 0.</param>
    /// <param name="maxValue">The largest allowed norm. Defaults to 1.</param>
    /// <param name="rate">How strictly the bounds are enforced per step. Defaults to 1.</param>
    /// <param name="axis">The axis along which norms are measured. Defaults to 0.</param>
    public MinMaxNorm(double minValue = 0.0, double maxValue = 1.0, double rate = 1.0, int axis = 0)
    {
        MinValue = minValue;
        MaxValue = maxValue;
        Rate = rate;
        _axes = NormAxes.Of(axis);
    }

    /// <summary>Creates the constraint with several norm axes.</summary>
    /// <param name="minValue">The smallest allowed norm.</param>
    /// <param name="maxValue">The largest allowed norm.</param>
    /// <param name="rate">How strictly the bounds are enforced per step.</param>
    /// <param name="axis">The axes along which norms are measured.</param>
    public MinMaxNorm(double minValue, double maxValue, double rate, int[] axis)
    {
        MinValue = minValue;
        MaxValue = maxValue;
        Rate = rate;
        _axes = NormAxes.Of(axis, nameof(axis));
    }

    /// <summary>The smallest allowed norm.</summary>
    public double MinValue { get; }

    /// <summary>The largest allowed norm.</summary>
    public double MaxValue { get; }

    /// <summary>The enforcement rate.</summary>
    public double Rate { get; }

    /// <summary>The axes along which norms are measured.</summary>
    public IReadOnlyList<int> Axis => _axes.Axes.Select(a => (int)a).ToArray();

    /// <inheritdoc />
    public override Tensor Call(Tensor w)
    {
        var norms = _axes.Norms(w);
        var desired = norms.clamp(MinValue, MaxValue) * Rate + norms * (1 - Rate);
        return w * (desired / (norms + Ops.Epsilon));
    }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => new()
    {
        ["min_value"] = MinValue,
        ["max_value"] = MaxValue,
        ["rate"] = Rate,
        ["axis"] = _axes.ConfigValue,
    };
}
