using System.Text.Json.Nodes;
using Keras.Layers;
using Keras.Saving;

namespace Keras.Tests.Core.Layers.Reshaping;

/// <summary>Permute, RepeatVector, Cropping, ZeroPadding and UpSampling: defaults, shape inference (property tests),
/// configs, masks and errors. Numerics are in <c>PoolingReshapingGoldenTests</c>.</summary>
public sealed class ReshapingLayerTests
{
    [Fact]
    public void Ctor_Defaults_AreKeras()
    {
        Assert.Equal((1, 1), new Cropping1D().Cropping);
        Assert.Equal([(0, 0), (0, 0)], new Cropping2D().Cropping);
        Assert.Equal([(1, 1), (1, 1), (1, 1)], new Cropping3D().Cropping);
        Assert.Equal((1, 1), new ZeroPadding1D().Padding);
        Assert.Equal([(1, 1), (1, 1)], new ZeroPadding2D().Padding);
        Assert.Equal([(1, 1), (1, 1), (1, 1)], new ZeroPadding3D().Padding);
        Assert.Equal(2, new UpSampling1D().Size);
        var up = new UpSampling2D();
        Assert.Equal([2, 2], up.Size);
        Assert.Equal("nearest", up.Interpolation);
        Assert.Equal("channels_last", up.DataFormat);
        Assert.Equal([2, 2, 2], new UpSampling3D().Size);
        Assert.Equal("channels_last", new Cropping2D().DataFormat);
        Assert.Equal([(2, 2), (3, 3)], new Cropping2D((2, 3)).Cropping);
        Assert.Equal([(1, 2), (3, 4)], new ZeroPadding2D(((1, 2), (3, 4))).Padding);
        Assert.Equal([(1, 1), (0, 0), (2, 2)], new ZeroPadding3D((1, 0, 2)).Padding);
    }

    [Fact]
    public void NoReshapingLayerSupportsMasking_AsInKeras3()
    {
        using var x = torch.ones(2, 3, 4);
        using var mask = torch.ones(2, 3, dtype: torch.ScalarType.Bool);
        Layer[] layers = [new Permute([2, 1]), new Cropping1D(), new ZeroPadding1D(), new UpSampling1D()];
        foreach (var layer in layers)
        {
            Assert.False(layer.SupportsMasking);
            using var y = layer.Call(x, mask: mask);
            Assert.Null(KerasMask.Get(y));
        }
    }

    [Fact]
    public void ComputeOutputShape_KeepsUnknownDimensions()
    {
        Assert.Equal(new Shape(null, 64, 10), new Permute([2, 1]).ComputeOutputShape([null, 10, 64]));
        Assert.Equal(new Shape(null, 3, 32), new RepeatVector(3).ComputeOutputShape([null, 32]));
        Assert.Equal(new Shape(null, null, 4), new Cropping1D(2).ComputeOutputShape([null, null, 4]));
        Assert.Equal(new Shape(2, 24, 20, 3), new Cropping2D(((2, 2), (4, 4))).ComputeOutputShape([2, 28, 28, 3]));
        Assert.Equal(new Shape(2, 24, 20, 6, 3), new Cropping3D((2, 4, 2)).ComputeOutputShape([2, 28, 28, 10, 3]));
        Assert.Equal(new Shape(null, 3, null, 7),
            new ZeroPadding2D(((0, 0), (1, 2)), "channels_first").ComputeOutputShape([null, 3, null, 4]));
        Assert.Equal(new Shape(null, null, 6, 3), new UpSampling2D((1, 2)).ComputeOutputShape([null, null, 3, 3]));
        Assert.Equal(new Shape(null, 3, 2, 4, 6),
            new UpSampling3D((1, 2, 3), "channels_first").ComputeOutputShape([null, 3, 2, 2, 2]));
    }

    [Fact]
    public void Reshaping_ShapeProperty()
    {
        ShapeProperty.Check(random =>
        {
            string format = random.Next(2) == 0 ? "channels_last" : "channels_first";
            int Small() => random.Next(0, 3);
            (int, int) Pair() => (Small(), Small());
            Layer layer = random.Next(12) switch
            {
                0 => new Permute(Enumerable.Range(1, 3).OrderBy(_ => random.Next()).ToArray()),
                1 => new RepeatVector(random.Next(0, 4)),
                2 => new Cropping1D(Pair()),
                3 => new Cropping2D((Pair(), Pair()), format),
                4 => new Cropping3D((Pair(), Pair(), Pair()), format),
                5 => new ZeroPadding1D(Pair()),
                6 => new ZeroPadding2D((Pair(), Pair()), format),
                7 => new ZeroPadding3D((Pair(), Pair(), Pair()), format),
                8 => new UpSampling1D(random.Next(1, 4)),
                9 => new UpSampling2D((random.Next(1, 4), random.Next(1, 4)), format,
                    random.Next(2) == 0 ? "nearest" : "bilinear"),
                10 => new UpSampling3D((random.Next(1, 3), random.Next(1, 3), random.Next(1, 3)), format),
                _ => new Permute([2, 1]),
            };
            int rank = layer.InputSpec!.Ndim!.Value;
            // Every axis has room for two crops of up to 2 on each side.
            var shape = Enumerable.Range(0, rank).Select(_ => (long)random.Next(5, 8)).ToArray();
            return (layer, shape);
        }, trials: 60);
    }

