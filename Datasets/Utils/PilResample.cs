namespace Keras;

/// <summary>Pillow's <c>Image.resize(size, resample, box)</c> on 8-bit images, bit for bit: nearest through its
/// scale-affine transform, the other filters through its two-pass convolution (horizontal first) with 22-bit
/// fixed-point coefficients, RGBA premultiplied around the convolution as Pillow does. <c>load_img</c> resizes with
/// Pillow in Keras, so this keeps Keras' pixels.</summary>
internal static class PilResample
{
    private const int PrecisionBits = 32 - 8 - 2;

    /// <summary>Keras' <c>load_img</c> interpolation names (Pillow's filters).</summary>
    internal static readonly string[] Methods = ["nearest", "bilinear", "bicubic", "hamming", "box", "lanczos"];

    /// <summary>Resizes the <c>[left, right) × [top, bottom)</c> box of <paramref name="image"/> to
    /// <paramref name="width"/> × <paramref name="height"/>.</summary>
    internal static RawImage Resize(RawImage image, int width, int height, string method,
        (int Left, int Top, int Right, int Bottom)? box = null)
    {
        var (left, top, right, bottom) = box ?? (0, 0, image.Width, image.Height);
        if (method == "nearest")
        {
            return Nearest(image, width, height, left, top, right, bottom);
        }
        var (filter, support) = Filter(method);
        var source = image.Channels == 4 ? Premultiply(image) : image;
        if (width != image.Width || left != 0 || right != width)
        {
            source = Pass(source, width, left, right, filter, support, horizontal: true);
        }
        if (height != image.Height || top != 0 || bottom != height)
        {
            source = Pass(source, height, top, bottom, filter, support, horizontal: false);
        }
        return image.Channels == 4 ? Unpremultiply(source) : source;
    }

    private static (Func<double, double> Filter, double Support) Filter(string method) => method switch
    {
        "box" => (x => x > -0.5 && x <= 0.5 ? 1.0 : 0.0, 0.5),
        "bilinear" => (x => Math.Abs(x) < 1.0 ? 1.0 - Math.Abs(x) : 0.0, 1.0),
        "hamming" => (Hamming, 1.0),
        "bicubic" => (Bicubic, 2.0),
        "lanczos" => (x => -3.0 <= x && x < 3.0 ? Sinc(x) * Sinc(x / 3) : 0.0, 3.0),
        _ => throw new ArgumentException(
            $"Invalid interpolation method {method} specified. Supported methods are {string.Join(", ", Methods)}",
            nameof(method)),
    };

    private static double Hamming(double x)
    {
        x = Math.Abs(x);
        if (x == 0.0)
        {
            return 1.0;
        }
        if (x >= 1.0)
        {
            return 0.0;
        }
        x *= Math.PI;
        // Pillow writes the window constants as C floats.
        return Math.Sin(x) / x * (0.54f + (0.46f * Math.Cos(x)));
    }

    private static double Bicubic(double x)
    {
        const double a = -0.5;
        x = Math.Abs(x);
        return x < 1.0 ? ((((a + 2.0) * x) - (a + 3.0)) * x * x) + 1
            : x < 2.0 ? ((((((x - 5) * x) + 8) * x) - 4) * a)
            : 0.0;
    }

    private static double Sinc(double x) => x == 0.0 ? 1.0 : Math.Sin(x * Math.PI) / (x * Math.PI);

