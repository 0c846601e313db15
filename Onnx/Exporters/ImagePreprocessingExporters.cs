using Keras.Layers;

namespace Keras.Onnx;

/// <summary>Exporters of the image preprocessing layers: Rescaling, Normalization (adapted or given statistics),
/// Resizing (bilinear half-pixel without antialias, nearest-exact, crop_to_aspect_ratio, pad_to_aspect_ratio),
/// CenterCrop, RandomCrop's inference crop, and the random augmentations, which are identities at inference.</summary>
internal static class ImagePreprocessingExporters
{
    internal static void Register()
    {
        OnnxExporters.RegisterUnary<Rescaling>((layer, context, x) =>
        {
            x = ToFloat(context, x);
            var scaled = context.AddNode("Mul", [x, Constant(context, "scale", layer.Scale)]);
            return context.AddNode("Add", [scaled, Constant(context, "offset", layer.Offset)]);
        });
        OnnxExporters.RegisterUnary<Normalization>(Normalize);
        OnnxExporters.RegisterUnary<Resizing>((layer, context, x) =>
        {
            if (context.DTypeOf(x) != "float32")
            {
                throw new NotSupportedException(
                    $"Layer \"{layer.Name}\" (Resizing) exports to ONNX for float32 inputs; received {context.DTypeOf(x)}.");
            }
            return Resize(context, x, layer.DataFormat == "channels_first", layer.Height, layer.Width,
                layer.Interpolation, layer.CropToAspectRatio, layer.PadToAspectRatio, layer.FillValue);
        });
        OnnxExporters.RegisterUnary<CenterCrop>((layer, context, x) =>
        {
            x = ToFloat(context, x);
            bool first = layer.DataFormat == "channels_first";
            var (height, width) = Size(context, layer, x, first);
            return height < layer.Height || width < layer.Width
                ? Resize(context, x, first, layer.Height, layer.Width, "bilinear", crop: true, pad: false, 0)
                : Window(context, x, first, (height - layer.Height) / 2, (width - layer.Width) / 2, layer.Height, layer.Width);
        });
        OnnxExporters.RegisterUnary<RandomCrop>((layer, context, x) =>
        {
            x = ToFloat(context, x);
            bool first = layer.DataFormat == "channels_first";
            var (height, width) = Size(context, layer, x, first);
            var (cropHeight, cropWidth, top, left) = Ops.AspectRatioCrop(height, width, layer.Height, layer.Width);
            var window = Window(context, x, first, top, left, cropHeight, cropWidth);
            return cropHeight == layer.Height && cropWidth == layer.Width
                ? window
                : Resize(context, window, first, layer.Height, layer.Width, "bilinear", crop: false, pad: false, 0);
        });
        foreach (var type in new[]
        {
            typeof(RandomBrightness), typeof(RandomContrast), typeof(RandomFlip), typeof(RandomRotation),
            typeof(RandomTranslation), typeof(RandomZoom),
        })
        {
            OnnxExporters.Register(type, (_, context, inputs) => [ToFloat(context, inputs[0])]);
        }
    }

    /// <summary>(x - mean) / max(sqrt(variance), 1e-7), or its inverse, as the layer computes it.</summary>
    private static string Normalize(Normalization layer, OnnxExportContext context, string x)
    {
        x = ToFloat(context, x);
        var (mean, variance) = layer.InferenceStatistics();
        var meanValue = context.AddInitializer("mean", mean);
        var deviation = context.AddNode("Max", [context.AddNode("Sqrt", [context.AddInitializer("variance", variance)]),
            context.AddScalar("epsilon", 1e-7f)]);
        return layer.Invert
            ? context.AddNode("Add", [meanValue, context.AddNode("Mul", [x, deviation])])
            : context.AddNode("Div", [context.AddNode("Sub", [x, meanValue]), deviation]);
    }

