using SkiaSharp;

namespace Keras.Tests.KerasUtils;

/// <summary>A generated image directory of 3 classes with PNG/JPEG (written with SkiaSharp), BMP/GIF (Pillow-made
/// golden files), odd sizes, an uppercase extension, a nested folder, a non-image file, a hidden folder and a
/// top-level image. Every image is one gray level, so a decoded pixel tells which file it came from.</summary>
internal static class ImageFolder
{
    /// <summary>Gray level → class index of the 9 class images, in Keras' sorted order.</summary>
    public static readonly (int Gray, int Label)[] SortedFiles =
        [(20, 0), (40, 0), (60, 0), (200, 1), (80, 1), (100, 1), (220, 2), (120, 2), (140, 2)];

    /// <summary>The gray levels of the images outside class folders (top.png, .hidden/h.png).</summary>
    public static readonly int[] OtherGrays = [160, 180];

    /// <summary>Writes the folder under <paramref name="temp"/> and returns its path.</summary>
    public static string Create(TempFolder temp)
    {
        Write(temp.File("photos/bird/b1.png"), 7, 5, 20, SKEncodedImageFormat.Png);
        Write(temp.File("photos/bird/b2.PNG"), 9, 11, 40, SKEncodedImageFormat.Png);
        Write(temp.File("photos/bird/b3.jpg"), 10, 6, 60, SKEncodedImageFormat.Jpeg);
        File.Copy(UtilsGolden.Image("solid200.bmp"), temp.File("photos/cat/c1.bmp"));
        Write(temp.File("photos/cat/c2.png"), 13, 3, 80, SKEncodedImageFormat.Png);
        Write(temp.File("photos/cat/c3.jpeg"), 8, 8, 100, SKEncodedImageFormat.Jpeg);
        File.Copy(UtilsGolden.Image("solid220.gif"), temp.File("photos/dog/d1.gif"));
        Write(temp.File("photos/dog/d2.png"), 6, 6, 120, SKEncodedImageFormat.Png);
        File.WriteAllText(temp.File("photos/dog/notes.txt"), "not an image");
        Write(temp.File("photos/dog/more/d3.png"), 3, 7, 140, SKEncodedImageFormat.Png);
        Write(temp.File("photos/top.png"), 4, 4, 160, SKEncodedImageFormat.Png);
        Write(temp.File("photos/.hidden/h.png"), 4, 4, 180, SKEncodedImageFormat.Png);
        return Path.Combine(temp.Path, "photos");
    }

    /// <summary>The mean of an image tensor (H, W, C), rounded: its file's gray level.</summary>
    public static int Gray(Tensor image) => (int)Math.Round(image.mean().ToSingle());

    private static void Write(string path, int width, int height, byte gray, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        bitmap.Erase(new SKColor(gray, gray, gray));
        using var data = bitmap.Encode(format, 100);
        using var file = File.Create(path);
        data.SaveTo(file);
    }
}
