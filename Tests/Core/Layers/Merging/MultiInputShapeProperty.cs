namespace Keras.Tests.Core.Layers.Merging;

/// <summary><see cref="ShapeProperty"/> for layers with several inputs: for random layers and input shapes,
/// <c>ComputeOutputShapes</c> equals the shapes the layer produces on real tensors.</summary>
internal static class MultiInputShapeProperty
{
    /// <summary>Draws <paramref name="trials"/> (layer, input shapes) pairs and checks each one.</summary>
    /// <param name="draw">Makes a fresh layer and its batch input shapes (all dimensions known).</param>
    /// <param name="trials">How many draws. Defaults to 25.</param>
    /// <param name="seed">The generator seed.</param>
    public static void Check(Func<Random, (Layer Layer, long[][] InputShapes)> draw, int trials = 25, int seed = 4321)
    {
        var random = new Random(seed);
        for (int trial = 0; trial < trials; trial++)
        {
            using var scope = torch.NewDisposeScope();
            var (layer, shapes) = draw(random);
            var inputs = shapes.Select(s => torch.randn(s)).ToList();
            var symbolic = layer.ComputeOutputShapes(shapes.Select(s => new Shape(s)).ToList());
            var actual = layer.Call(inputs).Select(t => new Shape(t.shape)).ToList();
            Assert.True(symbolic.SequenceEqual(actual),
                $"Trial {trial}: {layer.ClassName} on inputs [{string.Join(", ", shapes.Select(s => new Shape(s)))}] " +
                $"(config {Keras.Saving.KerasSerialization.SerializeLayer(layer)["config"]!.ToJsonString()}): " +
                $"ComputeOutputShapes gave [{string.Join(", ", symbolic)}], the call produced " +
                $"[{string.Join(", ", actual)}].");
            layer.Dispose();
        }
    }
}
