using System.Text.Json.Nodes;
using Keras.Layers;
using Keras.Saving;

namespace Keras.Tests.Core.Layers.Preprocessing.Image;

/// <summary>Defaults, configs (round trips, Keras 3 and Keras 2 JSON), argument errors and shape inference of the image
/// preprocessing layers.</summary>
public sealed class ImagePreprocessingLayerTests
{
    [Fact]
    public void Ctor_Defaults()
    {
        var resizing = new Resizing(4, 5);
        Assert.Equal(("bilinear", false, false, "constant", 0.0, "channels_last"),
            (resizing.Interpolation, resizing.CropToAspectRatio, resizing.PadToAspectRatio, resizing.FillMode,
                resizing.FillValue, resizing.DataFormat));
        Assert.Equal("channels_last", new CenterCrop(2, 2).DataFormat);
        var flip = new RandomFlip();
        Assert.Equal(("horizontal_and_vertical", (int?)null, "channels_last"), (flip.Mode, flip.Seed, flip.DataFormat));
        var rotation = new RandomRotation(0.2);
        Assert.Equal(((-0.2, 0.2), "reflect", "bilinear", 0.0, (int?)null, "channels_last"),
            (rotation.Factor, rotation.FillMode, rotation.Interpolation, rotation.FillValue, rotation.Seed,
                rotation.DataFormat));
        var zoom = new RandomZoom(0.3);
        Assert.Equal(((-0.3, 0.3), ((double, double)?)null, "reflect", "bilinear", 0.0),
            (zoom.HeightRange, zoom.WidthRange, zoom.FillMode, zoom.Interpolation, zoom.FillValue));
        var translation = new RandomTranslation(0.1, (-0.2, 0.3));
        Assert.Equal(((-0.1, 0.1), (-0.2, 0.3), "reflect", "bilinear", 0.0),
            (translation.HeightRange, translation.WidthRange, translation.FillMode, translation.Interpolation,
                translation.FillValue));
        // Keras 3's base factor rule: a single number f gives [max(-f, lower bound), f].
        Assert.Equal(((0.0, 0.2), (0.0, 255.0)), (new RandomContrast(0.2).Factor, new RandomContrast(0.2).ValueRange));
        Assert.Equal(((-0.2, 0.2), (0.0, 255.0)),
            (new RandomBrightness(0.2).Factor, new RandomBrightness(0.2).ValueRange));
        Assert.Equal((0.0, 10.0), new RandomBrightness(0.1, valueRange: (10, 0)).ValueRange);
        var crop = new RandomCrop(3, 4);
        Assert.Equal((3, 4, (int?)null, "channels_last"), (crop.Height, crop.Width, crop.Seed, crop.DataFormat));
        var rescaling = new Rescaling(0.5);
        Assert.Equal([0.5], rescaling.Scale);
        Assert.Equal([0.0], rescaling.Offset);
        var normalization = new Keras.Layers.Normalization();
        Assert.Equal([-1], normalization.Axis);
        Assert.False(normalization.Invert);
    }

