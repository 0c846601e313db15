namespace Keras.Regularizers;

/// <summary>Encourages the rows (or columns) of a 2-D weight to be orthogonal
/// (<c>keras.regularizers.OrthogonalRegularizer</c>, string <c>"orthogonal_regularizer"</c>).</summary>
/// <remarks>The vectors are L2-normalized (norms below 1e-7 are raised to 1e-7); the penalty is
/// <c>factor · 0.5 · Σ|⟨vᵢ, vⱼ⟩| / (n(n−1)/2)</c> over all ordered pairs <c>i ≠ j</c>, i.e. <c>factor</c> times the mean
/// absolute cosine between distinct vectors.</remarks>
/// <example><code>var dense = new Dense(4, kernelRegularizer: new OrthogonalRegularizer(factor: 0.01, mode: "rows"));</code></example>
public sealed class OrthogonalRegularizer : Regularizer
{
    /// <summary>Creates the regularizer.</summary>
    /// <param name="factor">The penalty factor, non-negative. Defaults to 0.01.</param>
    /// <param name="mode"><c>"rows"</c> or <c>"columns"</c>: which vectors should be orthogonal. Defaults to
    /// <c>"rows"</c>.</param>
    /// <exception cref="ArgumentException">The factor is negative or the mode is unknown.</exception>
    public OrthogonalRegularizer(double factor = 0.01, string mode = "rows")
    {
        Factor = ValidateFactor(factor, "factor");
        if (mode is not ("rows" or "columns"))
        {
            throw new ArgumentException(
                $"Invalid value for argument `mode`. Expected one of {{\"rows\", \"columns\"}}. Received: mode={mode}",
                nameof(mode));
        }
        Mode = mode;
    }

    /// <summary>The penalty factor.</summary>
    public double Factor { get; }

    /// <summary><c>"rows"</c> or <c>"columns"</c>.</summary>
    public string Mode { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="x"/> is not 2-D.</exception>
    public override Tensor Call(Tensor x)
    {
        if (x.dim() != 2)
        {
            throw new ArgumentException(
                $"Inputs to OrthogonalRegularizer must have rank 2. Received: inputs.shape={new Shape(x.shape)}",
                nameof(x));
        }
        int axis = Mode == "rows" ? 1 : 0;
        var vectors = Ops.Normalize(x, axis);
        var product = Mode == "rows" ? vectors.matmul(vectors.t()) : vectors.t().matmul(vectors);
        long size = product.shape[0];
        var offDiagonal = product * (1.0 - Ops.Eye(size, size, Ops.DTypeName(x.dtype)));
        double pairs = size * (size - 1.0) / 2.0;
        return offDiagonal.abs().sum() * (Factor * 0.5 / pairs);
    }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig() => new() { ["factor"] = Factor, ["mode"] = Mode };
}
