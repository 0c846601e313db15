using Keras.Layers;

namespace Keras.Tests.FunctionalApi.Configs;

/// <summary>A subclassed model that is not registered for serialization.</summary>
public sealed class TwoLayerNet : Model
{
    private readonly Dense _hidden;
    private readonly Dense _output;

    public TwoLayerNet() : base("two_layer_net")
    {
        _hidden = TrackLayer(new Dense(4, activation: "relu"));
        _output = TrackLayer(new Dense(1));
    }

    protected override Tensor CallCore(Tensor inputs, bool training) =>
        _output.Call(_hidden.Call(inputs, training), training);
}
