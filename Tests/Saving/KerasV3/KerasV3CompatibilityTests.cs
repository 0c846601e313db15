using Keras.Layers;

namespace Keras.Tests.Saving.KerasV3;

/// <summary>Weights files in the layouts of older writers (keras-formats.md §2.4.3, §2.7), made from ours with h5py,
/// load into the same model.</summary>
public sealed class KerasV3CompatibilityTests
{
    [Theory]
    [InlineData("keras213")]
    [InlineData("private")]
    [InlineData("nameless")]
    public void OlderLayouts_LoadEveryWeight(string mode)
    {
        using var files = new KerasV3Files();
        using var model = Build();
        using var twin = Build();
        KerasV3Files.Randomize(model);
        string path = files.PathOf($"{mode}.weights.h5");
        model.SaveWeights(path);
        KerasV3Files.RewriteLegacy(path, mode);

        var warnings = KerasV3Files.LoadWeights(twin, path, skipMismatch: false);

        Assert.Empty(warnings);
        Assert.Equal(model.Weights.Select(v => v.ToArray()), twin.Weights.Select(v => v.ToArray()));
    }

    private static Functional Build()
    {
        var x = new Input([3, 4]);
        var h = new MultiHeadAttention(2, 2).CallMany([x, x])[0];
        h = new LSTM(3).Call(h);
        return new Functional(x, new Dense(2).Call(h));
    }
}
