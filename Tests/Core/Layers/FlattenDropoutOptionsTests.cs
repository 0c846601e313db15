using System.Text.Json.Nodes;
using Keras.Layers;
using Keras.Saving;

namespace Keras.Tests.Core.Layers;

/// <summary>Flatten's data_format and Dropout's noise_shape, with their configs.</summary>
public sealed class FlattenDropoutOptionsTests
{
    [Fact]
    public void Flatten_ChannelsFirst_OrdersFeaturesAsChannelsLast()
    {
        using var scope = torch.NewDisposeScope();
        var nchw = torch.arange(2 * 3 * 2 * 2, dtype: torch.ScalarType.Float32).reshape(2, 3, 2, 2);
        var first = new Flatten(dataFormat: "channels_first").Call(nchw);
        var last = new Flatten().Call(nchw.permute(0, 2, 3, 1));
        Assert.True(first.eq(last).all().item<bool>());
        Assert.Equal(new long[] { 2, 12 }, first.shape);
    }

    [Fact]
    public void Flatten_RejectsAnUnknownDataFormat()
    {
        var error = Assert.Throws<ArgumentException>(() => new Flatten(dataFormat: "channels_middle"));
        Assert.Equal("dataFormat", error.ParamName);
    }

    [Fact]
    public void Flatten_ConfigRoundTripsTheDataFormat()
    {
        var layer = KerasSerialization.DeserializeLayer(JsonNode.Parse(
            """{"class_name": "Flatten", "config": {"name": "f", "data_format": "channels_first"}}""")!);
        Assert.Equal("channels_first", Assert.IsType<Flatten>(layer).DataFormat);
        Assert.Contains("\"data_format\":\"channels_first\"", KerasSerialization.SerializeLayer(layer).ToJsonString());
    }

    [Fact]
    public void Dropout_NoiseShape_DropsWholeFeatureColumnsAcrossTimesteps()
    {
        using var scope = torch.NewDisposeScope();
        var layer = new Dropout(0.5, noiseShape: [null, 1, null]);
        var y = layer.Call(torch.ones(4, 6, 8), training: true);
        // One draw per (sample, feature): every timestep of a column is kept (×2) or dropped alike.
        Assert.True(y.eq(y[.., 0..1, ..]).all().item<bool>());
        var values = y.unique().Item1.data<float>().ToArray();
        Assert.All(values, v => Assert.Contains(v, new[] { 0f, 2f }));
        Assert.True(layer.Call(torch.ones(4, 6, 8), training: false).eq(1).all().item<bool>());
    }

    [Fact]
    public void Dropout_NoiseShapeOfTheWrongRank_NamesTheLayer()
    {
        using var scope = torch.NewDisposeScope();
        var layer = new Dropout(0.5, name: "drop", noiseShape: [null, 1]);
        var error = Assert.Throws<ArgumentException>(() => layer.Call(torch.ones(4, 6, 8), training: true));
        Assert.Contains("\"drop\"", error.Message);
    }

    [Fact]
    public void Dropout_ConfigRoundTripsTheNoiseShape()
    {
        var layer = KerasSerialization.DeserializeLayer(JsonNode.Parse(
            """{"class_name": "Dropout", "config": {"name": "d", "rate": 0.3, "noise_shape": [null, 1, 5], "seed": null}}""")!);
        Assert.Equal(new int?[] { null, 1, 5 }, Assert.IsType<Dropout>(layer).NoiseShape);
        Assert.Contains("\"noise_shape\":[null,1,5]", KerasSerialization.SerializeLayer(layer).ToJsonString());
    }
}
