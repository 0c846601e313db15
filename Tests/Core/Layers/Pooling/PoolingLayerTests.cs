using System.Text.Json.Nodes;
using Keras.Layers;
using Keras.Saving;

namespace Keras.Tests.Core.Layers.Pooling;

/// <summary>Pooling layers: defaults, shape inference (property tests), configs, masks and errors. Numerics are in
/// <see cref="PoolingReshapingGoldenTests"/>.</summary>
public sealed class PoolingLayerTests
{
    [Fact]
    public void Ctor_Defaults_AreKeras()
    {
        var max1 = new MaxPooling1D();
        Assert.Equal([2], max1.PoolSize);
        Assert.Equal([2], max1.Strides);
        Assert.Equal("valid", max1.Padding);
        Assert.Equal("channels_last", max1.DataFormat);
        var max2 = new MaxPooling2D();
        Assert.Equal([2, 2], max2.PoolSize);
        Assert.Equal([2, 2], max2.Strides);
        Assert.Equal([2, 2, 2], new MaxPooling3D().PoolSize);
        var avg = new AveragePooling2D(3);
        Assert.Equal([3, 3], avg.PoolSize);
        Assert.Equal([3, 3], avg.Strides);
        Assert.Equal("valid", avg.Padding);
        Assert.Equal([1, 2], new AveragePooling2D((4, 3), strides: (1, 2)).Strides);
        Assert.Equal([5], new AveragePooling1D(5, strides: 1).PoolSize);
        var global = new GlobalAveragePooling2D();
        Assert.Equal("channels_last", global.DataFormat);
        Assert.False(global.Keepdims);
        Assert.True(new GlobalAveragePooling1D().SupportsMasking);
        Assert.False(new GlobalMaxPooling1D().SupportsMasking);
        Assert.False(new MaxPooling1D().SupportsMasking);
    }

    [Fact]
    public void Names_AreKerasSnakeCase()
    {
        Assert.StartsWith("max_pooling2d", new MaxPooling2D().Name);
        Assert.StartsWith("average_pooling3d", new AveragePooling3D(2).Name);
        Assert.StartsWith("global_average_pooling1d", new GlobalAveragePooling1D().Name);
    }

    [Fact]
    public void ComputeOutputShape_FollowsTensorFlowRules_AndKeepsUnknownDimensions()
    {
        // valid: floor((n - k) / s) + 1; same: ceil(n / s).
        Assert.Equal(new Shape(null, 3, 8), new MaxPooling1D(2).ComputeOutputShape([null, 7, 8]));
        Assert.Equal(new Shape(null, 4, 8), new MaxPooling1D(2, padding: "same").ComputeOutputShape([null, 7, 8]));
        Assert.Equal(new Shape(4, 3, null, 5),
            new AveragePooling2D(3, strides: 2).ComputeOutputShape([4, 7, null, 5]));
        Assert.Equal(new Shape(null, 5, 3, 3),
            new MaxPooling2D((2, 3), strides: (1, 2), padding: "same", dataFormat: "channels_first")
                .ComputeOutputShape([null, 5, 3, 5]));
        Assert.Equal(new Shape(null, 2, 1, 3, 1),
            new MaxPooling3D((2, 3, 1), padding: "valid").ComputeOutputShape([null, 4, 3, 3, 1]));
        Assert.Equal(new Shape(null, 6), new GlobalMaxPooling2D().ComputeOutputShape([null, 3, 3, 6]));
        Assert.Equal(new Shape(null, 1, 1, 6),
            new GlobalMaxPooling2D(keepdims: true).ComputeOutputShape([null, 3, 3, 6]));
        Assert.Equal(new Shape(null, 6, 1, 1, 1),
            new GlobalAveragePooling3D("channels_first", true).ComputeOutputShape([null, 6, 2, null, 2]));
    }

    [Fact]
    public void Pooling_ShapeProperty()
    {
        ShapeProperty.Check(random =>
        {
            int rank = random.Next(1, 4);
            var pool = Enumerable.Range(0, rank).Select(_ => random.Next(1, 4)).ToArray();
            var strides = Enumerable.Range(0, rank).Select(_ => random.Next(1, 4)).ToArray();
            string padding = random.Next(2) == 0 ? "valid" : "same";
            string format = random.Next(2) == 0 ? "channels_last" : "channels_first";
            bool max = random.Next(2) == 0;
            var spatial = pool.Select(p => (long)(p + random.Next(0, 5))).ToArray();
            long channels = random.Next(1, 4);
            long[] shape = format == "channels_last" ? [2, .. spatial, channels] : [2, channels, .. spatial];
            return (Pool(max, pool, strides, padding, format), shape);
        }, trials: 40);
    }

