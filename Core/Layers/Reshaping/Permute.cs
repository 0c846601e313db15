namespace Keras.Layers;

/// <summary>Permutes the axes of each sample (<c>keras.layers.Permute</c>); the batch axis stays first.</summary>
/// <remarks><c>dims</c> counts from 1 (the first axis after the batch), as in Keras: <c>[2, 1]</c> swaps the two axes
/// of a rank-3 input.</remarks>
/// <example><code>
/// var layer = new Permute([2, 1]);
/// Tensor y = layer.Call(x);   // (batch, 10, 64) → (batch, 64, 10)
/// </code></example>
public sealed class Permute : Layer
{
    private readonly int[] _dims;

    /// <summary>Creates the layer.</summary>
    /// <param name="dims">The permutation of <c>1..n</c>, without the batch axis.</param>
    /// <param name="name">The layer name. Defaults to <c>permute</c>, <c>permute_1</c>, ...</param>
    public Permute(int[] dims, string? name = null) : base(name)
    {
        ArgumentNullException.ThrowIfNull(dims);
        if (!dims.Order().SequenceEqual(Enumerable.Range(1, dims.Length)))
        {
            throw new ArgumentException(
                "Invalid permutation argument `dims` for Permute Layer. The set of indices in `dims` must be " +
                $"consecutive and start from 1. Received dims={SpatialArguments.Format(dims)}", nameof(dims));
        }
        _dims = (int[])dims.Clone();
        InputSpec = new InputSpec(ndim: dims.Length + 1);
    }

    /// <summary>The permutation, 1-based, without the batch axis.</summary>
    public IReadOnlyList<int> Dims => _dims;

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) =>
        new([inputShape[0], .. _dims.Select(d => inputShape[d])]);

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["dims"] = _dims.ToArray();
        return config;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        inputs.permute([0, .. _dims.Select(d => (long)d)]);
}
