using Keras.Saving;

namespace Keras.Applications;

/// <summary>Registers ConvNeXt's own layers (<see cref="LayerScale"/>, <see cref="StochasticDepth"/>) with
/// <see cref="SerializationRegistry"/> under Keras' class names, so saved ConvNeXt models load back.</summary>
/// <remarks>Runs once, when either layer type is first used or <see cref="Register"/> is called.</remarks>
/// <example><code>
/// ConvNeXtLayers.Register();            // before loading a ConvNeXt model saved by Keras.Net
/// </code></example>
public static class ConvNeXtLayers
{
    private static readonly Lazy<bool> _registered = new(() =>
    {
        SerializationRegistry.Register<LayerScale>("LayerScale", config =>
        {
            var reader = new ConfigReader("LayerScale", config);
            return new LayerScale(reader.GetDouble("init_values"), reader.GetInt("projection_dim"), reader.Name)
            {
                Trainable = reader.Trainable,
            };
        });
        SerializationRegistry.Register<StochasticDepth>("StochasticDepth", config =>
        {
            var reader = new ConfigReader("StochasticDepth", config);
            return new StochasticDepth(reader.GetDouble("drop_path_rate"), reader.Name) { Trainable = reader.Trainable };
        });
        return true;
    });

    /// <summary>Registers the layers (idempotent).</summary>
    public static void Register() => _ = _registered.Value;
}
