using Keras.Layers;

namespace Keras.Onnx;

/// <summary>The regularization layers are identities at inference: SpatialDropout1D/2D/3D, GaussianNoise,
/// GaussianDropout, AlphaDropout, ActivityRegularization.</summary>
internal static class RegularizationExporters
{
    internal static void Register()
    {
        foreach (var type in new[]
        {
            typeof(BaseSpatialDropout), typeof(GaussianNoise), typeof(GaussianDropout), typeof(AlphaDropout),
            typeof(ActivityRegularization),
        })
        {
            OnnxExporters.Register(type, (_, _, inputs) => inputs);
        }
    }
}
