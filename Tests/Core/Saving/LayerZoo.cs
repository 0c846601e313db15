using Keras.Initializers;
using Keras.Layers;

namespace Keras.Tests.Core.Saving;

/// <summary>Every built-in layer with non-default arguments, unbuilt and built, for config round trips.</summary>
internal static class LayerZoo
{
    private static readonly Dictionary<string, Func<Layer>> Factories = new()
    {
        ["input"] = () => new InputLayer([28, 28], name: "zoo_input"),
        ["input_batch"] = () => new InputLayer([3], batchSize: 16, dtype: "int64", name: "zoo_tokens"),
        ["dense"] = () => new Dense(7, activation: "tanh", name: "zoo_dense"),
        ["dense_built"] = () => Built(new Dense(3, activation: "softmax", useBias: false,
            kernelInitializer: new RandomNormal(0.5, 0.1), biasInitializer: new Constant(0.25), name: "zoo_head",
            trainable: false), [null, 5]),
        ["dense_rank3"] = () => Built(new Dense(2, kernelInitializer: new VarianceScaling(2.0, "fan_out", "uniform"),
            name: "zoo_rank3"), [null, 4, 6]),
        ["activation"] = () => new Activation("sigmoid", name: "zoo_activation"),
        ["dropout"] = () => new Dropout(0.375, name: "zoo_dropout"),
        ["dropout_frozen"] = () => Built(new Dropout(0.5, name: "zoo_frozen") { Trainable = false }, [null, 4]),
        ["flatten"] = () => Built(new Flatten(name: "zoo_flatten"), [null, 2, 3]),
        ["reshape"] = () => new Reshape([7, -1, 2], name: "zoo_reshape"),
    };

    internal static IEnumerable<string> Names => Factories.Keys;

    internal static Layer Create(string name) => Factories[name]();

    private static Layer Built(Layer layer, Shape shape)
    {
        layer.Build(shape);
        return layer;
    }
}
