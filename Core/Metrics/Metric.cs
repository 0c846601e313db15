namespace Keras.Metrics;

/// <summary>The base of stateful metrics (<c>keras.metrics.Metric</c>): <see cref="UpdateState"/> accumulates,
/// <see cref="Result"/> reads, <see cref="ResetState"/> clears.</summary>
/// <remarks>State lives in detached tensors updated in place, so updating never waits for the device; only
/// <see cref="Result"/> reads a value back. Strings convert implicitly (<c>Metric m = "mae";</c>) and keep the
/// string as their name, as in Keras' <c>compile</c>; <c>"accuracy"</c> and <c>"acc"</c> become binary,
/// categorical or sparse categorical accuracy from the shapes of the first batch, as Keras does.</remarks>
/// <example><code>
/// var auc = new AUC();
/// auc.UpdateState(labels, probabilities);
/// double value = auc.Result();
/// </code></example>
public abstract class Metric : IDisposable
{
    private readonly List<Variable> _state = [];
    private bool _disposed;

    /// <summary>Creates a metric.</summary>
    /// <param name="name">The name used as log and History key.</param>
    /// <param name="dtype">The state dtype. Defaults to <c>"float32"</c>.</param>
    protected Metric(string name, string dtype = "float32")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Ops.DType(dtype);
        Name = name;
        DType = dtype;
    }

    /// <summary>The name used as log key (<c>accuracy</c>, <c>auc</c>).</summary>
    public string Name { get; internal set; }

    /// <summary>The state dtype.</summary>
    public string DType { get; }

    /// <summary>The string this metric was looked up by (<c>"accuracy"</c>), if any: <c>compile_config</c> records it
    /// as given.</summary>
    internal string? Identifier { get; set; }

    /// <summary>The state variables, in creation order.</summary>
    public virtual IReadOnlyList<Variable> Variables => _state;

    /// <summary>Accumulates a batch.</summary>
    /// <param name="yTrue">Targets.</param>
    /// <param name="yPred">Predictions.</param>
    /// <param name="sampleWeight">Optional per-sample weights.</param>
    public abstract void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null);

    /// <summary>The current value of the metric.</summary>
    /// <returns>The value.</returns>
    public abstract double Result();

    /// <summary>Clears the accumulated state (every state variable back to its initial value).</summary>
    public virtual void ResetState()
    {
        // zero_() hands back a new tensor handle; the scope frees it now rather than at the next GC.
        using var scope = Backend.KerasBackend.Current.MemoryScope();
        using var noGrad = Ops.NoGrad();
        foreach (var v in _state)
        {
            v.Value.zero_();
        }
    }

    /// <summary>The Keras config (<c>name</c>, <c>dtype</c> and constructor arguments).</summary>
    /// <returns>The config.</returns>
    public virtual Dictionary<string, object?> GetConfig() => new() { ["name"] = Name, ["dtype"] = DType };

    /// <summary>Creates a zero-initialised state variable.</summary>
    /// <param name="name">The state name (<c>total</c>, <c>count</c>).</param>
    /// <param name="shape">The shape. Use <c>[]</c> for a scalar.</param>
    /// <param name="dtype">The dtype; defaults to the metric's.</param>
    /// <returns>The variable.</returns>
    protected Variable AddState(string name, Shape shape, string? dtype = null)
    {
        using var scope = Backend.KerasBackend.Current.MemoryScope();
        var value = Ops.Zeros(shape.ToLongArray(), dtype ?? DType);
        var variable = new Variable(name, $"{Name}/{name}", value, trainable: false, dtype ?? DType);
        _state.Add(variable);
        return variable;
    }

    /// <summary>Looks up a metric by Keras name (<c>"mae"</c>, <c>"auc"</c>, <c>"accuracy"</c>); the metric is named
    /// by the string, as Keras' <c>compile</c> names it.</summary>
    /// <param name="name">The name.</param>
    public static implicit operator Metric(string name) => Get(name);

    /// <summary>Looks up a metric by Keras name, alias or class name; the metric's <see cref="Name"/> is
    /// <paramref name="name"/>.</summary>
    /// <param name="name">The name.</param>
    /// <returns>A new metric.</returns>
    /// <exception cref="ArgumentException">The name is unknown; the message lists the valid names.</exception>
    public static Metric Get(string name) => MetricCatalog.Create(name);

    /// <summary>Frees the state tensors.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the state tensors and anything else the metric owns.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }
        foreach (var v in _state)
        {
            v.Dispose();
        }
        _disposed = true;
    }

    /// <inheritdoc />
    public override string ToString() => $"<{GetType().Name} name={Name}>";
}
