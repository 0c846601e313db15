namespace Keras.Metrics;

/// <summary>Shape helpers shared by the metrics (Keras' <c>squeeze_or_expand_to_same_rank</c> and friends).</summary>
internal static class MetricsUtils
{
    /// <summary>Squeezes or expands the last axis when the ranks differ by exactly one and that axis is 1, as Keras'
    /// <c>squeeze_or_expand_to_same_rank</c>.</summary>
    internal static (Tensor X1, Tensor X2) SqueezeOrExpandToSameRank(Tensor x1, Tensor x2, bool expandRank1 = true)
    {
        long r1 = x1.dim();
        long r2 = x2.dim();
        if (r1 == r2)
        {
            return (x1, x2);
        }
        if (r1 == r2 + 1 && x1.shape[^1] == 1)
        {
            if (r2 == 1 && expandRank1)
            {
                x2 = x2.unsqueeze(-1);
            }
            else
            {
                x1 = x1.squeeze(-1);
            }
        }
        if (r2 == r1 + 1 && x2.shape[^1] == 1)
        {
            if (r1 == 1 && expandRank1)
            {
                x1 = x1.unsqueeze(-1);
            }
            else
            {
                x2 = x2.squeeze(-1);
            }
        }
        return (x1, x2);
    }

    /// <summary>Broadcasts <paramref name="weight"/> to <paramref name="shape"/>, failing with a message that names
    /// the argument when numpy broadcasting does not allow it.</summary>
    internal static Tensor BroadcastWeight(Tensor weight, long[] shape, string metricName)
    {
        long[] w = weight.shape;
        bool ok = w.Length <= shape.Length;
        for (int i = 1; ok && i <= w.Length; i++)
        {
            ok = w[^i] == 1 || w[^i] == shape[^i];
        }
        if (!ok)
        {
            throw new ArgumentException(
                $"Metric \"{metricName}\": `sample_weight` of shape {new Shape(w)} cannot be broadcast to the values " +
                $"of shape {new Shape(shape)}. Pass one weight per sample, e.g. shape " +
                $"({(shape.Length > 0 ? shape[0] : 1)},).",
                "sampleWeight");
        }
        return weight.expand(shape);
    }

    /// <summary>Reads a 0-d tensor back as a double (the one place metrics synchronise with the device).</summary>
    internal static double ReadDouble(Tensor scalar)
    {
        using var scope = Backend.KerasBackend.Current.MemoryScope();
        return scalar.to_type(Ops.DType("float64")).item<double>();
    }

    /// <summary>Reads a 1-D tensor back as doubles (one synchronisation).</summary>
    internal static double[] ReadDoubles(Tensor values)
    {
        using var scope = Backend.KerasBackend.Current.MemoryScope();
        return values.to_type(Ops.DType("float64")).cpu().contiguous().data<double>().ToArray();
    }

    /// <summary>The single value of a one-threshold metric, or a clear error telling the caller to read each
    /// threshold's value instead.</summary>
    internal static double SingleThresholdResult(Tensor perThreshold, string metricName, string typeName)
    {
        long n = perThreshold.shape[0];
        if (n != 1)
        {
            throw new InvalidOperationException(
                $"Metric \"{metricName}\" ({typeName}) has {n} thresholds, so its result is one value per threshold; " +
                "call ResultPerThreshold() instead of Result(), or give a single threshold.");
        }
        return ReadDouble(perThreshold[0]);
    }

    /// <summary>Checks Keras' <c>top_k</c> and <c>class_id</c> arguments.</summary>
    internal static void ValidateTopKAndClassId(int? topK, int? classId)
    {
        if (topK is < 1)
        {
            throw new ArgumentException(
                $"Argument `top_k` must be a positive integer. Received: top_k={topK}", nameof(topK));
        }
        if (classId is < 0)
        {
            throw new ArgumentException(
                $"Argument `class_id` must be a non-negative integer. Received: class_id={classId}", nameof(classId));
        }
    }

    /// <summary>The axes <c>[from, to)</c> as a <c>long[]</c> for reductions.</summary>
    internal static long[] Axes(long from, long to)
    {
        var axes = new long[Math.Max(0, to - from)];
        for (int i = 0; i < axes.Length; i++)
        {
            axes[i] = from + i;
        }
        return axes;
    }

    /// <summary>Fails with a clear message when a tensor has rank 0 (metrics need a batch axis).</summary>
    internal static void RequireRank(Tensor x, string argument, string metricName, int minRank = 1)
    {
        if (x.dim() < minRank)
        {
            throw new ArgumentException(
                $"Metric \"{metricName}\": `{argument}` must have rank >= {minRank}. Received: " +
                $"{argument}.shape={new Shape(x.shape)}", argument);
        }
    }
}
