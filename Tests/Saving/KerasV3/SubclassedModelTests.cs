using Keras.Layers;

namespace Keras.Tests.Saving.KerasV3;

/// <summary>A subclassed (unregistered) model: its weights use Keras' <c>layers/&lt;class&gt;</c> paths; a
/// <c>.keras</c> archive, which could not be loaded back, is refused.</summary>
public sealed class SubclassedModelTests
{
    private sealed class TwoDense : Model
    {
        private readonly Layer _hidden;
        private readonly Layer _out;

        public TwoDense() : base("two_dense")
        {
            _hidden = TrackLayer(new Dense(4, activation: "relu", name: "hidden"));
            _out = TrackLayer(new Dense(2, name: "out"));
        }

        protected override Tensor CallCore(Tensor inputs, bool training) =>
            _out.Call(_hidden.Call(inputs, training), training);
    }

    [Fact]
    public void WeightsFile_UsesContainerSlots_AndRoundTrips()
    {
        using var files = new KerasV3Files();
        using var model = new TwoDense();
        model.Build([null, 3]);
        KerasV3Files.Randomize(model);
        string path = files.PathOf("sub.weights.h5");
        model.SaveWeights(path);
        Assert.Equal(
        [
            "group /layers/dense/vars name=hidden n=2",
            "group /layers/dense_1/vars name=out n=2",
            "group /vars name=two_dense n=0",
        ], KerasV3Files.PythonLayout(path).Where(l => l.StartsWith("group ")).Order(StringComparer.Ordinal));

        using var twin = new TwoDense();
        twin.Build([null, 3]);
        twin.LoadWeights(path);
        Assert.Equal(model.Weights.Select(v => v.ToArray()), twin.Weights.Select(v => v.ToArray()));
    }

    [Fact]
    public void KerasArchive_IsRefusedForAnUnregisteredSubclass()
    {
        using var files = new KerasV3Files();
        using var model = new TwoDense();
        model.Build([null, 3]);
        var error = Assert.Throws<NotSupportedException>(() => model.Save(files.PathOf("sub.keras")));
        Assert.Contains("TwoDense", error.Message);
        Assert.Empty(files.Files());
    }
}
