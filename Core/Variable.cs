using static TorchSharp.torch;

namespace Keras;

/// <summary>A weight owned by a layer or optimizer: one tensor, detached from every dispose scope, updated in place.</summary>
/// <remarks>Reading <see cref="Value"/> gives the live tensor (do not dispose it); <see cref="ToArray"/> and
/// <see cref="Numpy"/> give copies.</remarks>
/// <example><code>
/// Variable kernel = dense.Kernel;
/// Console.WriteLine($"{kernel.Path} {kernel.Shape}");   // dense/kernel (784, 128)
/// </code></example>
public sealed class Variable : IDisposable
{
    private Tensor _value;
    private bool _trainable;

    internal Variable(string name, string path, Tensor initialValue, bool trainable, string dtype)
    {
        Name = name;
        Path = path;
        DType = dtype;
        _trainable = trainable;
        _value = initialValue.detach().DetachFromDisposeScope();
        _value.requires_grad_(trainable);
        Shape = new Shape(_value.shape);
    }

    /// <summary>The weight's name within its layer (<c>kernel</c>).</summary>
    public string Name { get; }

    /// <summary>The weight's path (<c>dense/kernel</c>).</summary>
    public string Path { get; internal set; }

    /// <summary>The weight's shape in Keras layout.</summary>
    public Shape Shape { get; }

    /// <summary>The Keras dtype name (<c>float32</c>).</summary>
    public string DType { get; }

    /// <summary>Whether gradients update this weight. A frozen layer's weights are not trainable.</summary>
    public bool Trainable
    {
        get => _trainable;
        internal set
        {
            _trainable = value;
            _value.requires_grad_(value);
        }
    }

    /// <summary>Whether the owner declared the weight trainable (frozen layers override it).</summary>
    internal bool DeclaredTrainable { get; init; } = true;

    /// <summary>The live tensor. Owned by the variable: never dispose it.</summary>
    /// <remarks>Writing into it in place bypasses <see cref="Version"/>; use <see cref="Assign(Tensor)"/> so cached
    /// inference sessions (<c>Predict(backend: "onnxruntime")</c>) see the change.</remarks>
    public Tensor Value => _value;

    /// <summary>A stamp that grows whenever the value is written through Keras.Net: <see cref="Assign(Tensor)"/>,
    /// <c>SetWeights</c>, weight loading, optimizer updates and moving-statistics updates.</summary>
    /// <remarks>Stamps come from one process-wide clock, so a later write always has a larger stamp than any earlier
    /// write to any variable.</remarks>
    public long Version { get; private set; } = Backend.StateClock.Next();

    /// <summary>An optional regularizer whose penalty is added to the loss.</summary>
    public Keras.Regularizers.Regularizer? Regularizer { get; init; }

    /// <summary>An optional constraint applied after each optimizer update.</summary>
    public Keras.Constraints.Constraint? Constraint { get; init; }

    /// <summary>The gradient from the last backward pass, if any (owned by the variable).</summary>
    internal Tensor? Grad => _value.grad;

    /// <summary>Copies <paramref name="value"/> into the variable in place (shape must match).</summary>
    /// <param name="value">The new value.</param>
    public void Assign(Tensor value)
    {
        var incoming = new Shape(value.shape);
        if (incoming != Shape)
        {
            throw new ArgumentException(
                $"Cannot assign a value of shape {incoming} to variable \"{Path}\" of shape {Shape}.", nameof(value));
        }
        using (torch.no_grad())
        {
            _value.copy_(value);
        }
        MarkWritten();
    }

    /// <summary>Records that the value was written in place (optimizers, moving statistics).</summary>
    internal void MarkWritten() => Version = Backend.StateClock.Next();

    /// <summary>Copies a flat float array (row-major, Keras layout) into the variable.</summary>
    /// <param name="values">The values.</param>
    public void Assign(float[] values)
    {
        if (values.LongLength != Shape.NumElements)
        {
            throw new ArgumentException(
                $"Cannot assign {values.Length} values to variable \"{Path}\" of shape {Shape} " +
                $"({Shape.NumElements} values).", nameof(values));
        }
        using var scope = torch.NewDisposeScope();
        Assign(torch.tensor(values).reshape(Shape.ToLongArray()));
    }

    /// <summary>A fresh CPU copy of the value, owned by the caller.</summary>
    /// <returns>The copy.</returns>
    public Tensor Numpy() => _value.detach().cpu().clone();

    /// <summary>The values as a flat float array (row-major, Keras layout).</summary>
    /// <returns>The values.</returns>
    public float[] ToArray()
    {
        using var scope = torch.NewDisposeScope();
        return _value.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
    }

    /// <summary>Replaces the tensor (used when moving between devices); the old one is disposed.</summary>
    internal void Replace(Tensor value)
    {
        var old = _value;
        _value = value.detach().DetachFromDisposeScope();
        _value.requires_grad_(_trainable);
        old.Dispose();
        MarkWritten();
    }

    /// <summary>Frees the native tensor.</summary>
    public void Dispose() => _value.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"<Variable path={Path}, shape={Shape}, dtype={DType}>";
}
