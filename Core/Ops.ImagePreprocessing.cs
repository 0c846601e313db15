using static TorchSharp.torch;

namespace Keras;

public static partial class Ops
{
    /// <summary>Resizes images as <c>keras.ops.image.resize</c> does on Keras 3's torch backend: bilinear and bicubic
    /// with half-pixel centers (<c>align_corners=False</c>, no antialiasing), nearest as <c>"nearest-exact"</c>.</summary>
    /// <param name="images">A batch <c>(N, H, W, C)</c> (channels_last) or <c>(N, C, H, W)</c> (channels_first).</param>
    /// <param name="height">The output height.</param>
    /// <param name="width">The output width.</param>
    /// <param name="interpolation"><c>"bilinear"</c>, <c>"nearest"</c> or <c>"bicubic"</c>. Defaults to bilinear.</param>
    /// <param name="cropToAspectRatio">First crop the largest centered window with the target aspect ratio.</param>
    /// <param name="padToAspectRatio">First pad the short side evenly with <paramref name="fillValue"/> to the target
    /// aspect ratio.</param>
    /// <param name="fillValue">The padding value. Defaults to 0.</param>
    /// <param name="channelsFirst">Whether <paramref name="images"/> are channels_first. Defaults to false.</param>
    /// <returns>The resized batch. Integer inputs are rounded back to their dtype; float inputs stay float.</returns>
    /// <example><code>Tensor small = Ops.ImageResize(images, 64, 64);</code></example>
    public static Tensor ImageResize(Tensor images, long height, long width, string interpolation = "bilinear",
        bool cropToAspectRatio = false, bool padToAspectRatio = false, double fillValue = 0.0,
        bool channelsFirst = false)
    {
        using var scope = NewDisposeScope();
        var dtype = images.dtype;
        bool isFloat = dtype is ScalarType.Float32 or ScalarType.Float64;
        var x = isFloat ? images : images.to_type(ScalarType.Float32);
        if (!channelsFirst)
        {
            x = x.permute(0, 3, 1, 2);
        }
        long inHeight = x.shape[2], inWidth = x.shape[3];
        if (cropToAspectRatio)
        {
            var (cropHeight, cropWidth, top, left) = AspectRatioCrop(inHeight, inWidth, height, width);
            x = x.narrow(2, top, cropHeight).narrow(3, left, cropWidth);
        }
        else if (padToAspectRatio)
        {
            long padHeight = Math.Max(inHeight, (long)((double)(inWidth * height) / width));
            long padWidth = Math.Max(inWidth, (long)((double)(inHeight * width) / height));
            long top = (long)((padHeight - inHeight) / 2.0);
            long left = (long)((padWidth - inWidth) / 2.0);
            x = torch.nn.functional.pad(x, [left, left, top, top], PaddingModes.Constant, fillValue);
        }
        var mode = interpolation switch
        {
            "bilinear" => InterpolationMode.Bilinear,
            "nearest" => InterpolationMode.NearestExact,
            "bicubic" => InterpolationMode.Bicubic,
            _ => throw new ArgumentException(
                $"Invalid value for argument `interpolation`. Expected one of bilinear, nearest, bicubic. " +
                $"Received: interpolation={interpolation}", nameof(interpolation)),
        };
        bool? alignCorners = interpolation == "nearest" ? null : false;
        var resized = torch.nn.functional.interpolate(x, [height, width], mode: mode, align_corners: alignCorners);
        if (!channelsFirst)
        {
            resized = resized.permute(0, 2, 3, 1);
        }
        if (!isFloat)
        {
            resized = resized.round();
            if (dtype == ScalarType.Byte)
            {
                resized = resized.clamp(0, 255);
            }
            resized = resized.to_type(dtype);
        }
        return resized.contiguous().MoveToOuterDisposeScope();
    }

    /// <summary>The largest centered window of an image with the target aspect ratio, as Keras' <c>smart_resize</c>
    /// and <c>crop_to_aspect_ratio</c> compute it.</summary>
    /// <param name="height">The image height.</param>
    /// <param name="width">The image width.</param>
    /// <param name="targetHeight">The target height.</param>
    /// <param name="targetWidth">The target width.</param>
    /// <returns>The crop size and its top-left corner.</returns>
    /// <example><code>var (h, w, top, left) = Ops.AspectRatioCrop(340, 500, 200, 200);   // (340, 340, 0, 80)</code></example>
    public static (long Height, long Width, long Top, long Left) AspectRatioCrop(long height, long width,
        long targetHeight, long targetWidth)
    {
        long cropHeight = Math.Max(Math.Min(height, (long)((double)(width * targetHeight) / targetWidth)), 1);
        long cropWidth = Math.Max(Math.Min(width, (long)((double)(height * targetWidth) / targetHeight)), 1);
        return (cropHeight, cropWidth, (long)((height - cropHeight) / 2.0), (long)((width - cropWidth) / 2.0));
    }