    [Fact]
    public void Permute_And_RepeatVector_MoveValuesLikeKeras()
    {
        using var x = torch.arange(24, dtype: torch.float32).reshape(2, 3, 4);
        using var permuted = new Permute([2, 1]).Call(x);
        Assert.Equal([2L, 4L, 3L], permuted.shape);
        Assert.Equal(x[0, 2, 1].item<float>(), permuted[0, 1, 2].item<float>());
        using var v = torch.tensor(new float[] { 1, 2, 3, 4 }).reshape(2, 2);
        using var repeated = new RepeatVector(3).Call(v);
        Assert.Equal(new float[] { 1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4 }, repeated.data<float>().ToArray());
    }

    [Fact]
    public void UpSampling2D_Bilinear_UsesHalfPixelCenters()
    {
        // Keras 3 / TF2 resize of [0, 1] to 4: src = (dst + 0.5) / 2 - 0.5 → [-0.25, 0.25, 0.75, 1.25] clamped.
        using var x = torch.tensor(new float[] { 0, 1 }).reshape(1, 1, 2, 1);
        using var y = new UpSampling2D((1, 2), interpolation: "bilinear").Call(x);
        Assert.Equal(new float[] { 0, 0.25f, 0.75f, 1 }, y.data<float>().ToArray());
    }

    [Fact]
    public void Errors_NameTheArgument()
    {
        var e = Assert.Throws<ArgumentException>(() => new Permute([1, 3]));
        Assert.Contains("Invalid permutation argument `dims`", e.Message);
        Assert.Contains("(1, 3)", e.Message);
        Assert.Throws<ArgumentException>(() => new Permute([0, 1]));
        Assert.Throws<ArgumentException>(() => new Permute([2, 2]));
        e = Assert.Throws<ArgumentException>(() => new RepeatVector(-1));
        Assert.Contains("n=-1", e.Message);
        e = Assert.Throws<ArgumentException>(() => new Cropping1D(-1));
        Assert.Contains("`cropping`", e.Message);
        e = Assert.Throws<ArgumentException>(() => new Cropping2D(((0, 0), (1, -2))));
        Assert.Contains("2nd entry of cropping", e.Message);
        e = Assert.Throws<ArgumentException>(() => new ZeroPadding3D((1, 1, -1)));
        Assert.Contains("3rd entry of padding", e.Message);
        e = Assert.Throws<ArgumentException>(() => new UpSampling1D(0));
        Assert.Contains("`size`", e.Message);
        e = Assert.Throws<ArgumentException>(() => new UpSampling3D((1, 0, 1)));
        Assert.Contains("`size`", e.Message);
        e = Assert.Throws<ArgumentException>(() => new UpSampling2D(interpolation: "cubic"));
        Assert.Contains("`interpolation`", e.Message);
        Assert.Throws<NotSupportedException>(() => new UpSampling2D(interpolation: "bicubic"));
        e = Assert.Throws<ArgumentException>(() => new ZeroPadding2D(dataFormat: "channels_middle"));
        Assert.Contains("`data_format`", e.Message);
    }

    [Fact]
    public void Cropping_LargerThanInput_Throws()
    {
        var e = Assert.Throws<ArgumentException>(
            () => new Cropping2D(((2, 2), (0, 0)), name: "crop").ComputeOutputShape([null, 4, 5, 1]));
        Assert.Contains("\"crop\"", e.Message);
        Assert.Contains("`cropping`", e.Message);
        Assert.Contains("((2, 2), (0, 0))", e.Message);
        using var x = torch.zeros(1, 3, 2);
        Assert.Throws<ArgumentException>(() => new Cropping1D((2, 1)).Call(x));
        using var volume = torch.zeros([1, 2, 5, 5, 2]);
        Assert.Throws<ArgumentException>(() => new Cropping3D(1, "channels_first").Call(volume));
    }

    [Fact]
    public void Call_WrongRank_ThrowsKerasError()
    {
        using var x = torch.zeros(2, 3, 4);
        var e = Assert.Throws<ArgumentException>(() => new RepeatVector(2, name: "rv").Call(x));
        Assert.Contains("Input 0 of layer \"rv\" is incompatible with the layer: expected ndim=2, found ndim=3",
            e.Message);
        Assert.Throws<ArgumentException>(() => new Permute([1, 2, 3]).Call(x));
    }

    public static TheoryData<string> Layers => new(RoundTripLayers.Keys);

