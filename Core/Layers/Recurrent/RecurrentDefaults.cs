using Keras.Initializers;

namespace Keras.Layers;

/// <summary>Defaults shared by the recurrent layers.</summary>
internal static class RecurrentDefaults
{
    /// <summary>Keras' default recurrent initializer, <c>"orthogonal"</c>.</summary>
    internal static Initializer Orthogonal() => new Orthogonal();
}