    public static TheoryData<string> RoundTripLayers => new()
    {
        """{"class_name": "Rescaling", "config": {"name": "r", "scale": 0.5, "offset": -1.0}}""",
        """{"class_name": "Rescaling", "config": {"name": "r", "scale": [0.5, 2.0, 3.0], "offset": 0.0}}""",
        """{"class_name": "Rescaling", "config": {"name": "r", "scale": 2.0, "offset": [1.0, 2.0]}}""",
        """{"class_name": "Normalization", "config": {"name": "n", "axis": [-1], "invert": false, "mean": null, "variance": null}}""",
        """{"class_name": "Normalization", "config": {"name": "n", "axis": [1, 2], "invert": true, "mean": [[1.0, 2.0], [3.0, 4.0]], "variance": [[1.0, 1.0], [2.0, 2.0]]}}""",
        """{"class_name": "Normalization", "config": {"name": "n", "axis": [], "invert": false, "mean": 3.0, "variance": 2.0}}""",
        """{"class_name": "Resizing", "config": {"name": "r", "height": 4, "width": 6, "interpolation": "bicubic", "crop_to_aspect_ratio": false, "pad_to_aspect_ratio": true, "fill_mode": "constant", "fill_value": 0.5, "data_format": "channels_first"}}""",
        """{"class_name": "CenterCrop", "config": {"name": "c", "height": 3, "width": 2, "data_format": "channels_last"}}""",
        """{"class_name": "RandomCrop", "config": {"name": "c", "height": 3, "width": 2, "seed": 7, "data_format": "channels_last"}}""",
        """{"class_name": "RandomFlip", "config": {"name": "f", "seed": null, "mode": "vertical", "data_format": "channels_last"}}""",
        """{"class_name": "RandomRotation", "config": {"name": "r", "factor": [-0.1, 0.3], "data_format": "channels_last", "fill_mode": "wrap", "fill_value": 0.0, "interpolation": "nearest", "seed": 3}}""",
        """{"class_name": "RandomZoom", "config": {"name": "z", "height_factor": 0.2, "width_factor": null, "fill_mode": "reflect", "interpolation": "bilinear", "seed": null, "fill_value": 0.0, "data_format": "channels_last"}}""",
        """{"class_name": "RandomZoom", "config": {"name": "z", "height_factor": [-0.3, 0.1], "width_factor": [0.0, 0.5], "fill_mode": "constant", "interpolation": "bilinear", "seed": null, "fill_value": 1.0, "data_format": "channels_first"}}""",
        """{"class_name": "RandomTranslation", "config": {"name": "t", "height_factor": 0.1, "width_factor": [-0.2, 0.2], "fill_mode": "nearest", "interpolation": "bilinear", "seed": null, "fill_value": 0.0, "data_format": "channels_last"}}""",
        """{"class_name": "RandomContrast", "config": {"name": "c", "factor": [0.2, 0.4], "value_range": [0.0, 1.0], "seed": null}}""",
        """{"class_name": "RandomBrightness", "config": {"name": "b", "factor": [-0.1, 0.3], "value_range": [0.0, 255.0], "seed": 1}}""",
    };

    [Theory]
    [MemberData(nameof(RoundTripLayers))]
    public void Config_RoundTrips(string json)
    {
        var layer = KerasSerialization.DeserializeLayer(JsonNode.Parse(json)!);
        var first = KerasSerialization.SerializeLayer(layer);
        var again = KerasSerialization.SerializeLayer(KerasSerialization.DeserializeLayer(first.DeepClone()));
        Assert.Equal(first.ToJsonString(), again.ToJsonString());
        // Every key of the Keras config is written back with the same value.
        var expected = JsonNode.Parse(json)!["config"]!.AsObject();
        var written = first["config"]!.AsObject();
        foreach (var (key, value) in expected)
        {
            Assert.True(JsonNode.DeepEquals(value, written[key]), $"{key}: wrote {written[key]?.ToJsonString()}, " +
                                                                   $"expected {value?.ToJsonString()}");
        }
        Assert.Equal(expected.Select(p => p.Key).Order(), written.Select(p => p.Key).Except(["trainable", "dtype"]).Order());
    }

