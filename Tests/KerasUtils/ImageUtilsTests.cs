using SkiaSharp;

namespace Keras.Tests.KerasUtils;

public sealed class ImageUtilsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> PillowCases() =>
        [.. UtilsGolden.Cases("load_img").Select(c => (string)c["name"]!)];

    [Theory]
    [MemberData(nameof(PillowCases))]
    public void LoadImg_MatchesKerasOnPillow(string name)
    {
        var c = UtilsGolden.Cases("load_img").Single(c => (string)c["name"]! == name);
        var size = c["target_size"] is { } t ? ((int)t[0]!, (int)t[1]!) : ((int, int)?)null;

        using var image = Keras.Utils.LoadImg(UtilsGolden.Image((string)c["file"]!), (string)c["color_mode"]!, size,
            (string)c["interpolation"]!, (bool)c["keep_aspect_ratio"]!);
        var x = Keras.Utils.ImgToArray(image);

        Assert.Equal(UtilsGolden.Ints(c["shape"]), new[] { x.GetLength(0), x.GetLength(1), x.GetLength(2) });
        Assert.Equal(UtilsGolden.Ints(c["values"]), x.Cast<float>().Select(v => (int)v));
    }

    [Fact]
    public void ArrayToImg_ScalesAsKeras()
    {
        var golden = UtilsGolden.Root["array_to_img"]!;
        var values = UtilsGolden.Doubles(golden["x"]);
        var x = new float[3, 4, 3];
        Buffer.BlockCopy(values.Select(v => (float)v).ToArray(), 0, x, 0, values.Length * sizeof(float));

        using var image = Keras.Utils.ArrayToImg(x);

        Assert.Equal(UtilsGolden.Ints(golden["expected"]), Keras.Utils.ImgToArray(image).Cast<float>().Select(v => (int)v));
    }

    [Fact]
    public void ImgToArray_ChannelsFirst_TransposesAndKeepsModes()
    {
        using var rgb = Keras.Utils.LoadImg(UtilsGolden.Image("rgb.png"));
        using var gray = Keras.Utils.LoadImg(UtilsGolden.Image("rgb.png"), colorMode: "grayscale");
        using var rgba = Keras.Utils.LoadImg(UtilsGolden.Image("rgb.png"), colorMode: "rgba");

        var last = Keras.Utils.ImgToArray(rgb);
        var first = Keras.Utils.ImgToArray(rgb, dataFormat: "channels_first");

        Assert.Equal((9, 13, 3), (last.GetLength(0), last.GetLength(1), last.GetLength(2)));
        Assert.Equal((3, 9, 13), (first.GetLength(0), first.GetLength(1), first.GetLength(2)));
        Assert.Equal(last[4, 7, 2], first[2, 4, 7]);
        Assert.Equal(1, Keras.Utils.ImgToArray(gray).GetLength(2));
        var alpha = Keras.Utils.ImgToArray(rgba);
        Assert.Equal(4, alpha.GetLength(2));
        Assert.Equal(255f, alpha[3, 3, 3]);
    }

    [Theory]
    [InlineData(1, "grayscale")]
    [InlineData(3, "rgb")]
    [InlineData(4, "rgba")]
    public void SaveImg_Png_RoundTripsExactly(int channels, string colorMode)
    {
        var x = RandomPixels(7, 5, channels, seed: channels);
        var path = _temp.File($"img{channels}.png");

        Keras.Utils.SaveImg(path, x, scale: false);
        using var loaded = Keras.Utils.LoadImg(path, colorMode);

        Assert.Equal(x, Keras.Utils.ImgToArray(loaded));
    }

    [Fact]
    public void SaveImg_Jpeg_RoundTripsCloselyAndDropsAlpha()
    {
        var x = new float[16, 16, 4];
        for (int y = 0; y < 16; y++)
        {
            for (int i = 0; i < 16; i++)
            {
                x[y, i, 0] = 8 * y;
                x[y, i, 1] = 8 * i;
                x[y, i, 2] = 100;
                x[y, i, 3] = 30;
            }
        }
        var path = _temp.File("photo.jpg");

        Keras.Utils.SaveImg(path, x, scale: false, quality: 95);
        using var loaded = Keras.Utils.LoadImg(path, colorMode: "rgba");
        var back = Keras.Utils.ImgToArray(loaded);

        var errors = new List<float>();
        for (int y = 0; y < 16; y++)
        {
            for (int i = 0; i < 16; i++)
            {
                errors.Add(Math.Abs(back[y, i, 0] - x[y, i, 0]));
                errors.Add(Math.Abs(back[y, i, 1] - x[y, i, 1]));
                Assert.Equal(255f, back[y, i, 3]);
            }
        }
        Assert.InRange(errors.Average(), 0, 3);
        Assert.InRange(errors.Max(), 0, 16);
    }

    [Fact]
    public void SaveImg_ChannelsFirstAndFileFormat()
    {
        var x = RandomPixels(3, 4, 3, seed: 9);
        var first = new float[3, 3, 4];
        for (int k = 0; k < 3; k++)
        {
            for (int y = 0; y < 3; y++)
            {
                for (int i = 0; i < 4; i++)
                {
                    first[k, y, i] = x[y, i, k];
                }
            }
        }
        var path = _temp.File("no-extension");

        Keras.Utils.SaveImg(path, first, dataFormat: "channels_first", fileFormat: "png", scale: false);
        using var loaded = Keras.Utils.LoadImg(path);

        Assert.Equal(x, Keras.Utils.ImgToArray(loaded));
    }

    [Fact]
    public void SaveImg_RejectsFormatsSkiaCannotEncode()
    {
        var error = Assert.Throws<NotSupportedException>(() =>
            Keras.Utils.SaveImg(_temp.File("a.bmp"), new float[2, 2, 3]));

        Assert.Contains("a.bmp", error.Message);
        Assert.False(File.Exists(_temp.File("a.bmp")));
    }

    [Fact]
    public void Errors_NameTheArgumentOrFile()
    {
        var notImage = _temp.File("notes.png");
        File.WriteAllText(notImage, "not an image");

        Assert.Contains(notImage, Assert.Throws<InvalidDataException>(() => Keras.Utils.LoadImg(notImage)).Message);
        Assert.Contains("color_mode must be", Assert.Throws<ArgumentException>(() =>
            Keras.Utils.LoadImg(UtilsGolden.Image("rgb.png"), colorMode: "cmyk")).Message);
        Assert.Contains("Invalid interpolation method area", Assert.Throws<ArgumentException>(() =>
            Keras.Utils.LoadImg(UtilsGolden.Image("rgb.png"), targetSize: (3, 3), interpolation: "area")).Message);
        Assert.Contains("Unsupported channel number: 2", Assert.Throws<ArgumentException>(() =>
            Keras.Utils.ArrayToImg(new float[2, 2, 2])).Message);
        Assert.Throws<NotSupportedException>(() => Keras.Utils.ArrayToImg(new float[,,] { { { 300 } } }, scale: false));
    }

    private static float[,,] RandomPixels(int height, int width, int channels, int seed)
    {
        var random = new Random(seed);
        var x = new float[height, width, channels];
        for (int y = 0; y < height; y++)
        {
            for (int i = 0; i < width; i++)
            {
                for (int k = 0; k < channels; k++)
                {
                    x[y, i, k] = random.Next(256);
                }
            }
        }
        return x;
    }
}