    /// <summary>Applies projective transforms to images as <c>keras.ops.image.affine_transform</c> does on Keras 3's
    /// torch backend (its <c>map_coordinates</c>): output pixel <c>(y, x)</c> samples the input at
    /// <c>x' = a0·x + a1·y + a2</c>, <c>y' = b0·x + b1·y + b2</c> (<c>c0</c>, <c>c1</c> are ignored, as on that
    /// backend).</summary>
    /// <param name="images">A float batch <c>(N, H, W, C)</c>, channels_last.</param>
    /// <param name="transforms">The transforms, <c>(N, 8)</c> or <c>(8)</c> for all images:
    /// <c>[a0, a1, a2, b0, b1, b2, c0, c1]</c>.</param>
    /// <param name="interpolation"><c>"bilinear"</c> (weights of the four neighbours) or <c>"nearest"</c> (round half
    /// to even). Defaults to bilinear.</param>
    /// <param name="fillMode">How neighbours outside the image are read: <c>"constant"</c> (each outside neighbour
    /// contributes <paramref name="fillValue"/>), <c>"nearest"</c> (edge pixel), <c>"reflect"</c>
    /// (<c>d c b a | a b c d | d c b a</c>) or <c>"wrap"</c> (<c>a b c d | a b c d</c>). Defaults to constant.</param>
    /// <param name="fillValue">The value for <c>"constant"</c>. Defaults to 0.</param>
    /// <returns>The transformed batch, same shape; differentiable with respect to <paramref name="images"/>.</returns>
    /// <example><code>
    /// // Shift every image 2 pixels right: output (y, x) reads input (y, x - 2).
    /// Tensor shifted = Ops.ImageAffineTransform(images, Ops.Constant([1, 0, -2, 0, 1, 0, 0, 0]));
    /// </code></example>
    public static Tensor ImageAffineTransform(Tensor images, Tensor transforms, string interpolation = "bilinear",
        string fillMode = "constant", double fillValue = 0.0)
    {
        if (images.dim() != 4)
        {
            throw new ArgumentException(
                $"Invalid images rank: expected rank 4 (batch of images). Received input with shape: " +
                $"images.shape={new Shape(images.shape)}", nameof(images));
        }
        if (fillMode is not ("constant" or "nearest" or "reflect" or "wrap"))
        {
            throw new ArgumentException(
                "Invalid value for argument `fill_mode`. Expected one of constant, nearest, reflect, wrap. " +
                $"Received: fill_mode={fillMode}", nameof(fillMode));
        }
        using var scope = NewDisposeScope();
        long n = images.shape[0], h = images.shape[1], w = images.shape[2], c = images.shape[3];
        var t = transforms.dim() == 1 ? transforms.unsqueeze(0) : transforms;
        t = t.to(ScalarType.Float32, images.device).expand(n, 8);
        var ys = torch.arange(h, ScalarType.Float32, images.device).view(1, h, 1);
        var xs = torch.arange(w, ScalarType.Float32, images.device).view(1, 1, w);
        Tensor Coefficient(int i) => t.select(1, i).view(n, 1, 1);
        var xIn = Coefficient(0) * xs + Coefficient(1) * ys + Coefficient(2);
        var yIn = Coefficient(3) * xs + Coefficient(4) * ys + Coefficient(5);
        var flat = images.reshape(n, h * w, c);
        Tensor Sample(Tensor yIndex, Tensor xIndex)
        {
            var index = (FixImageIndex(yIndex, h, fillMode) * w + FixImageIndex(xIndex, w, fillMode))
                .view(n, h * w, 1).expand(n, h * w, c);
            var values = flat.gather(1, index).view(n, h, w, c);
            if (fillMode != "constant")
            {
                return values;
            }
            var outside = yIndex.lt(0).logical_or(yIndex.ge(h)).logical_or(xIndex.lt(0)).logical_or(xIndex.ge(w));
            return values.masked_fill(outside.unsqueeze(-1), fillValue);
        }
        Tensor result;
        if (interpolation == "nearest")
        {
            result = Sample(yIn.round().to_type(ScalarType.Int64), xIn.round().to_type(ScalarType.Int64));
        }
        else if (interpolation == "bilinear")
        {
            var yFloor = yIn.floor();
            var xFloor = xIn.floor();
            var yUpper = yIn - yFloor;
            var xUpper = xIn - xFloor;
            var yLower = 1 - yUpper;
            var xLower = 1 - xUpper;
            var y0 = yFloor.to_type(ScalarType.Int64);
            var x0 = xFloor.to_type(ScalarType.Int64);
            var y1 = y0 + 1;
            var x1 = x0 + 1;
            result = (yLower * xLower).unsqueeze(-1) * Sample(y0, x0)
                     + (yLower * xUpper).unsqueeze(-1) * Sample(y0, x1)
                     + (yUpper * xLower).unsqueeze(-1) * Sample(y1, x0)
                     + (yUpper * xUpper).unsqueeze(-1) * Sample(y1, x1);
        }
        else
        {
            throw new ArgumentException(
                "Invalid value for argument `interpolation`. Expected one of nearest, bilinear. " +
                $"Received: interpolation={interpolation}", nameof(interpolation));
        }
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>Maps integer sample positions outside <c>[0, size)</c> back into the image (Keras' index fixers).</summary>
    private static Tensor FixImageIndex(Tensor index, long size, string fillMode) => fillMode switch
    {
        "wrap" => index.remainder(size),
        // Half-sample symmetric reflection: a triangular wave over 2·size, computed on 2·i+1 to stay integral.
        "reflect" => ((index * 2 + 1 + 2 * size).remainder(4 * size) - 2 * size).abs().sub(1)
            .div(2, rounding_mode: RoundingMode.floor),
        _ => index.clamp(0, size - 1),
    };
}