    [Fact]
    public void ReadsKeras3Configs()
    {
        const string dtype = """{"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}, "registered_name": null}""";
        var flip = (RandomFlip)Read($$$"""{"module": "keras.layers", "class_name": "RandomFlip", "config": {"name": "random_flip", "trainable": true, "dtype": {{{dtype}}}, "seed": null, "mode": "horizontal", "data_format": "channels_last"}, "registered_name": null, "build_config": {"input_shape": [null, 32, 32, 3]}}""");
        Assert.Equal(("random_flip", "horizontal"), (flip.Name, flip.Mode));
        var rotation = (RandomRotation)Read($$$"""{"module": "keras.layers", "class_name": "RandomRotation", "config": {"name": "random_rotation", "trainable": true, "dtype": {{{dtype}}}, "factor": [-0.1, 0.1], "data_format": "channels_last", "fill_mode": "reflect", "fill_value": 0.0, "interpolation": "bilinear", "seed": null}, "registered_name": null}""");
        Assert.Equal((-0.1, 0.1), rotation.Factor);
        var rescaling = (Rescaling)Read($$$"""{"module": "keras.layers", "class_name": "Rescaling", "config": {"name": "rescaling", "trainable": true, "dtype": {{{dtype}}}, "scale": {"class_name": "__numpy__", "config": {"value": [4.366, 4.464, 4.444], "dtype": "float32"}}, "offset": 0.0}, "registered_name": null}""");
        Assert.Equal([4.366, 4.464, 4.444], rescaling.Scale.ToArray());
        var normalization = (Keras.Layers.Normalization)Read($$$"""{"module": "keras.layers", "class_name": "Normalization", "config": {"name": "normalization", "trainable": true, "dtype": {{{dtype}}}, "axis": [-1], "invert": false, "mean": null, "variance": null}, "registered_name": null, "build_config": {"input_shape": [null, 224, 224, 3]}}""");
        Assert.Equal([-1], normalization.Axis.ToArray());
        var zoom = (RandomZoom)Read($$$"""{"module": "keras.layers", "class_name": "RandomZoom", "config": {"name": "random_zoom", "trainable": true, "dtype": {{{dtype}}}, "height_factor": 0.1, "width_factor": null, "fill_mode": "reflect", "interpolation": "bilinear", "seed": null, "fill_value": 0.0, "data_format": "channels_last"}, "registered_name": null}""");
        Assert.Equal(((-0.1, 0.1), ((double, double)?)null), (zoom.HeightRange, zoom.WidthRange));
    }

    [Fact]
    public void ReadsKeras2Configs()
    {
        // Keras 2 writes scalar factors, an int axis, no data_format/pad keys, and __tuple__ objects.
        var contrast = (RandomContrast)Read("""{"class_name": "RandomContrast", "config": {"name": "rc", "trainable": true, "dtype": "float32", "factor": 0.2, "seed": null}}""");
        Assert.Equal((0.0, 0.2), contrast.Factor);
        var normalization = (Keras.Layers.Normalization)Read("""{"class_name": "Normalization", "config": {"name": "n", "trainable": true, "dtype": "float32", "axis": -1, "mean": null, "variance": null}}""");
        Assert.Equal([-1], normalization.Axis.ToArray());
        var none = (Keras.Layers.Normalization)Read("""{"class_name": "Normalization", "config": {"name": "n2", "axis": null, "mean": null, "variance": null}}""");
        Assert.Empty(none.Axis);
        var resizing = (Resizing)Read("""{"class_name": "Resizing", "config": {"name": "r", "trainable": true, "dtype": "float32", "height": 8, "width": 9, "interpolation": "nearest", "crop_to_aspect_ratio": true}}""");
        Assert.Equal((8, 9, "nearest", true, "channels_last"),
            (resizing.Height, resizing.Width, resizing.Interpolation, resizing.CropToAspectRatio, resizing.DataFormat));
        var rotation = (RandomRotation)Read("""{"class_name": "RandomRotation", "config": {"name": "rr", "factor": {"class_name": "__tuple__", "items": [-0.2, 0.1]}, "fill_mode": "constant", "fill_value": 0.0, "interpolation": "nearest", "seed": 5}}""");
        Assert.Equal(((-0.2, 0.1), 5, "constant"), (rotation.Factor, rotation.Seed, rotation.FillMode));
    }

    [Fact]
    public void RejectsUnsupportedConfigs()
    {
        var error = Assert.Throws<NotSupportedException>(() => Read(
            """{"class_name": "RandomFlip", "config": {"name": "f", "mode": "horizontal", "bounding_box_format": "xyxy"}}"""));
        Assert.Contains("bounding_box_format", error.Message);
        var lanczos = Assert.Throws<ArgumentException>(() => Read(
            """{"class_name": "Resizing", "config": {"name": "r", "height": 2, "width": 2, "interpolation": "lanczos3"}}"""));
        Assert.Contains("Lanczos", lanczos.Message);
        var badFactor = Assert.Throws<ArgumentException>(() => Read(
            """{"class_name": "RandomRotation", "config": {"name": "r", "factor": "big"}}"""));
        Assert.Contains("\"factor\"", badFactor.Message);
    }