    /// <summary>Keras.Net's <c>Ops.ImageResize</c>: an optional centred crop or symmetric pad to the target aspect
    /// ratio, then a resize to (height, width) in NCHW.</summary>
    private static string Resize(OnnxExportContext context, string x, bool channelsFirst, long height, long width,
        string interpolation, bool crop, bool pad, double fillValue)
    {
        var (inHeight, inWidth) = Size(context, context.Layer, x, channelsFirst);
        var nchw = channelsFirst ? x : context.ToChannelsFirst(x, 4);
        if (crop)
        {
            var (cropHeight, cropWidth, top, left) = Ops.AspectRatioCrop(inHeight, inWidth, height, width);
            nchw = Window(context, nchw, true, top, left, cropHeight, cropWidth);
        }
        else if (pad)
        {
            long padHeight = Math.Max(inHeight, (long)((double)(inWidth * height) / width));
            long padWidth = Math.Max(inWidth, (long)((double)(inHeight * width) / height));
            long top = (long)((padHeight - inHeight) / 2.0);
            long left = (long)((padWidth - inWidth) / 2.0);
            nchw = context.AddNode("Pad", [nchw, context.AddInt64s("pads", [0, 0, top, left, 0, 0, top, left]),
                context.AddScalar("fill_value", (float)fillValue)]);
        }
        var batchAndChannels = context.AddNode("Shape", [nchw], OnnxAttribute.Int("start", 0), OnnxAttribute.Int("end", 2));
        var sizes = context.AddNode("Concat", [batchAndChannels, context.AddInt64s("size", [height, width])],
            OnnxAttribute.Int("axis", 0));
        var attributes = interpolation switch
        {
            "bilinear" => new[]
            {
                OnnxAttribute.String("mode", "linear"),
                OnnxAttribute.String("coordinate_transformation_mode", "half_pixel"),
            },
            // libtorch's nearest-exact reads floor((i + 0.5) * in / out) = round_prefer_ceil of the half-pixel point.
            "nearest" =>
            [
                OnnxAttribute.String("mode", "nearest"),
                OnnxAttribute.String("coordinate_transformation_mode", "half_pixel"),
                OnnxAttribute.String("nearest_mode", "round_prefer_ceil"),
            ],
            _ => throw new NotSupportedException(
                $"Layer \"{context.Layer.Name}\" resizes with \"{interpolation}\", which has no ONNX export; " +
                "bilinear and nearest export."),
        };
        var resized = context.AddNode("Resize", [nchw, "", "", sizes], attributes);
        return channelsFirst ? resized : context.ToChannelsLast(resized, 4);
    }

    private static string Window(OnnxExportContext context, string x, bool channelsFirst, long top, long left,
        long height, long width)
    {
        var window = context.AddNode("Slice", [x,
            context.AddInt64s("starts", [top, left]),
            context.AddInt64s("ends", [top + height, left + width]),
            context.AddInt64s("axes", channelsFirst ? [2, 3] : [1, 2])]);
        int first = channelsFirst ? 2 : 1;
        context.SetShape(window, context.ShapeOf(x).With(first, (int)height).With(first + 1, (int)width));
        return window;
    }

    private static (long Height, long Width) Size(OnnxExportContext context, Layer layer, string x, bool channelsFirst)
    {
        var shape = context.ShapeOf(x);
        int first = channelsFirst ? 2 : 1;
        if (shape.Rank != 4 || shape[first] is not int height || shape[first + 1] is not int width)
        {
            throw new NotSupportedException(
                $"Layer \"{layer.Name}\" ({layer.GetType().Name}) exports to ONNX for batches of images with known " +
                $"height and width. Received input shape {shape}.");
        }
        return (height, width);
    }

    private static string ToFloat(OnnxExportContext context, string x)
    {
        if (context.DTypeOf(x) == "float32")
        {
            return x;
        }
        var cast = context.AddNode("Cast", [x], OnnxAttribute.Int("to", (int)OnnxDataType.Float));
        context.SetShape(cast, context.ShapeOf(x));
        return cast;
    }

    private static string Constant(OnnxExportContext context, string hint, IReadOnlyList<double> values) =>
        context.AddFloats(hint, values.Select(v => (float)v).ToArray(), values.Count == 1 ? [] : null);
}