    [Fact]
    public void GlobalPooling_ShapeProperty()
    {
        ShapeProperty.Check(random =>
        {
            int rank = random.Next(1, 4);
            string format = random.Next(2) == 0 ? "channels_last" : "channels_first";
            bool keepdims = random.Next(2) == 0;
            Layer layer = (random.Next(2) == 0, rank) switch
            {
                (true, 1) => new GlobalMaxPooling1D(format, keepdims),
                (true, 2) => new GlobalMaxPooling2D(format, keepdims),
                (true, _) => new GlobalMaxPooling3D(format, keepdims),
                (false, 1) => new GlobalAveragePooling1D(format, keepdims),
                (false, 2) => new GlobalAveragePooling2D(format, keepdims),
                (false, _) => new GlobalAveragePooling3D(format, keepdims),
            };
            var shape = Enumerable.Range(0, rank + 2).Select(_ => (long)random.Next(1, 5)).ToArray();
            return (layer, shape);
        });
    }

    [Fact]
    public void MaxPooling_Same_NeverPicksThePadding()
    {
        // All-negative input: a zero-padded max would return 0 at the edge windows.
        using var x = -torch.arange(1, 6, dtype: torch.float32).reshape(1, 5, 1);
        using var y = new MaxPooling1D(2, padding: "same").Call(x);
        Assert.Equal(new float[] { -1, -3, -5 }, y.data<float>().ToArray());
    }

    [Fact]
    public void AveragePooling_Same_CountsOnlyRealCells()
    {
        // n = 5, k = 4, s = 1: TF pads (1, 2); the first window holds x0..x2, the last x3..x4.
        using var x = torch.tensor(new float[] { 1, 2, 3, 4, 5 }).reshape(1, 5, 1);
        using var y = new AveragePooling1D(4, strides: 1, padding: "same").Call(x);
        Assert.Equal(new float[] { 2, 2.5f, 3.5f, 4, 4.5f }, y.data<float>().ToArray());
    }

    [Fact]
    public void GlobalAveragePooling1D_Mask_AveragesUnmaskedSteps_AndOutputCarriesNoMask()
    {
        using var x = torch.tensor(new float[] { 1, 10, 2, 20, 3, 30, 4, 40 }).reshape(2, 2, 2);
        using var mask = torch.tensor(new[] { true, false, true, true });
        var keep = mask.reshape(2, 2);
        KerasMask.Set(x, keep);
        using var y = new GlobalAveragePooling1D().Call(x);
        Assert.Equal(new float[] { 1, 10, 3.5f, 35 }, y.data<float>().ToArray());
        Assert.Null(KerasMask.Get(y));
        using var unmasked = new GlobalAveragePooling1D().Call(x, mask: null);
        Assert.Equal(new float[] { 1, 10, 3.5f, 35 }, unmasked.data<float>().ToArray());
        using var plain = torch.tensor(new float[] { 1, 10, 2, 20, 3, 30, 4, 40 }).reshape(2, 2, 2);
        using var mean = new GlobalAveragePooling1D().Call(plain);
        Assert.Equal(new float[] { 1.5f, 15, 3.5f, 35 }, mean.data<float>().ToArray());
    }

    [Fact]
    public void GlobalMaxPooling1D_And_MaxPooling1D_IgnoreAndDropTheMask()
    {
        using var x = torch.tensor(new float[] { 1, 5, 2, 3 }).reshape(1, 4, 1);
        using var mask = torch.tensor(new[] { true, false, true, true }).reshape(1, 4);
        using var y = new GlobalMaxPooling1D().Call(x, mask: mask);
        Assert.Equal(5f, y.item<float>());
        Assert.Null(KerasMask.Get(y));
        using var pooled = new MaxPooling1D().Call(x, mask: mask);
        Assert.Null(KerasMask.Get(pooled));
    }

