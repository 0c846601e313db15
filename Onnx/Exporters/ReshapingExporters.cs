using Keras.Layers;

namespace Keras.Onnx;

/// <summary>Exporters of Cropping1D/2D/3D (Slice), ZeroPadding1D/2D/3D (Pad) and UpSampling1D/2D/3D (Resize:
/// nearest repeats each cell, bilinear is half-pixel as libtorch's).</summary>
internal static class ReshapingExporters
{
    internal static void Register()
    {
        OnnxExporters.RegisterUnary<BaseCropping>((layer, context, x) =>
            Crop(context, x, SpatialArguments.FirstSpatialAxis(layer.DataFormat), layer.Cropping));
        OnnxExporters.RegisterUnary<Cropping1D>((layer, context, x) => Crop(context, x, 1, [layer.Cropping]));
        OnnxExporters.RegisterUnary<BaseZeroPadding>((layer, context, x) =>
            Pad(context, x, SpatialArguments.FirstSpatialAxis(layer.DataFormat), layer.Padding));
        OnnxExporters.RegisterUnary<ZeroPadding1D>((layer, context, x) => Pad(context, x, 1, [layer.Padding]));
        OnnxExporters.RegisterUnary<UpSampling1D>((layer, context, x) => Nearest(context, x, 1, [layer.Size]));
        OnnxExporters.RegisterUnary<UpSampling2D>((layer, context, x) => layer.Interpolation == "bilinear"
            ? Bilinear(context, x, layer.DataFormat, layer.Size)
            : Nearest(context, x, SpatialArguments.FirstSpatialAxis(layer.DataFormat), layer.Size));
        OnnxExporters.RegisterUnary<UpSampling3D>((layer, context, x) =>
            Nearest(context, x, SpatialArguments.FirstSpatialAxis(layer.DataFormat), layer.Size));
    }

    private static string Crop(OnnxExportContext context, string x, int first, IReadOnlyList<(int Start, int End)> crops) =>
        context.AddNode("Slice", [x,
            context.AddInt64s("starts", crops.Select(c => (long)c.Start).ToArray()),
            context.AddInt64s("ends", crops.Select(c => c.End == 0 ? long.MaxValue : -c.End).ToArray()),
            context.AddInt64s("axes", Enumerable.Range(first, crops.Count).Select(a => (long)a).ToArray())]);

    private static string Pad(OnnxExportContext context, string x, int first, IReadOnlyList<(int Start, int End)> pads)
    {
        int rank = context.ShapeOf(x).Rank;
        var before = new long[rank];
        var after = new long[rank];
        for (int i = 0; i < pads.Count; i++)
        {
            (before[first + i], after[first + i]) = (pads[i].Start, pads[i].End);
        }
        return context.AddNode("Pad", [x, context.AddInt64s("pads", [.. before, .. after])]);
    }

    /// <summary>Nearest with asymmetric coordinates and floor rounding: output cell i reads input cell i / factor,
    /// exactly <c>repeat_interleave</c>.</summary>
    private static string Nearest(OnnxExportContext context, string x, int firstAxis, IReadOnlyList<int> factors)
    {
        var scales = Enumerable.Repeat(1f, context.ShapeOf(x).Rank).ToArray();
        for (int i = 0; i < factors.Count; i++)
        {
            scales[firstAxis + i] = factors[i];
        }
        return context.AddNode("Resize", [x, "", context.AddFloats("scales", scales)],
            OnnxAttribute.String("mode", "nearest"),
            OnnxAttribute.String("coordinate_transformation_mode", "asymmetric"),
            OnnxAttribute.String("nearest_mode", "floor"));
    }

    private static string Bilinear(OnnxExportContext context, string x, string dataFormat, IReadOnlyList<int> factors)
    {
        bool last = dataFormat == "channels_last";
        var input = last ? context.ToChannelsFirst(x, 4) : x;
        var y = context.AddNode("Resize", [input, "", context.AddFloats("scales", [1f, 1f, factors[0], factors[1]])],
            OnnxAttribute.String("mode", "linear"),
            OnnxAttribute.String("coordinate_transformation_mode", "half_pixel"));
        return last ? context.ToChannelsLast(y, 4) : y;
    }
}