    /// <summary>One convolution pass along width (<paramref name="horizontal"/>) or height, as Pillow's
    /// <c>precompute_coeffs</c> + <c>ImagingResample{Horizontal,Vertical}_8bpc</c>.</summary>
    private static RawImage Pass(RawImage image, int outSize, int in0, int in1, Func<double, double> filter,
        double filterSupport, bool horizontal)
    {
        int inSize = horizontal ? image.Width : image.Height;
        double scale = (double)((float)in1 - in0) / outSize;
        double filterScale = Math.Max(scale, 1.0);
        double support = filterSupport * filterScale;
        int ksize = ((int)Math.Ceiling(support) * 2) + 1;
        var bounds = new int[outSize * 2];
        var kk = new int[outSize * ksize];
        var weights = new double[ksize];
        for (int xx = 0; xx < outSize; xx++)
        {
            double center = in0 + ((xx + 0.5) * scale);
            double ss = 1.0 / filterScale;
            int xmin = Math.Max((int)(center - support + 0.5), 0);
            int xmax = Math.Min((int)(center + support + 0.5), inSize) - xmin;
            double ww = 0.0;
            for (int x = 0; x < xmax; x++)
            {
                weights[x] = filter((x + xmin - center + 0.5) * ss);
                ww += weights[x];
            }
            for (int x = 0; x < xmax; x++)
            {
                double w = ww != 0.0 ? weights[x] / ww : weights[x];
                kk[(xx * ksize) + x] = w < 0
                    ? (int)(-0.5 + (w * (1 << PrecisionBits)))
                    : (int)(0.5 + (w * (1 << PrecisionBits)));
            }
            bounds[xx * 2] = xmin;
            bounds[(xx * 2) + 1] = xmax;
        }
        int channels = image.Channels;
        int outWidth = horizontal ? outSize : image.Width, outHeight = horizontal ? image.Height : outSize;
        var result = new byte[outWidth * outHeight * channels];
        for (int y = 0; y < outHeight; y++)
        {
            for (int x = 0; x < outWidth; x++)
            {
                int o = horizontal ? x : y;
                int start = bounds[o * 2], count = bounds[(o * 2) + 1];
                for (int c = 0; c < channels; c++)
                {
                    int sum = 1 << (PrecisionBits - 1);
                    for (int k = 0; k < count; k++)
                    {
                        int sx = horizontal ? start + k : x, sy = horizontal ? y : start + k;
                        sum += image.Pixels[(((sy * image.Width) + sx) * channels) + c] * kk[(o * ksize) + k];
                    }
                    result[(((y * outWidth) + x) * channels) + c] = (byte)Math.Clamp(sum >> PrecisionBits, 0, 255);
                }
            }
        }
        return new RawImage(result, outHeight, outWidth, channels);
    }

    /// <summary>Pillow's <c>ImagingScaleAffine</c>: source index <c>floor(in0 + (i + 0.5)·scale)</c>, accumulated
    /// in double precision as Pillow does.</summary>
    private static RawImage Nearest(RawImage image, int width, int height, int left, int top, int right, int bottom)
    {
        double xScale = (double)(right - left) / width, yScale = (double)(bottom - top) / height;
        var xin = new int[width];
        double xo = left + (xScale * 0.5);
        for (int x = 0; x < width; x++)
        {
            xin[x] = Math.Clamp(xo < 0 ? -1 : (int)xo, 0, image.Width - 1);
            xo += xScale;
        }
        int channels = image.Channels;
        var result = new byte[width * height * channels];
        double yo = top + (yScale * 0.5);
        for (int y = 0; y < height; y++)
        {
            int yin = Math.Clamp(yo < 0 ? -1 : (int)yo, 0, image.Height - 1);
            for (int x = 0; x < width; x++)
            {
                image.Pixels.AsSpan(((yin * image.Width) + xin[x]) * channels, channels)
                    .CopyTo(result.AsSpan(((y * width) + x) * channels));
            }
            yo += yScale;
        }
        return new RawImage(result, height, width, channels);
    }

    /// <summary>Pillow's RGBA → RGBa: <c>c·a/255</c> rounded with its <c>MULDIV255</c>.</summary>
    private static RawImage Premultiply(RawImage image)
    {
        var pixels = (byte[])image.Pixels.Clone();
        for (int p = 0; p < pixels.Length; p += 4)
        {
            int alpha = pixels[p + 3];
            for (int c = 0; c < 3; c++)
            {
                int tmp = (pixels[p + c] * alpha) + 128;
                pixels[p + c] = (byte)(((tmp >> 8) + tmp) >> 8);
            }
        }
        return image with { Pixels = pixels };
    }

    /// <summary>Pillow's RGBa → RGBA: <c>min(255·c/a, 255)</c>, colors kept where alpha is 0 or 255.</summary>
    private static RawImage Unpremultiply(RawImage image)
    {
        var pixels = image.Pixels;
        for (int p = 0; p < pixels.Length; p += 4)
        {
            int alpha = pixels[p + 3];
            if (alpha is 0 or 255)
            {
                continue;
            }
            for (int c = 0; c < 3; c++)
            {
                pixels[p + c] = (byte)Math.Min(255 * pixels[p + c] / alpha, 255);
            }
        }
        return image;
    }
}