    private static readonly Dictionary<string, Func<Layer>> RoundTripLayers = new()
    {
        ["permute"] = () => new Permute([3, 1, 2], name: "a"),
        ["repeat"] = () => new RepeatVector(4, name: "b"),
        ["crop1d"] = () => new Cropping1D((0, 2), name: "c"),
        ["crop2d"] = () => new Cropping2D(((1, 2), (3, 0)), "channels_first", name: "d"),
        ["crop3d"] = () => new Cropping3D((1, 0, 2), name: "e"),
        ["pad1d"] = () => new ZeroPadding1D(3, name: "f"),
        ["pad2d"] = () => new ZeroPadding2D((1, 2), name: "g"),
        ["pad3d"] = () => new ZeroPadding3D(((0, 1), (2, 3), (4, 5)), "channels_first", name: "h"),
        ["up1d"] = () => new UpSampling1D(3, name: "i"),
        ["up2d"] = () => new UpSampling2D((2, 3), "channels_first", "bilinear", name: "j"),
        ["up3d"] = () => new UpSampling3D((1, 2, 3), name: "k") { Trainable = false },
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
        // Keras 3 get_config: tuples resolved (an int padding is saved as ((p, p), (p, p))).
        Assert.Equal(Normalize(
            """
            {"module": "keras.layers", "class_name": "ZeroPadding2D",
             "config": {"name": "zp", "trainable": true,
                        "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
                                  "registered_name": null},
                        "padding": [[1, 1], [1, 1]], "data_format": "channels_last"},
             "registered_name": null}
            """), KerasSerialization.SerializeLayer(new ZeroPadding2D(name: "zp")).ToJsonString());
        Assert.Equal(["name", "trainable", "dtype", "size", "data_format", "interpolation"],
            new UpSampling2D().GetConfig().Keys);
        Assert.Equal(["name", "trainable", "dtype", "cropping"], new Cropping1D().GetConfig().Keys);
        Assert.Equal(new[] { 1, 1 }, (int[])new Cropping1D().GetConfig()["cropping"]!);
        Assert.Equal(["name", "trainable", "dtype", "dims"], new Permute([1]).GetConfig().Keys);
        Assert.Equal(["name", "trainable", "dtype", "n"], new RepeatVector(1).GetConfig().Keys);
        Assert.Equal(["name", "trainable", "dtype", "size"], new UpSampling1D().GetConfig().Keys);
        Assert.Equal(["name", "trainable", "dtype", "size", "data_format"], new UpSampling3D().GetConfig().Keys);
    }

    [Fact]
    public void Config_ReadsKeras3AndKeras2Json()
    {
        var crop = (Cropping2D)KerasSerialization.DeserializeLayer(JsonNode.Parse(
            """
            {"module": "keras.layers", "class_name": "Cropping2D",
             "config": {"name": "cropping2d", "trainable": true,
                        "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
                                  "registered_name": null},
                        "cropping": [[2, 2], [4, 4]], "data_format": "channels_last"},
             "registered_name": null, "build_config": {"input_shape": [null, 28, 28, 3]}}
            """)!);
        Assert.Equal([(2, 2), (4, 4)], crop.Cropping);
        var up = (UpSampling2D)KerasSerialization.DeserializeLayer(JsonNode.Parse(
            """
            {"class_name": "UpSampling2D",
             "config": {"name": "up", "trainable": true, "dtype": "float32", "size": [2, 2],
                        "data_format": "channels_last"}}
            """)!);
        Assert.Equal("nearest", up.Interpolation);
        var pad = (ZeroPadding1D)KerasSerialization.DeserializeLayer(JsonNode.Parse(
            """
            {"class_name": "ZeroPadding1D",
             "config": {"name": "p", "padding": {"class_name": "__tuple__", "items": [1, 2]}}}
            """)!);
        Assert.Equal((1, 2), pad.Padding);
        var permute = (Permute)KerasSerialization.DeserializeLayer(JsonNode.Parse(
            """{"class_name": "Permute", "config": {"name": "perm", "dims": [2, 1]}}""")!);
        Assert.Equal([2, 1], permute.Dims);
    }

    [Fact]
    public void Config_UnsupportedOrMalformed_FailsClearly()
    {
        var e = Assert.Throws<NotSupportedException>(() => KerasSerialization.DeserializeLayer(JsonNode.Parse(
            """{"class_name": "UpSampling2D", "config": {"name": "u", "size": 2, "interpolation": "lanczos3"}}""")!));
        Assert.Contains("UpSampling2D \"u\"", e.Message);
        Assert.Contains("lanczos3", e.Message);
        var bad = Assert.Throws<ArgumentException>(() => KerasSerialization.DeserializeLayer(JsonNode.Parse(
            """{"class_name": "Cropping2D", "config": {"name": "c", "cropping": [[1, 1], [1, 1], [1, 1]]}}""")!));
        Assert.Contains("\"cropping\"", bad.Message);
    }

    private static string Normalize(string json) => JsonNode.Parse(json)!.ToJsonString();
}