    [Fact]
    public void FactorErrors_UseKerasMessages()
    {
        var rotation = Assert.Throws<ArgumentException>(() => new RandomRotation(1.5));
        Assert.Equal("factor", rotation.ParamName);
        Assert.StartsWith("The `factor` argument should be a number (or a list of two numbers) in the range [-1, 1]. " +
                          "Received: factor=1.5", rotation.Message);
        var contrast = Assert.Throws<ArgumentException>(() => new RandomContrast(-0.5));
        Assert.StartsWith("The `factor` argument should be a number (or a list of two numbers) in the range [0, 1]. " +
                          "Received: factor=-0.5", contrast.Message);
        Assert.Throws<ArgumentException>(() => new RandomBrightness(new[] { 0.1, 0.2, 0.3 }));
        Assert.Throws<ArgumentException>(() => new RandomContrast((1.5, 2.0)));
        var zoom = Assert.Throws<ArgumentException>(() => new RandomZoom(0.2, widthFactor: (-0.5, 1.2)));
        Assert.Equal("widthFactor", zoom.ParamName);
        Assert.StartsWith("The `height_factor` and `width_factor` arguments should be a number (or a list of two " +
                          "numbers) in the range [-1.0, 1.0]. Received: width_factor=[-0.5, 1.2]", zoom.Message);
        var translation = Assert.Throws<ArgumentException>(() => new RandomTranslation(-1.5, 0.1));
        Assert.Equal("heightFactor", translation.ParamName);
        Assert.Contains("Received: height_factor=-1.5", translation.Message);
    }

    [Fact]
    public void ArgumentErrors_NameTheArgument()
    {
        Assert.Equal("fillMode", Assert.Throws<ArgumentException>(() => new RandomRotation(0.1, fillMode: "mirror")).ParamName);
        Assert.Equal("interpolation",
            Assert.Throws<ArgumentException>(() => new RandomZoom(0.1, interpolation: "bicubic")).ParamName);
        Assert.Equal("interpolation", Assert.Throws<ArgumentException>(() => new Resizing(2, 2, "area")).ParamName);
        Assert.Equal("fillMode", Assert.Throws<ArgumentException>(() => new Resizing(2, 2, fillMode: "reflect")).ParamName);
        Assert.Contains("Only one of `pad_to_aspect_ratio` & `crop_to_aspect_ratio`",
            Assert.Throws<ArgumentException>(() => new Resizing(2, 2, cropToAspectRatio: true, padToAspectRatio: true))
                .Message);
        Assert.Equal("dataFormat", Assert.Throws<ArgumentException>(() => new CenterCrop(2, 2, "nhwc")).ParamName);
        Assert.Equal("height", Assert.Throws<ArgumentException>(() => new RandomCrop(0, 2)).ParamName);
        var mode = Assert.Throws<ArgumentException>(() => new RandomFlip("diagonal", name: "flipper"));
        Assert.Contains("RandomFlip layer flipper received an unknown mode argument diagonal", mode.Message);
        Assert.Equal("scale", Assert.Throws<ArgumentException>(() => new Rescaling(Array.Empty<double>())).ParamName);
    }

    [Fact]
    public void NonImageRank_IsRejectedWithKerasMessage()
    {
        using var x = torch.zeros(2, 3);
        var error = Assert.Throws<ArgumentException>(() => new CenterCrop(1, 1).Call(x));
        Assert.Contains("Expected image tensor to have rank 3 (single image) or 4 (batch of images). " +
                        "Received: data.shape=(2, 3)", error.Message);
    }

