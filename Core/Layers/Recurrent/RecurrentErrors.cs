namespace Keras.Layers;

/// <summary>Keras' error messages of the recurrent layers.</summary>
internal static class RecurrentErrors
{
    public static ArgumentException UndefinedFeatures(string name, Shape inputShape) => new(
        $"The last dimension of the inputs to layer \"{name}\" should be defined. Found None. " +
        $"Full input shape received: input_shape={inputShape}");

    public static ArgumentException NeedsList(string name, string what) => new(
        $"Layer \"{name}\" returns {what}; call it on a list with `layer.Call([x])` (or `CallMany` on symbolic " +
        "tensors) to receive every output.");
}
