using System.Text.Json.Nodes;
using Keras.Saving;

namespace Keras.Tests.Core.Layers.Embedding;

using Keras.Layers;

public sealed class MaskingTests
{
    [Fact]
    public void Ctor_Defaults()
    {
        var layer = new Masking();
        Assert.Equal(0.0, layer.MaskValue);
        Assert.True(layer.SupportsMasking);
        Assert.Empty(layer.Weights);
    }

    [Fact]
    public void Call_ZeroesAndMasksTimestepsEqualToMaskValue()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new float[] { 2, 2, 1, 2, 2, 2, 0, 2 }).reshape(1, 4, 2);
        var y = new Masking(maskValue: 2.0).Call(x);
        Assert.Equal(new float[] { 0, 0, 1, 2, 0, 0, 0, 2 }, y.data<float>().ToArray());
        Assert.Equal(new[] { false, true, false, true }, KerasMask.Get(y)!.data<bool>().ToArray());
    }

    [Fact]
    public void ComputeOutputShape_MatchesCall() =>
        ShapeProperty.Check(random =>
        {
            int rank = random.Next(2, 5);
            long[] shape = Enumerable.Range(0, rank).Select(_ => (long)random.Next(1, 5)).ToArray();
            return (new Masking(random.Next(3) - 1.0), shape);
        });

    [Fact]
    public void Config_RoundTrips_AndReadsKeras3()
    {
        var layer = new Masking(-1.5, name: "pad");
        var json = KerasSerialization.SerializeLayer(layer);
        Assert.Equal(-1.5, json["config"]!["mask_value"]!.GetValue<double>());
        var restored = KerasSerialization.DeserializeLayer(json);
        Assert.Equal(json.ToJsonString(), KerasSerialization.SerializeLayer(restored).ToJsonString());
        var keras3 = JsonNode.Parse("""
            {"module": "keras.layers", "class_name": "Masking",
             "config": {"name": "masking", "trainable": true,
                        "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
                                  "registered_name": null},
                        "mask_value": 0.0},
             "registered_name": null}
            """)!;
        Assert.Equal(0.0, Assert.IsType<Masking>(KerasSerialization.DeserializeLayer(keras3)).MaskValue);
    }
}
