namespace Keras.Layers;

/// <summary>Reshapes each sample to <c>targetShape</c>; one dimension may be -1 and is inferred.</summary>
/// <example><code>var layer = new Reshape([7, 7, 16]);</code></example>
public sealed class Reshape : Layer
{
    private readonly int[] _target;

    /// <summary>Creates the layer.</summary>
    /// <param name="targetShape">The per-sample output shape, without batch; at most one -1.</param>
    /// <param name="name">The layer name. Defaults to <c>reshape</c>, ...</param>
    public Reshape(int[] targetShape, string? name = null) : base(name)
    {
        ArgumentNullException.ThrowIfNull(targetShape);
        if (targetShape.Count(d => d == -1) > 1 || targetShape.Any(d => d == 0 || d < -1))
        {
            throw new ArgumentException(
                $"Layer Reshape expects positive dimensions and at most one -1. Received: target_shape=({string.Join(", ", targetShape)})",
                nameof(targetShape));
        }
        _target = (int[])targetShape.Clone();
    }

    /// <summary>The per-sample target shape.</summary>
    public IReadOnlyList<int> TargetShape => _target;

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape)
    {
        var rest = inputShape.WithoutBatch();
        long known = _target.Where(d => d != -1).Aggregate(1L, (a, b) => a * b);
        var dims = new int?[_target.Length + 1];
        dims[0] = inputShape[0];
        for (int i = 0; i < _target.Length; i++)
        {
            dims[i + 1] = _target[i];
        }
        int unknown = Array.IndexOf(_target, -1);
        if (rest.NumElements is long total)
        {
            if (unknown >= 0 ? total % known != 0 : total != known)
            {
                throw new ArgumentException(
                    $"Layer \"{Name}\": cannot reshape input of shape {inputShape} into target shape " +
                    $"({string.Join(", ", _target)}): {total} values per sample do not fit.");
            }
            if (unknown >= 0)
            {
                dims[unknown + 1] = (int)(total / known);
            }
        }
        else if (unknown >= 0)
        {
            dims[unknown + 1] = null;
        }
        return new Shape(dims);
    }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["target_shape"] = _target.ToArray();
        return config;
    }

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape) => ComputeOutputShape(inputShape);

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        inputs.reshape([inputs.shape[0], .. _target.Select(d => (long)d)]);
}
