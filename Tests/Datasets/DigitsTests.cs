using System.Globalization;
using System.IO.Compression;
using Keras.Datasets;

namespace Keras.Tests.Datasets;

public class DigitsTests
{
    [Fact]
    public void LoadData_ReturnsFixedSplitWithKerasShapes()
    {
        var ((xTrain, yTrain), (xTest, yTest)) = Digits.LoadData();

        Assert.Equal([1437, 8, 8], Dimensions(xTrain));
        Assert.Equal(1437, yTrain.Length);
        Assert.Equal([360, 8, 8], Dimensions(xTest));
        Assert.Equal(360, yTest.Length);
    }

    [Fact]
    public void LoadData_LabelsAreTheTenDigits()
    {
        var ((_, yTrain), (_, yTest)) = Digits.LoadData();

        Assert.Equal(Enumerable.Range(0, 10), yTrain.Select(y => (int)y).Distinct().Order());
        Assert.Equal(Enumerable.Range(0, 10), yTest.Select(y => (int)y).Distinct().Order());
    }

    [Fact]
    public void LoadData_PixelsAreTheSeventeenLevelsScaledTo255()
    {
        var ((xTrain, _), (xTest, _)) = Digits.LoadData();
        var levels = Enumerable.Range(0, 17).Select(v => (byte)Math.Round(v * 255 / 16.0)).ToHashSet();

        byte[] all = [.. xTrain.Cast<byte>(), .. xTest.Cast<byte>()];

        Assert.All(all, p => Assert.Contains(p, levels));
        Assert.Equal(0, all.Min());
        Assert.Equal(255, all.Max());
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 16)]
    [InlineData(8, 128)]
    [InlineData(15, 239)]
    [InlineData(16, 255)]
    public void Scale_RoundsVTimes255Over16(int value, int expected)
    {
        Assert.Equal(expected, Digits.Scale(value));
    }

    [Fact]
    public void FirstAndLastRows_MatchTheEmbeddedCsvScaled()
    {
        string[] lines = ReadEmbeddedCsv();
        var ((xTrain, yTrain), (xTest, yTest)) = Digits.LoadData();

        Assert.Equal(1797, lines.Length);
        int[] order = Digits.Order;
        Assert.Equal(Enumerable.Range(0, 1797), order.Order());
        AssertRow(lines[order[0]], xTrain, yTrain, 0);
        AssertRow(lines[order[1436]], xTrain, yTrain, 1436);
        AssertRow(lines[order[1437]], xTest, yTest, 0);
        AssertRow(lines[order[^1]], xTest, yTest, 359);
    }

    [Fact]
    public void NumpyShuffle_MatchesNumpyRandomState113()
    {
        // numpy: np.random.RandomState(113).shuffle(np.arange(506)) starts 22, 202, 368, 335, 461, 323, 382, 143
        // (keras-formats.md §6.4, verified there against numpy).
        var permutation = new NumpyRandomState(113).Permutation(506);
        Assert.Equal([22, 202, 368, 335, 461, 323, 382, 143], permutation[..8]);
    }

    [Fact]
    public void LoadData_ReturnsFreshCopiesEachCall()
    {
        var ((xTrain, yTrain), _) = Digits.LoadData();
        byte pixel = xTrain[0, 3, 3];
        byte label = yTrain[0];
        xTrain[0, 3, 3] = (byte)(pixel + 1);
        yTrain[0] = (byte)(label + 1);

        var ((xAgain, yAgain), _) = Digits.LoadData();

        Assert.NotSame(xTrain, xAgain);
        Assert.Equal(pixel, xAgain[0, 3, 3]);
        Assert.Equal(label, yAgain[0]);
    }

    private static void AssertRow(string line, byte[,,] x, byte[] y, int index)
    {
        int[] values = line.Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        for (int i = 0; i < 64; i++)
        {
            Assert.Equal((byte)Math.Round(values[i] * 255 / 16.0, MidpointRounding.ToEven), x[index, i / 8, i % 8]);
        }
        Assert.Equal(values[64], y[index]);
    }

    private static string[] ReadEmbeddedCsv()
    {
        using Stream resource = typeof(Digits).Assembly.GetManifestResourceStream("Keras.Datasets.digits.csv.gz")!;
        using var reader = new StreamReader(new GZipStream(resource, CompressionMode.Decompress));
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static int[] Dimensions(byte[,,] x) => [x.GetLength(0), x.GetLength(1), x.GetLength(2)];
}
