using Keras.Layers;

namespace Keras;

/// <summary>A model input, as Keras' <c>keras.Input(shape)</c>: a symbolic tensor made by an <see cref="InputLayer"/>.</summary>
/// <remarks>Start a <c>Sequential</c> with it, or call layers on it to build a functional model.</remarks>
/// <example><code>
/// var model = new Sequential(new Input([28, 28]), new Flatten(), new Dense(128, "relu"), new Dense(10));
///
/// var inputs = new Input([784], name: "pixels");
/// var outputs = new Dense(10, "softmax").Call(new Dense(64, "relu").Call(inputs));
/// var functional = new Functional(inputs, outputs);
/// </code></example>
public sealed class Input : KerasTensor
{
    /// <summary>Creates an input and its <see cref="InputLayer"/>.</summary>
    /// <param name="shape">The per-sample shape, without the batch dimension.</param>
    /// <param name="batchSize">A fixed batch size, if any. Defaults to unknown.</param>
    /// <param name="name">The input layer's name. Defaults to <c>input_layer</c>, ...</param>
    /// <param name="dtype">The input dtype. Defaults to <c>"float32"</c>.</param>
    public Input(Shape shape, int? batchSize = null, string? name = null, string dtype = "float32")
        : base(shape.WithBatch(batchSize), dtype, name ?? "")
    {
        Layer = new InputLayer(shape, batchSize, dtype, name, this);
        Name = Layer.Name;
    }

    /// <summary>The input layer behind this tensor.</summary>
    public new InputLayer Layer { get; }

    /// <summary>An input can stand wherever its layer is expected (e.g. first item of a <c>Sequential</c>).</summary>
    /// <param name="input">The input.</param>
    public static implicit operator Layer(Input input) => input.Layer;

}
