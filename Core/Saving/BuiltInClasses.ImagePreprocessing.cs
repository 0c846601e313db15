using System.Text.Json.Nodes;
using Keras.Layers;

namespace Keras.Saving;

internal static partial class BuiltInClasses
{
    /// <summary>Rescaling, Normalization, Resizing, CenterCrop and the random augmentation layers. Keras 3 writes
    /// tuples as lists and numpy arrays as <c>__numpy__</c> envelopes; Keras 2 may write <c>__tuple__</c> objects.
    /// Seeds are read and kept; draws follow the global generator.</summary>
    static partial void RegisterImagePreprocessingLayers()
    {
        ImageLayer("Rescaling", r =>
        {
            var (scale, scaleShape) = ImageNumbers(r, "scale");
            var (offset, offsetShape) = r.Has("offset") ? ImageNumbers(r, "offset") : ([0.0], []);
            return new Rescaling(scale, scaleShape.Length > 0, offset, offsetShape.Length > 0, r.Name);
        });
        ImageLayer("Normalization", r =>
        {
            int[] axis = NormalizationAxis(r);
            double[]? mean = null;
            double[]? variance = null;
            int[] statShape = [];
            if (r.Has("mean") || r.Has("variance"))
            {
                (mean, statShape) = r.Has("mean") ? ImageNumbers(r, "mean") : (null, []);
                (variance, _) = r.Has("variance") ? ImageNumbers(r, "variance") : (null, []);
            }
            return new Normalization(axis, mean, variance, statShape, r.GetBool("invert", false), r.Name);
        });
        ImageLayer("Resizing", r => new Resizing(r.GetInt("height"), r.GetInt("width"),
            r.GetString("interpolation", "bilinear"), r.GetBool("crop_to_aspect_ratio", false),
            r.GetBool("pad_to_aspect_ratio", false), r.GetString("fill_mode", "constant"),
            r.GetDouble("fill_value", 0.0), ImageDataFormat(r), r.Name));
        ImageLayer("CenterCrop", r => new CenterCrop(r.GetInt("height"), r.GetInt("width"), ImageDataFormat(r), r.Name));
        ImageLayer("RandomCrop", r => new RandomCrop(r.GetInt("height"), r.GetInt("width"), ImageSeed(r), ImageDataFormat(r), r.Name));
        ImageLayer("RandomFlip", r => new RandomFlip(r.GetString("mode", "horizontal_and_vertical"), ImageSeed(r), ImageDataFormat(r),
            r.Name));
        ImageLayer("RandomRotation", r => new RandomRotation(ImageFactor(r, "factor"), r.GetString("fill_mode", "reflect"),
            r.GetString("interpolation", "bilinear"), ImageSeed(r), r.GetDouble("fill_value", 0.0), ImageDataFormat(r), r.Name));
        ImageLayer("RandomZoom", r => new RandomZoom(ImageFactor(r, "height_factor"),
            r.Has("width_factor") ? ImageFactor(r, "width_factor") : (FactorRange?)null, r.GetString("fill_mode", "reflect"),
            r.GetString("interpolation", "bilinear"), ImageSeed(r), r.GetDouble("fill_value", 0.0), ImageDataFormat(r), r.Name));
        ImageLayer("RandomTranslation", r => new RandomTranslation(ImageFactor(r, "height_factor"),
            ImageFactor(r, "width_factor"), r.GetString("fill_mode", "reflect"), r.GetString("interpolation", "bilinear"),
            ImageSeed(r), r.GetDouble("fill_value", 0.0), ImageDataFormat(r), r.Name));
        ImageLayer("RandomContrast", r => new RandomContrast(ImageFactor(r, "factor"), ImageValueRange(r), ImageSeed(r), r.Name));
        ImageLayer("RandomBrightness", r => new RandomBrightness(ImageFactor(r, "factor"), ImageValueRange(r), ImageSeed(r), r.Name));
    }

    private static void ImageLayer(string className, Func<ConfigReader, Layer> create) =>
        SerializationRegistry.RegisterBuiltIn(LayersModule, className, c =>
        {
            var r = Reader(className, c);
            r.RejectUnsupported("bounding_box_format");
            return Trainable(create(r), r);
        });

    private static string? ImageDataFormat(ConfigReader r) => r.Has("data_format") ? r.GetString("data_format") : null;

    private static int? ImageSeed(ConfigReader r) => r.Has("seed") ? r.GetInt("seed") : null;

    /// <summary>A factor written as a number or a list (tuple) of two numbers.</summary>
    private static FactorRange ImageFactor(ConfigReader r, string key)
    {
        var (values, shape) = ImageNumbers(r, key);
        return shape.Length == 0 ? values[0] : shape.Length == 1 ? values : throw r.Error(
            $"\"{key}\" must be a number or a list of two numbers. Received: {JsonValues.Preview(r.Config[key])}");
    }

    /// <summary>A <c>value_range</c> of two numbers; absent means (0, 255).</summary>
    private static (double, double)? ImageValueRange(ConfigReader r)
    {
        if (!r.Has("value_range"))
        {
            return null;
        }
        var (values, shape) = ImageNumbers(r, "value_range");
        return shape is [2] ? (values[0], values[1]) : throw r.Error(
            $"\"value_range\" must be a list of two numbers. Received: {JsonValues.Preview(r.Config["value_range"])}");
    }

    /// <summary>Normalization's <c>axis</c>: an integer, a list of integers, or null (no kept axis).</summary>
    private static int[] NormalizationAxis(ConfigReader r)
    {
        if (!r.Has("axis"))
        {
            return r.Config.ContainsKey("axis") ? [] : [-1];
        }
        if (JsonValues.TryGetInt(r.Config["axis"], out int single))
        {
            return [single];
        }
        return r.GetIntArray("axis");
    }

    /// <summary>A number, a (nested) list of numbers or a <c>__numpy__</c> envelope, flattened, with its shape.</summary>
    private static (double[] Values, int[] Shape) ImageNumbers(ConfigReader r, string key)
    {
        var node = JsonValues.UnwrapTuple(r.Config[key]);
        if (node is JsonObject { } envelope && JsonValues.TryGetString(envelope["class_name"], out string name) &&
            name == "__numpy__")
        {
            node = envelope["config"]?["value"];
        }
        var values = new List<double>();
        var shape = new List<int>();
        if (!FlattenImageNumbers(JsonValues.UnwrapTuple(node), 0, values, shape))
        {
            throw r.Error($"\"{key}\" must be a number or a (nested) list of numbers. Received: " +
                          JsonValues.Preview(r.Config[key]));
        }
        return (values.ToArray(), shape.ToArray());
    }

    private static bool FlattenImageNumbers(JsonNode? node, int depth, List<double> values, List<int> shape)
    {
        if (JsonValues.TryGetDouble(node, out double number))
        {
            values.Add(number);
            return depth == shape.Count;
        }
        if (node is not JsonArray array || array.Count == 0)
        {
            return false;
        }
        if (depth == shape.Count)
        {
            shape.Add(array.Count);
        }
        else if (shape[depth] != array.Count)
        {
            return false;
        }
        return array.All(item => FlattenImageNumbers(JsonValues.UnwrapTuple(item), depth + 1, values, shape));
    }
}
