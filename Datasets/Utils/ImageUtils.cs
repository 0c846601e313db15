using SkiaSharp;

namespace Keras;

/// <summary>Image file helpers of <c>keras.utils</c> (<c>load_img</c>, <c>img_to_array</c>, <c>array_to_img</c>,
/// <c>save_img</c>), added to <see cref="Utils"/>. Images are SkiaSharp bitmaps, as Keras' are Pillow images: a
/// <c>Gray8</c> bitmap is Pillow's "L" (1 channel), an opaque RGBA8888 bitmap "RGB" (3), an unpremultiplied one
/// "RGBA" (4).</summary>
/// <example><code>
/// using SKBitmap image = Utils.LoadImg("cat.jpg", targetSize: (224, 224));
/// float[,,] x = Utils.ImgToArray(image);             // (224, 224, 3), values 0..255
/// Utils.SaveImg("cat.png", x, scale: false);
/// </code></example>
public static class ImageUtils
{
    extension(Utils)
    {
        /// <summary>Loads an image file (<c>keras.utils.load_img</c>): PNG, JPEG, BMP, GIF (first frame) or
        /// WebP.</summary>
        /// <param name="path">The file.</param>
        /// <param name="colorMode"><c>"rgb"</c> (the default), <c>"grayscale"</c> or <c>"rgba"</c>, converted as
        /// Pillow does (luma <c>0.299 R + 0.587 G + 0.114 B</c>; alpha dropped, or 255 added).</param>
        /// <param name="targetSize">(height, width) to resize to. Defaults to null (the file's size).</param>
        /// <param name="interpolation">Pillow's filter when resizing: <c>"nearest"</c> (the default),
        /// <c>"bilinear"</c>, <c>"bicubic"</c>, <c>"hamming"</c>, <c>"box"</c> or <c>"lanczos"</c>, with Pillow's
        /// arithmetic (antialiased when shrinking).</param>
        /// <param name="keepAspectRatio">Resize the largest centered window with the target aspect ratio instead of
        /// the whole image. Defaults to false.</param>
        /// <returns>A fresh bitmap the caller disposes.</returns>
        /// <exception cref="FileNotFoundException">The file does not exist.</exception>
        /// <exception cref="InvalidDataException">The file is not an image SkiaSharp can decode.</exception>
        /// <exception cref="ArgumentException">Unknown color mode or interpolation.</exception>
        public static SKBitmap LoadImg(string path, string colorMode = "rgb", (int Height, int Width)? targetSize = null,
            string interpolation = "nearest", bool keepAspectRatio = false)
        {
            ArgumentException.ThrowIfNullOrEmpty(path);
            int channels = RawImage.ChannelsOf(colorMode);
            return LoadRaw(path, channels, targetSize, interpolation, keepAspectRatio).ToBitmap();
        }

        /// <summary>Converts an image to a float32 array (<c>keras.utils.img_to_array</c>).</summary>
        /// <param name="img">The bitmap (any SkiaSharp color type; see the class remarks for the channel
        /// count).</param>
        /// <param name="dataFormat"><c>"channels_last"</c> (the default): (height, width, channels);
        /// <c>"channels_first"</c>: (channels, height, width).</param>
        /// <returns>A fresh array of values 0 to 255.</returns>
        public static float[,,] ImgToArray(SKBitmap img, string dataFormat = "channels_last")
        {
            ArgumentNullException.ThrowIfNull(img);
            return ToArray(RawImage.FromBitmap(img), dataFormat);
        }

        /// <summary>Converts a (height, width, channels) array to an image (<c>keras.utils.array_to_img</c>).</summary>
        /// <param name="x">The array, with 1, 3 or 4 channels.</param>
        /// <param name="dataFormat"><c>"channels_last"</c> (the default) or <c>"channels_first"</c>.</param>
        /// <param name="scale">Rescale to 0..255 first (<c>(x - min) / max · 255</c> in float32, as Keras). Defaults
        /// to true; otherwise values are truncated to bytes (saturated outside 0..255).</param>
        /// <returns>A fresh bitmap the caller disposes.</returns>
        /// <exception cref="ArgumentException">Not 1, 3 or 4 channels, or an unknown data format.</exception>
        /// <exception cref="NotSupportedException">One channel with values above 255 (Keras makes a 32-bit "I"
        /// image, which SkiaSharp cannot hold).</exception>
        public static SKBitmap ArrayToImg(float[,,] x, string dataFormat = "channels_last", bool scale = true) =>
            FromArray(x, dataFormat, scale).ToBitmap();

        /// <summary>Saves a (height, width, channels) array as an image file (<c>keras.utils.save_img</c>).</summary>
        /// <param name="path">The file.</param>
        /// <param name="x">The array, with 1, 3 or 4 channels.</param>
        /// <param name="dataFormat"><c>"channels_last"</c> (the default) or <c>"channels_first"</c>.</param>
        /// <param name="fileFormat"><c>"png"</c>, <c>"jpeg"</c> (or <c>"jpg"</c>) or <c>"webp"</c>. Defaults to null:
        /// from the file extension.</param>
        /// <param name="scale">Rescale to 0..255 first, as <see cref="ArrayToImg"/>. Defaults to true.</param>
        /// <param name="quality">JPEG/WebP quality, 1 to 100. Defaults to 75 (Pillow's default).</param>
        /// <exception cref="NotSupportedException">BMP, GIF or another format SkiaSharp cannot encode.</exception>
        public static void SaveImg(string path, float[,,] x, string dataFormat = "channels_last",
            string? fileFormat = null, bool scale = true, int quality = 75)
        {
            ArgumentException.ThrowIfNullOrEmpty(path);
            var format = EncodedFormat(fileFormat ?? Path.GetExtension(path).TrimStart('.'), path);
            var image = FromArray(x, dataFormat, scale);
            if (image.Channels == 4 && format == SKEncodedImageFormat.Jpeg)
            {
                Console.Error.WriteLine("WARNING: The JPEG format does not support RGBA images, converting to RGB.");
                image = image.Convert(3);
            }
            using var bitmap = image.ToBitmap();
            using var data = bitmap.Encode(format, quality) ?? throw new NotSupportedException(
                $"SkiaSharp could not encode {path} as {format}.");
            using var file = File.Create(path);
            data.SaveTo(file);
        }
    }