    [Fact]
    public void ChannelsFirst_EqualsChannelsLastOnTransposedInput()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.randn(2, 7, 6, 3);
        var last = new AveragePooling2D((3, 2), strides: (2, 2), padding: "same").Call(x);
        var first = new AveragePooling2D((3, 2), strides: (2, 2), padding: "same", dataFormat: "channels_first")
            .Call(x.permute(0, 3, 1, 2));
        Assert.True(last.allclose(first.permute(0, 2, 3, 1), rtol: 1e-6, atol: 1e-6));
    }

    [Fact]
    public void Errors_NameTheArgument()
    {
        var e = Assert.Throws<ArgumentException>(() => new MaxPooling2D((0, 2)));
        Assert.Contains("`pool_size`", e.Message);
        Assert.Contains("(0, 2)", e.Message);
        e = Assert.Throws<ArgumentException>(() => new MaxPooling1D(2, strides: 0));
        Assert.Contains("`strides`", e.Message);
        e = Assert.Throws<ArgumentException>(() => new AveragePooling3D(2, padding: "full"));
        Assert.Contains("`padding`", e.Message);
        Assert.Contains("full", e.Message);
        e = Assert.Throws<ArgumentException>(() => new GlobalMaxPooling2D("nhwc"));
        Assert.Contains("`data_format`", e.Message);
        e = Assert.Throws<ArgumentException>(() => new MaxPooling2D(4, name: "mp").ComputeOutputShape([null, 3, 8, 1]));
        Assert.Contains("\"mp\"", e.Message);
        Assert.Contains("negative", e.Message);
    }

    [Fact]
    public void Call_WrongRankOrTooSmallInput_ThrowsKerasError()
    {
        using var x = torch.zeros(2, 8, 3);
        var e = Assert.Throws<ArgumentException>(() => new MaxPooling2D(name: "pool").Call(x));
        Assert.Contains("Input 0 of layer \"pool\" is incompatible with the layer: expected ndim=4, found ndim=3",
            e.Message);
        var layer = new MaxPooling1D(3);
        using var ok = layer.Call(torch.zeros(2, 8, 3));
        using var small = torch.zeros(2, 2, 3);
        Assert.Throws<ArgumentException>(() => layer.Call(small));
    }

    public static TheoryData<string> Layers => new(RoundTripLayers.Keys);

    private static readonly Dictionary<string, Func<Layer>> RoundTripLayers = new()
    {
        ["max1d"] = () => new MaxPooling1D(3, strides: 2, padding: "same", dataFormat: "channels_first", name: "a"),
        ["max2d"] = () => new MaxPooling2D((2, 3), strides: (1, 2), padding: "same", name: "b"),
        ["max3d"] = () => new MaxPooling3D(2, name: "c"),
        ["avg1d"] = () => new AveragePooling1D(4, name: "d"),
        ["avg2d"] = () => new AveragePooling2D(3, strides: 1, dataFormat: "channels_first", name: "e"),
        ["avg3d"] = () => new AveragePooling3D((1, 2, 3), padding: "same", name: "f"),
        ["gmax1d"] = () => new GlobalMaxPooling1D("channels_first", true, name: "g"),
        ["gmax2d"] = () => new GlobalMaxPooling2D(name: "h"),
        ["gmax3d"] = () => new GlobalMaxPooling3D(keepdims: true, name: "i"),
        ["gavg1d"] = () => new GlobalAveragePooling1D(keepdims: true, name: "j"),
        ["gavg2d"] = () => new GlobalAveragePooling2D("channels_first", name: "k"),
        ["gavg3d"] = () => new GlobalAveragePooling3D(name: "l") { Trainable = false },
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public void Config_RoundTrips(string key)
    {
        var layer = RoundTripLayers[key]();
        string json = KerasSerialization.SerializeLayer(layer).ToJsonString();
        var restored = KerasSerialization.DeserializeLayer(JsonNode.Parse(json)!);
        Assert.IsType(layer.GetType(), restored);
        Assert.Equal(json, KerasSerialization.SerializeLayer(restored).ToJsonString());
    }

    [Fact]
    public void Config_WritesKeras3Keys()
    {
        // Keras 3: BasePooling.get_config and BaseGlobalPooling.get_config (keys in the order Keras writes them).
        Assert.Equal(Normalize(
            """
            {"module": "keras.layers", "class_name": "MaxPooling2D",
             "config": {"name": "pool", "trainable": true,
                        "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
                                  "registered_name": null},
                        "pool_size": [2, 2], "padding": "valid", "strides": [2, 2], "data_format": "channels_last"},
             "registered_name": null}
            """), KerasSerialization.SerializeLayer(new MaxPooling2D(name: "pool")).ToJsonString());
        var config = new GlobalAveragePooling1D(name: "gap").GetConfig();
        Assert.Equal(["name", "trainable", "dtype", "data_format", "keepdims"], config.Keys);
    }

    [Fact]
    public void Config_ReadsKeras3AndKeras2Json()
    {
        var k3 = (AveragePooling2D)KerasSerialization.DeserializeLayer(JsonNode.Parse(
            """
            {"module": "keras.layers", "class_name": "AveragePooling2D",
             "config": {"name": "average_pooling2d", "trainable": true,
                        "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
                                  "registered_name": null},
                        "pool_size": [3, 3], "padding": "same", "strides": [2, 2], "data_format": "channels_last"},
             "registered_name": null, "build_config": {"input_shape": [null, 28, 28, 3]}}
            """)!);
        Assert.Equal([3, 3], k3.PoolSize);
        Assert.Equal([2, 2], k3.Strides);
        Assert.Equal("same", k3.Padding);
        var k2 = (MaxPooling1D)KerasSerialization.DeserializeLayer(JsonNode.Parse(
            """
            {"class_name": "MaxPooling1D",
             "config": {"name": "max_pooling1d", "trainable": true, "dtype": "float32", "strides": [2],
                        "pool_size": [2], "padding": "valid", "data_format": "channels_last"}}
            """)!);
        Assert.Equal([2], k2.PoolSize);
        var gap = (GlobalAveragePooling2D)KerasSerialization.DeserializeLayer(JsonNode.Parse(
            """{"class_name": "GlobalAveragePooling2D", "config": {"name": "gap", "data_format": null}}""")!);
        Assert.Equal("channels_last", gap.DataFormat);
        Assert.False(gap.Keepdims);
    }

    [Theory]
    [InlineData("MaxPool1D", typeof(MaxPooling1D))]
    [InlineData("MaxPool2D", typeof(MaxPooling2D))]
    [InlineData("MaxPool3D", typeof(MaxPooling3D))]
    [InlineData("AvgPool1D", typeof(AveragePooling1D))]
    [InlineData("AvgPool2D", typeof(AveragePooling2D))]
    [InlineData("AvgPool3D", typeof(AveragePooling3D))]
    [InlineData("GlobalMaxPool1D", typeof(GlobalMaxPooling1D))]
    [InlineData("GlobalMaxPool2D", typeof(GlobalMaxPooling2D))]
    [InlineData("GlobalMaxPool3D", typeof(GlobalMaxPooling3D))]
    [InlineData("GlobalAvgPool1D", typeof(GlobalAveragePooling1D))]
    [InlineData("GlobalAvgPool2D", typeof(GlobalAveragePooling2D))]
    [InlineData("GlobalAvgPool3D", typeof(GlobalAveragePooling3D))]
    public void Config_Aliases_ResolveToTheKerasClass(string alias, Type type)
    {
        var layer = KerasSerialization.DeserializeLayer(JsonNode.Parse(
            $$$"""{"class_name": "{{{alias}}}", "config": {"pool_size": 2}}""")!);
        Assert.IsType(type, layer);
        Assert.Equal(type.Name, KerasSerialization.SerializeLayer(layer)["class_name"]!.GetValue<string>());
    }

    [Fact]
    public void Config_BadValues_FailWithTheKey()
    {
        var e = Assert.Throws<ArgumentException>(() => KerasSerialization.DeserializeLayer(JsonNode.Parse(
            """{"class_name": "MaxPooling2D", "config": {"name": "p", "pool_size": [2, 2, 2]}}""")!));
        Assert.Contains("pool_size", e.Message);
        Assert.Contains("MaxPooling2D \"p\"", e.Message);
    }

    private static Layer Pool(bool max, int[] pool, int[] strides, string padding, string format) =>
        (max, pool.Length) switch
        {
            (true, 1) => new MaxPooling1D(pool[0], strides[0], padding, format),
            (true, 2) => new MaxPooling2D((pool[0], pool[1]), (strides[0], strides[1]), padding, format),
            (true, _) => new MaxPooling3D((pool[0], pool[1], pool[2]), (strides[0], strides[1], strides[2]), padding,
                format),
            (false, 1) => new AveragePooling1D(pool[0], strides[0], padding, format),
            (false, 2) => new AveragePooling2D((pool[0], pool[1]), (strides[0], strides[1]), padding, format),
            (false, _) => new AveragePooling3D((pool[0], pool[1], pool[2]), (strides[0], strides[1], strides[2]),
                padding, format),
        };

    private static string Normalize(string json) => JsonNode.Parse(json)!.ToJsonString();
}
