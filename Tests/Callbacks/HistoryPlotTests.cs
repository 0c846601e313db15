using Keras.Callbacks;
using SkiaSharp;

namespace Keras.Tests.Callbacks;

public sealed class HistoryPlotTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "keras-plot-" + Guid.NewGuid().ToString("N"));

    /// <summary>Deletes the test's temporary directory.</summary>
    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Png_HasOnePanelPerMetric_WithTheTrainAndValidationColours()
    {
        string path = Path.Combine(_directory, "sub", "history.png");
        Recorded(withValidation: true).Plot(path, panelWidth: 400, height: 300);

        using var bitmap = SKBitmap.Decode(path);
        Assert.NotNull(bitmap);
        // loss and accuracy (not learning_rate): two panels side by side.
        Assert.Equal((800, 300), (bitmap.Width, bitmap.Height));
        var train = SKColor.Parse(HistoryPlot.TrainColor);
        var validation = SKColor.Parse(HistoryPlot.ValidationColor);
        foreach (var (from, to) in new[] { (0, 400), (400, 800) })
        {
            Assert.True(CountPixels(bitmap, train, from, to) > 200, $"train curve in panel x={from}..{to}");
            Assert.True(CountPixels(bitmap, validation, from, to) > 200, $"val curve in panel x={from}..{to}");
        }
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], File.ReadAllBytes(path)[..4]);
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void Png_WithoutValidation_DrawsOnlyTheTrainCurve()
    {
        string path = Path.Combine(_directory, "train.png");
        Recorded(withValidation: false).Plot(path, metrics: ["accuracy"], panelWidth: 300, height: 200);
        using var bitmap = SKBitmap.Decode(path);
        Assert.Equal((300, 200), (bitmap.Width, bitmap.Height));
        Assert.True(CountPixels(bitmap, SKColor.Parse(HistoryPlot.TrainColor), 0, 300) > 100);
        Assert.Equal(0, CountPixels(bitmap, SKColor.Parse(HistoryPlot.ValidationColor), 0, 300));
    }

    [Fact]
    public void Svg_IsWrittenWhenTheSuffixSaysSo()
    {
        string path = Path.Combine(_directory, "history.svg");
        Recorded(withValidation: true).Plot(path);
        string svg = File.ReadAllText(path);
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"960\" height=\"360\">", svg);
        Assert.Equal(3, svg.Split("<svg").Length - 1);
        Assert.Contains("model loss", svg);
        Assert.Contains("model accuracy", svg);
        Assert.Contains("epoch", svg);
    }

    [Fact]
    public void EmptyHistory_IsAClearError()
    {
        string path = Path.Combine(_directory, "empty.png");
        var error = Assert.Throws<InvalidOperationException>(() => new History().Plot(path));
        Assert.Contains("holds no epoch to plot", error.Message);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void BadArguments_AreRejected()
    {
        var history = Recorded(withValidation: true);
        Assert.Contains("Available keys: accuracy, learning_rate, loss, val_accuracy, val_loss",
            Assert.Throws<ArgumentException>(() => history.Plot(Path.Combine(_directory, "a.png"), ["auc"])).Message);
        Assert.Contains("writes .png or .svg files",
            Assert.Throws<ArgumentException>(() => history.Plot(Path.Combine(_directory, "a.jpg"))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => history.Plot(Path.Combine(_directory, "a.png"), height: 0));
        Assert.False(Directory.Exists(_directory));
    }

    /// <summary>A History as Fit records it: five epochs of falling loss and rising accuracy.</summary>
    private static History Recorded(bool withValidation)
    {
        var history = new History();
        history.OnTrainBegin(new Logs());
        for (int epoch = 0; epoch < 5; epoch++)
        {
            var logs = new Logs
            {
                ["loss"] = 1.0 / (epoch + 1),
                ["accuracy"] = 0.5 + 0.09 * epoch,
                ["learning_rate"] = 0.001,
            };
            if (withValidation)
            {
                logs["val_loss"] = 1.2 / (epoch + 1) + 0.1;
                logs["val_accuracy"] = 0.45 + 0.08 * epoch;
            }
            history.OnEpochEnd(epoch, logs);
        }
        return history;
    }

    private static int CountPixels(SKBitmap bitmap, SKColor color, int fromX, int toX)
    {
        int count = 0;
        for (int x = fromX; x < toX; x++)
        {
            for (int y = 0; y < bitmap.Height; y++)
            {
                var pixel = bitmap.GetPixel(x, y);
                if (Math.Abs(pixel.Red - color.Red) + Math.Abs(pixel.Green - color.Green) +
                    Math.Abs(pixel.Blue - color.Blue) < 30)
                {
                    count++;
                }
            }
        }
        return count;
    }
}