    [Fact]
    public void Normalization_Errors()
    {
        var missing = Assert.Throws<ArgumentException>(() => new Keras.Layers.Normalization(mean: [1.0]));
        Assert.Contains("both `mean` and `variance` must be set", missing.Message);
        Assert.Contains("must have the same shape",
            Assert.Throws<ArgumentException>(() => new Keras.Layers.Normalization(mean: [1.0], variance: [1.0, 2.0])).Message);
        using var x = torch.ones(2, 3);
        var unadapted = new Keras.Layers.Normalization(name: "features");
        var error = Assert.Throws<InvalidOperationException>(() => unadapted.Call(x));
        Assert.Contains("Normalization layer \"features\" has no mean and variance yet. Call `Adapt(data)`", error.Message);
        var axis = Assert.Throws<ArgumentException>(() => new Keras.Layers.Normalization(axis: [3]).Call(x));
        Assert.Contains("All `axis` values must be in the range [-ndim, ndim). Received inputs with ndim=2", axis.Message);
        var adapted = new Keras.Layers.Normalization();
        adapted.Adapt(new float[,] { { 1, 2, 3 }, { 3, 4, 5 } });
        var shape = Assert.Throws<ArgumentException>(() => adapted.Adapt(new float[,] { { 1, 2 } }));
        Assert.Contains("adapt() is being called with data with an incompatible shape", shape.Message);
        var given = new Keras.Layers.Normalization(1.0, 4.0);
        Assert.Throws<InvalidOperationException>(() => given.Adapt(new float[,] { { 1 } }));
        var mismatch = Assert.Throws<ArgumentException>(() => new Keras.Layers.Normalization(mean: [1.0, 2.0], variance: [1.0, 1.0])
            .Call(x));
        Assert.Contains("cannot broadcast `mean` and `variance` of shape (2,)", mismatch.Message);
    }

    [Fact]
    public void Normalization_AdaptOnAListOfBatches_EqualsAdaptOnAllData()
    {
        var whole = new Keras.Layers.Normalization();
        whole.Adapt(new float[,] { { 1, 10 }, { 2, 30 }, { 4, 20 }, { 9, -5 }, { 0, 0 } });
        var batched = new Keras.Layers.Normalization();
        batched.Adapt([new float[,] { { 1, 10 }, { 2, 30 } }, new float[,] { { 4, 20 }, { 9, -5 }, { 0, 0 } }]);
        Assert.Equal(whole.AdaptMean!.ToArray(), batched.AdaptMean!.ToArray());
        Assert.Equal(whole.AdaptVariance!.ToArray().Select(v => Math.Round(v, 3)),
            batched.AdaptVariance!.ToArray().Select(v => Math.Round(v, 3)));
        Assert.Equal([3.2f, 11f], whole.AdaptMean.ToArray());
    }

    [Fact]
    public void Normalization_AdaptedWeights_AreNonTrainableKerasLayout_AndLoadedWeightsCount()
    {
        var layer = new Keras.Layers.Normalization();
        layer.Adapt(new float[,] { { 0, 7, 4 }, { 2, 9, 6 }, { 0, 7, 4 }, { 2, 9, 6 } });
        Assert.Equal(["mean", "variance", "count"], layer.Weights.Select(w => w.Name));
        Assert.Empty(layer.TrainableWeights);
        Assert.Equal([1f, 8f, 5f], layer.Weights[0].ToArray());
        Assert.Equal([1f, 1f, 1f], layer.Weights[1].ToArray());
        using var y = layer.Call(torch.tensor(new float[] { 0, 7, 4 }).reshape(1, 3));
        Assert.Equal([-1f, -1f, -1f], y.data<float>().ToArray());
        // Weights set after building (as when a saved model loads) make the layer usable without Adapt.
        var loaded = new Keras.Layers.Normalization();
        loaded.Build([null, 2]);
        loaded.Weights[0].Assign([1f, 2f]);
        loaded.Weights[1].Assign([4f, 4f]);
        using var z = loaded.Call(torch.tensor(new float[] { 3, 2 }).reshape(1, 2));
        Assert.Equal([1f, 0f], z.data<float>().ToArray());
        Assert.Empty(new Keras.Layers.Normalization(0.0, 1.0).Weights);
    }

