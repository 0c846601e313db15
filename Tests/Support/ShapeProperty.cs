namespace Keras.Tests;

/// <summary>Property tests for shape inference: for random layers and inputs, <c>ComputeOutputShape</c> (symbolic)
/// equals the shape the layer actually produces.</summary>
internal static class ShapeProperty
{
    /// <summary>Draws <paramref name="trials"/> random (layer, input shape) pairs and checks each one.</summary>
    /// <param name="draw">Makes a fresh layer and a batch input shape (all dimensions known) from a generator.</param>
    /// <param name="trials">How many draws. Defaults to 25.</param>
    /// <param name="seed">The generator seed (fixed, so a failure is reproducible).</param>
    /// <param name="dtype">The input dtype; integer layers (Embedding) take <c>"int64"</c> inputs in [0, 4).</param>
    public static void Check(Func<Random, (Layer Layer, long[] InputShape)> draw, int trials = 25, int seed = 1234,
        string dtype = "float32")
    {
        var random = new Random(seed);
        for (int trial = 0; trial < trials; trial++)
        {
            using var scope = torch.NewDisposeScope();
            var (layer, shape) = draw(random);
            var x = dtype == "float32"
                ? torch.randn(shape)
                : torch.randint(0, 4, shape, torch.ScalarType.Int64);
            var symbolic = layer.ComputeOutputShape(new Shape(shape.Select(d => (int?)checked((int)d)).ToArray()));
            var actual = new Shape(layer.Call(x).shape);
            Assert.True(symbolic == actual,
                $"Trial {trial}: {layer.ClassName} on input {new Shape(shape)} (config " +
                $"{Keras.Saving.KerasSerialization.SerializeLayer(layer).ToJsonString()}): ComputeOutputShape gave " +
                $"{symbolic}, the call produced {actual}.");
            layer.Dispose();
        }
    }
}