    /// <summary><c>load_img</c> without the bitmap: decode, convert, then crop/resize as Pillow.</summary>
    internal static RawImage LoadRaw(string path, int channels, (int Height, int Width)? targetSize,
        string interpolation, bool keepAspectRatio)
    {
        var image = ImageDecoder.Load(path).Convert(channels);
        if (targetSize is not var (targetHeight, targetWidth)
            || (image.Height == targetHeight && image.Width == targetWidth))
        {
            return image;
        }
        if (targetHeight <= 0 || targetWidth <= 0)
        {
            throw new ArgumentException(
                $"`target_size` must be positive. Received: target_size=({targetHeight}, {targetWidth})",
                nameof(targetSize));
        }
        if (!PilResample.Methods.Contains(interpolation))
        {
            throw new ArgumentException(
                $"Invalid interpolation method {interpolation} specified. Supported methods are " +
                string.Join(", ", PilResample.Methods), nameof(interpolation));
        }
        if (!keepAspectRatio)
        {
            return PilResample.Resize(image, targetWidth, targetHeight, interpolation);
        }
        int cropHeight = Math.Min(image.Height, image.Width * targetHeight / targetWidth);
        int cropWidth = Math.Min(image.Width, image.Height * targetWidth / targetHeight);
        int top = (image.Height - cropHeight) / 2, left = (image.Width - cropWidth) / 2;
        return PilResample.Resize(image, targetWidth, targetHeight, interpolation,
            (left, top, left + cropWidth, top + cropHeight));
    }

    /// <summary>The pixels as float32, (height, width, channels) or (channels, height, width).</summary>
    internal static float[,,] ToArray(RawImage image, string dataFormat)
    {
        bool channelsFirst = ChannelsFirst(dataFormat);
        int h = image.Height, w = image.Width, c = image.Channels;
        var result = channelsFirst ? new float[c, h, w] : new float[h, w, c];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                for (int k = 0; k < c; k++)
                {
                    float value = image.Pixels[(((y * w) + x) * c) + k];
                    if (channelsFirst)
                    {
                        result[k, y, x] = value;
                    }
                    else
                    {
                        result[y, x, k] = value;
                    }
                }
            }
        }
        return result;
    }

    private static RawImage FromArray(float[,,] x, string dataFormat, bool scale)
    {
        ArgumentNullException.ThrowIfNull(x);
        bool channelsFirst = ChannelsFirst(dataFormat);
        int h = x.GetLength(channelsFirst ? 1 : 0), w = x.GetLength(channelsFirst ? 2 : 1);
        int c = x.GetLength(channelsFirst ? 0 : 2);
        if (c is not (1 or 3 or 4))
        {
            throw new ArgumentException($"Unsupported channel number: {c}", nameof(x));
        }
        var values = new float[h * w * c];
        for (int y = 0; y < h; y++)
        {
            for (int i = 0; i < w; i++)
            {
                for (int k = 0; k < c; k++)
                {
                    values[(((y * w) + i) * c) + k] = channelsFirst ? x[k, y, i] : x[y, i, k];
                }
            }
        }
        if (scale && values.Length > 0)
        {
            // float32 arithmetic in Keras' order: x - min, / max (when not 0), * 255.
            float min = values.Min();
            for (int i = 0; i < values.Length; i++)
            {
                values[i] -= min;
            }
            float max = values.Max();
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = (max != 0 ? values[i] / max : values[i]) * 255f;
            }
        }
        if (c == 1 && values.Length > 0 && values.Max() > 255)
        {
            throw new NotSupportedException(
                "array_to_img: a one-channel array with values above 255 would be a 32-bit integer image (Pillow " +
                "mode \"I\"), which SkiaSharp cannot hold. Rescale it or pass scale: true.");
        }
        var pixels = Array.ConvertAll(values, v => (byte)Math.Clamp(MathF.Truncate(v), 0f, 255f));
        return new RawImage(pixels, h, w, c);
    }

    private static bool ChannelsFirst(string dataFormat) => dataFormat switch
    {
        "channels_last" => false,
        "channels_first" => true,
        _ => throw new ArgumentException(
            "The `data_format` argument must be one of {'channels_first', 'channels_last'}. " +
            $"Received: data_format={dataFormat}", nameof(dataFormat)),
    };

    private static SKEncodedImageFormat EncodedFormat(string format, string path) => format.ToLowerInvariant() switch
    {
        "png" => SKEncodedImageFormat.Png,
        "jpg" or "jpeg" => SKEncodedImageFormat.Jpeg,
        "webp" => SKEncodedImageFormat.Webp,
        _ => throw new NotSupportedException(
            $"Cannot save {path} as \"{format}\": Keras.Net writes PNG, JPEG and WebP (SkiaSharp has no BMP or GIF " +
            "encoder). Pass fileFormat or use one of these extensions."),
    };
}
