using Keras.Layers;

namespace Keras;

/// <summary>Declares a model input, as Keras' <c>keras.Input(shape)</c>; the first item of a <c>Sequential</c>.</summary>
/// <example><code>
/// var model = new Sequential(new Input([28, 28]), new Flatten(), new Dense(128, "relu"), new Dense(10));
/// </code></example>
public sealed class Input
{
    /// <summary>Creates an input declaration and its <see cref="InputLayer"/>.</summary>
    /// <param name="shape">The per-sample shape, without the batch dimension.</param>
    /// <param name="batchSize">A fixed batch size, if any. Defaults to unknown.</param>
    /// <param name="name">The input layer's name. Defaults to <c>input_layer</c>, ...</param>
    /// <param name="dtype">The input dtype. Defaults to <c>"float32"</c>.</param>
    public Input(Shape shape, int? batchSize = null, string? name = null, string dtype = "float32")
    {
        Layer = new InputLayer(shape, batchSize, dtype, name);
    }

    /// <summary>The input layer behind this declaration.</summary>
    public InputLayer Layer { get; }

    /// <summary>The full shape including the batch dimension (<c>(None, 28, 28)</c>).</summary>
    public Shape Shape => Layer.BatchShape;

    /// <summary>The input dtype.</summary>
    public string DType => Layer.DType;

    /// <summary>The input's name.</summary>
    public string Name => Layer.Name;

    /// <summary>An input declaration can stand wherever its layer is expected.</summary>
    /// <param name="input">The input.</param>
    public static implicit operator Layer(Input input) => input.Layer;
}
