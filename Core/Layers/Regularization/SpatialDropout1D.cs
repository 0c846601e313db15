namespace Keras.Layers;

/// <summary>Dropout of whole 1-D feature maps: drops channels of <c>(batch, steps, channels)</c> inputs across every
/// step (<c>keras.layers.SpatialDropout1D</c>).</summary>
/// <remarks>See <see cref="BaseSpatialDropout"/>. Useful after 1-D convolutions, whose adjacent steps are correlated
/// so that element-wise dropout barely regularizes.</remarks>
/// <example><code>var layer = new SpatialDropout1D(0.3);   // (batch, steps, channels)</code></example>
public sealed class SpatialDropout1D : BaseSpatialDropout
{
    /// <summary>Creates the layer.</summary>
    /// <param name="rate">The fraction of channels to drop, in [0, 1].</param>
    /// <param name="name">The layer name. Defaults to <c>spatial_dropout1d</c>, ...</param>
    /// <exception cref="ArgumentException"><paramref name="rate"/> is outside [0, 1].</exception>
    public SpatialDropout1D(double rate, string? name = null) : base(rate, 3, name)
    {
    }
}
