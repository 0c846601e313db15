using SkiaSharp;

namespace Keras;

/// <summary>8-bit pixels in row-major (height, width, channels) order, channels 1 (L), 3 (RGB) or 4 (RGBA,
/// unpremultiplied): the working form of the image utilities, converted to and from <see cref="SKBitmap"/>.</summary>
internal sealed record RawImage(byte[] Pixels, int Height, int Width, int Channels)
{
    /// <summary>The channel count of a Keras color mode.</summary>
    internal static int ChannelsOf(string colorMode) => colorMode switch
    {
        "grayscale" => 1,
        "rgb" => 3,
        "rgba" => 4,
        _ => throw new ArgumentException(
            $"color_mode must be \"grayscale\", \"rgb\", or \"rgba\". Received: color_mode={colorMode}",
            nameof(colorMode)),
    };

    /// <summary>Reads a bitmap: Gray8 gives 1 channel, an opaque bitmap 3 (as PIL's "RGB"), any other 4.</summary>
    internal static RawImage FromBitmap(SKBitmap bitmap)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        int height = bitmap.Height, width = bitmap.Width;
        if (bitmap.ColorType == SKColorType.Gray8)
        {
            return new RawImage(CopyRows(bitmap, width), height, width, 1);
        }
        byte[] rgba;
        if (bitmap.ColorType == SKColorType.Rgba8888 && bitmap.AlphaType != SKAlphaType.Premul)
        {
            rgba = CopyRows(bitmap, width * 4);
        }
        else
        {
            using var converted = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888,
                bitmap.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Unpremul));
            if (!bitmap.PeekPixels().ReadPixels(converted.PeekPixels()))
            {
                throw new NotSupportedException(
                    $"Cannot read pixels of a bitmap with color type {bitmap.ColorType}.");
            }
            rgba = CopyRows(converted, width * 4);
        }
        if (bitmap.AlphaType != SKAlphaType.Opaque)
        {
            return new RawImage(rgba, height, width, 4);
        }
        var rgb = new byte[height * width * 3];
        for (int p = 0, q = 0; p < rgba.Length; p += 4, q += 3)
        {
            rgb[q] = rgba[p];
            rgb[q + 1] = rgba[p + 1];
            rgb[q + 2] = rgba[p + 2];
        }
        return new RawImage(rgb, height, width, 3);
    }

    /// <summary>A fresh bitmap: Gray8 for 1 channel, opaque RGBA8888 for 3, unpremultiplied RGBA8888 for 4.</summary>
    internal SKBitmap ToBitmap()
    {
        var info = Channels switch
        {
            1 => new SKImageInfo(Width, Height, SKColorType.Gray8, SKAlphaType.Opaque),
            3 => new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque),
            _ => new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Unpremul),
        };
        var bitmap = new SKBitmap(info);
        byte[] data = Pixels;
        if (Channels == 3)
        {
            data = new byte[Height * Width * 4];
            for (int p = 0, q = 0; q < Pixels.Length; p += 4, q += 3)
            {
                data[p] = Pixels[q];
                data[p + 1] = Pixels[q + 1];
                data[p + 2] = Pixels[q + 2];
                data[p + 3] = 255;
            }
        }
        int rowBytes = Width * info.BytesPerPixel;
        var span = bitmap.GetPixelSpan();
        for (int y = 0; y < Height; y++)
        {
            data.AsSpan(y * rowBytes, rowBytes).CopyTo(span.Slice(y * bitmap.RowBytes, rowBytes));
        }
        return bitmap;
    }

    /// <summary>The image converted to <paramref name="channels"/> as PIL's <c>convert("L"|"RGB"|"RGBA")</c>:
    /// luma <c>(19595 R + 38470 G + 7471 B + 2¹⁵) &gt;&gt; 16</c>, alpha dropped, or alpha 255 added.</summary>
    internal RawImage Convert(int channels)
    {
        if (channels == Channels)
        {
            return this;
        }
        int count = Height * Width;
        var result = new byte[count * channels];
        for (int i = 0; i < count; i++)
        {
            int src = i * Channels;
            byte r = Pixels[src], g = Channels == 1 ? r : Pixels[src + 1], b = Channels == 1 ? r : Pixels[src + 2];
            byte a = Channels == 4 ? Pixels[src + 3] : (byte)255;
            int dst = i * channels;
            if (channels == 1)
            {
                result[dst] = (byte)(((r * 19595) + (g * 38470) + (b * 7471) + 0x8000) >> 16);
                continue;
            }
            result[dst] = r;
            result[dst + 1] = g;
            result[dst + 2] = b;
            if (channels == 4)
            {
                result[dst + 3] = a;
            }
        }
        return new RawImage(result, Height, Width, channels);
    }

    /// <summary>A rectangle <c>[left, left + width) × [top, top + height)</c> of the image.</summary>
    internal RawImage Crop(int left, int top, int width, int height)
    {
        var result = new byte[height * width * Channels];
        for (int y = 0; y < height; y++)
        {
            Pixels.AsSpan((((top + y) * Width) + left) * Channels, width * Channels)
                .CopyTo(result.AsSpan(y * width * Channels));
        }
        return new RawImage(result, height, width, Channels);
    }

    private static byte[] CopyRows(SKBitmap bitmap, int rowBytes)
    {
        var result = new byte[bitmap.Height * rowBytes];
        var span = bitmap.GetPixelSpan();
        for (int y = 0; y < bitmap.Height; y++)
        {
            span.Slice(y * bitmap.RowBytes, rowBytes).CopyTo(result.AsSpan(y * rowBytes));
        }
        return result;
    }
}