    [Fact]
    public void Model_WithPreprocessingLayers_RoundTripsThroughJson_AndLoadsAdaptedWeights()
    {
        using var scope = torch.NewDisposeScope();
        var norm = new Keras.Layers.Normalization(name: "pre_norm");
        norm.Adapt(torch.rand(10, 6, 6, 3) * 4);
        using var model = new Sequential(
        [
            new InputLayer([8, 8, 3], name: "pre_in"), new Resizing(6, 6, name: "pre_resize"),
            new RandomFlip("horizontal", seed: 1, name: "pre_flip"), new RandomRotation(0.1, name: "pre_rotate"),
            new Rescaling(0.5, offset: 1, name: "pre_rescale"), norm, new Flatten(name: "pre_flat"),
            new Dense(2, name: "pre_out"),
        ], "preprocessing");
        string json = model.ToJson();
        using var restored = Models.ModelFromJson(json);
        Assert.Equal(json, restored.ToJson());
        restored.SetWeights(model.GetWeights());
        var x = torch.rand(3, 8, 8, 3);
        Assert.True(model.Predict(x, verbose: 0).allclose(restored.Predict(x, verbose: 0), atol: 1e-6));
    }

    [Fact]
    public void Resizing_KeepsIntegerDtype_OthersOutputFloat()
    {
        using var bytes = torch.arange(48).reshape(1, 4, 4, 3).to_type(torch.ScalarType.Byte);
        using var resized = new Resizing(2, 2).Call(bytes);
        Assert.Equal(torch.ScalarType.Byte, resized.dtype);
        using var cropped = new CenterCrop(2, 2).Call(bytes);
        Assert.Equal(torch.ScalarType.Float32, cropped.dtype);
        using var scaled = new Rescaling(1.0 / 255).Call(bytes);
        Assert.Equal(torch.ScalarType.Float32, scaled.dtype);
        Assert.Equal(47f / 255f, scaled.max().item<float>(), 6);
    }

    [Fact]
    public void ComputeOutputShape_MatchesCall()
    {
        ShapeProperty.Check(random =>
        {
            bool channelsFirst = random.Next(2) == 0;
            int h = random.Next(2, 9), w = random.Next(2, 9), c = random.Next(1, 4);
            int th = random.Next(1, 9), tw = random.Next(1, 9);
            string format = channelsFirst ? "channels_first" : "channels_last";
            Layer layer = random.Next(4) switch
            {
                0 => new Resizing(th, tw, new[] { "bilinear", "nearest", "bicubic" }[random.Next(3)],
                    cropToAspectRatio: random.Next(2) == 0, dataFormat: format),
                1 => new CenterCrop(th, tw, format),
                2 => new RandomCrop(th, tw, dataFormat: format),
                _ => new Resizing(th, tw, padToAspectRatio: true, dataFormat: format),
            };
            long[] image = channelsFirst ? [c, h, w] : [h, w, c];
            return (layer, random.Next(3) == 0 ? image : [random.Next(1, 4), .. image]);
        });
        ShapeProperty.Check(random =>
        {
            Layer layer = random.Next(8) switch
            {
                0 => new RandomFlip(),
                1 => new RandomRotation(0.2),
                2 => new RandomZoom(0.2),
                3 => new RandomTranslation(0.1, 0.1),
                4 => new RandomContrast(0.2),
                5 => new RandomBrightness(0.2),
                6 => new Rescaling(0.5, 1),
                _ => new Keras.Layers.Normalization(0.0, 1.0),
            };
            return (layer, [random.Next(1, 4), random.Next(1, 6), random.Next(1, 6), random.Next(1, 4)]);
        }, trials: 16);
    }

    private static Layer Read(string json) => KerasSerialization.DeserializeLayer(JsonNode.Parse(json)!);
}
