using Keras.Layers;

namespace Keras.Tests.FunctionalApi.Configs;

public class CloneModelTests
{
    [Fact]
    public void CloneModel_Functional_SameStructureFreshWeightsAndItTrains()
    {
        using var model = ConfigTestModels.SharedDense();
        using var clone = Assert.IsType<Functional>(Models.CloneModel(model));
        Assert.Equal(model.ToJson(), clone.ToJson());
        Assert.Equal(ConfigTestModels.Signature(model), ConfigTestModels.Signature(clone));
        Assert.Empty(clone.Layers.Intersect(model.Layers));
        Assert.Equal(2, clone.GetLayer("shared").InboundNodes.Count);

        var before = model.GetWeights();
        var fresh = clone.GetWeights();
        Assert.Equal(before.Select(w => w.shape), fresh.Select(w => w.shape));
        Assert.False(before[0].allclose(fresh[0]), "the clone's first kernel should be freshly initialized");

        var random = new Random(3);
        var xa = new float[64, 8];
        var xb = new float[64, 8];
        var ya = new long[64];
        var yb = new float[64, 1];
        for (int i = 0; i < 64; i++)
        {
            ya[i] = i % 3;
            yb[i, 0] = i % 2;
            for (int j = 0; j < 8; j++)
            {
                xa[i, j] = (float)random.NextDouble() + (j % 3 == ya[i] ? 1f : 0f);
                xb[i, j] = (float)random.NextDouble() + (j % 2 == (int)yb[i, 0] ? 1f : 0f);
            }
        }
        clone.Compile("adam", loss: ["sparse_categorical_crossentropy", "binary_crossentropy"]);
        var history = clone.Fit([xa, xb], [ya, yb], batchSize: 16, epochs: 40, verbose: 0);
        var losses = history["loss"];
        Assert.True(losses[^1] < losses[0] * 0.8, $"loss should fall: {losses[0]} -> {losses[^1]}");
        var after = model.GetWeights();
        Assert.All(before.Zip(after), p => Assert.True(p.First.eq(p.Second).all().item<bool>()));
    }

    [Fact]
    public void CloneModel_Sequential_SameStructureFreshWeights()
    {
        using var model = new Sequential(new Input([5], name: "seq_in"), new Dense(4, activation: "relu", name: "h"),
            new Dense(1, name: "o"));
        using var clone = Assert.IsType<Sequential>(Models.CloneModel(model));
        Assert.Equal(model.ToJson(), clone.ToJson());
        Assert.NotSame(model.Layers[0], clone.Layers[0]);
        Assert.False(((Dense)model.Layers[0]).Kernel!.Value.allclose(((Dense)clone.Layers[0]).Kernel!.Value));
    }

    [Fact]
    public void CloneModel_NestedAndSharedModels_StayShared()
    {
        using var model = ConfigTestModels.Nested();
        using var clone = Assert.IsType<Functional>(Models.CloneModel(model));
        Assert.Equal(ConfigTestModels.Signature(model), ConfigTestModels.Signature(clone));
        var inner = Assert.IsType<Functional>(clone.GetLayer("inner"));
        Assert.NotSame(model.GetLayer("inner"), inner);
        Assert.Equal(2, inner.InboundNodes.Count);
    }

    [Fact]
    public void CloneModel_UnregisteredSubclassedModel_SaysHowToRegister()
    {
        using var model = new TwoLayerNet();
        var error = Assert.Throws<KeyNotFoundException>(() => Models.CloneModel(model));
        Assert.Contains("'TwoLayerNet'", error.Message);
        Assert.Contains("SerializationRegistry.Register<TwoLayerNet>", error.Message);
    }
}
