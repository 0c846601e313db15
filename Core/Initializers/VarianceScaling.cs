namespace Keras.Initializers;

/// <summary>Keras' variance-scaling initializer: samples scaled to the weight's fan (<c>"variance_scaling"</c>).</summary>
/// <remarks>With <c>n</c> the fan chosen by <see cref="Mode"/>: uniform draws from <c>[-sqrt(3·scale/n), +sqrt(3·scale/n)]</c>;
/// truncated normal uses stddev <c>sqrt(scale/n)/0.8796…</c>; untruncated normal <c>sqrt(scale/n)</c>.</remarks>
/// <example><code>var he = new VarianceScaling(scale: 2.0, mode: "fan_in", distribution: "truncated_normal");</code></example>
public class VarianceScaling : Initializer
{
    /// <summary>Creates the initializer, validating the arguments as Keras does.</summary>
    /// <param name="scale">The scaling factor. Defaults to 1.</param>
    /// <param name="mode">"fan_in", "fan_out" or "fan_avg". Defaults to "fan_in".</param>
    /// <param name="distribution">"truncated_normal", "untruncated_normal" or "uniform". Defaults to "truncated_normal".</param>
    public VarianceScaling(double scale = 1.0, string mode = "fan_in", string distribution = "truncated_normal")
    {
        if (scale <= 0)
        {
            throw new ArgumentException($"Argument `scale` must be positive float. Received: scale={scale}", nameof(scale));
        }
        if (mode is not ("fan_in" or "fan_out" or "fan_avg"))
        {
            throw new ArgumentException(
                $"Invalid `mode` argument: expected one of {{\"fan_in\", \"fan_out\", \"fan_avg\"}}. Received: mode={mode}",
                nameof(mode));
        }
        if (distribution == "normal")
        {
            distribution = "truncated_normal";
        }
        if (distribution is not ("truncated_normal" or "untruncated_normal" or "uniform"))
        {
            throw new ArgumentException(
                "Invalid `distribution` argument: expected one of {\"uniform\", \"truncated_normal\", " +
                $"\"untruncated_normal\"}}. Received: distribution={distribution}", nameof(distribution));
        }
        Scale = scale;
        Mode = mode;
        Distribution = distribution;
    }

    /// <summary>The scaling factor.</summary>
    public double Scale { get; }

    /// <summary>Which fan divides the scale.</summary>
    public string Mode { get; }

    /// <summary>The sampling distribution.</summary>
    public string Distribution { get; }

    /// <inheritdoc />
    public override Tensor Call(long[] shape, string dtype = "float32")
    {
        var (fanIn, fanOut) = ComputeFans(shape);
        double n = Mode switch
        {
            "fan_in" => fanIn,
            "fan_out" => fanOut,
            _ => (fanIn + fanOut) / 2.0,
        };
        double scale = Scale / Math.Max(1.0, n);
        return Distribution switch
        {
            "truncated_normal" => Ops.TruncatedNormal(shape, 0, Math.Sqrt(scale) / 0.87962566103423978),
            "untruncated_normal" => Ops.RandomNormal(shape, 0, Math.Sqrt(scale)),
            _ => Ops.RandomUniform(shape, -Math.Sqrt(3.0 * scale), Math.Sqrt(3.0 * scale)),
        };
    }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() =>
        new() { ["scale"] = Scale, ["mode"] = Mode, ["distribution"] = Distribution, ["seed"] = null };
}
