using SkiaSharp;

namespace Keras;

/// <summary>Decodes image files (PNG, JPEG, BMP, GIF's first frame, WebP) into 8-bit RGBA with SkiaSharp, without
/// color management (as Pillow and TensorFlow's decoders).</summary>
internal static class ImageDecoder
{
    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="source"/> names the file in errors.</summary>
    internal static RawImage Decode(byte[] bytes, string source)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data) ?? throw new InvalidDataException(
            $"Cannot identify image file {source}: not a PNG, JPEG, BMP, GIF or WebP image.");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            throw new InvalidDataException($"Cannot decode image file {source}: {result}.");
        }
        var pixels = new byte[info.Width * info.Height * 4];
        var span = bitmap.GetPixelSpan();
        for (int y = 0; y < info.Height; y++)
        {
            span.Slice(y * bitmap.RowBytes, info.Width * 4).CopyTo(pixels.AsSpan(y * info.Width * 4));
        }
        var rgba = new RawImage(pixels, info.Height, info.Width, 4);
        // Formats without alpha come back opaque; report them as RGB so "rgba" conversion matches Pillow's.
        return codec.Info.AlphaType == SKAlphaType.Opaque ? rgba.Convert(3) : rgba;
    }

    /// <summary>Reads and decodes the file at <paramref name="path"/>.</summary>
    internal static RawImage Load(string path) => Decode(File.ReadAllBytes(path), path);
}
