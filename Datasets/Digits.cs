using System.Globalization;
using System.IO.Compression;

namespace Keras.Datasets;

/// <summary>The UCI handwritten digits: 1,797 images of 8x8 grey levels labelled 0 to 9, embedded in this assembly
/// so they load offline.</summary>
/// <remarks>
/// <para>Pixels are stored as 0 to 16 and returned rescaled to 0 to 255 as <c>round(v * 255 / 16)</c>, so the same
/// <c>/ 255</c> preprocessing as for <see cref="Mnist"/> applies. The split is fixed: the rows are shuffled with numpy's
/// <c>RandomState(113)</c>, as Keras' datasets are, then the first 1,437 are the training set and the last 360 the test
/// set (the file is ordered by writer, so an unshuffled split would test on unseen writers only).</para>
/// <para>Data: "Optical Recognition of Handwritten Digits" by E. Alpaydin and C. Kaynak (1998), UCI Machine Learning
/// Repository (https://archive.ics.uci.edu/dataset/80/optical+recognition+of+handwritten+digits), the rows
/// scikit-learn ships as <c>load_digits</c>; licensed under CC BY 4.0
/// (https://creativecommons.org/licenses/by/4.0/).</para>
/// </remarks>
/// <example><code>
/// var ((xTrain, yTrain), (xTest, yTest)) = Digits.LoadData();
/// // xTrain: byte[1437, 8, 8] with values 0..255; yTest: byte[360] with values 0..9.
/// </code></example>
public static class Digits
{
    /// <summary>The number of rows in the training split.</summary>
    internal const int TrainCount = 1437;

    /// <summary>The seed of the fixed shuffle, Keras' dataset seed.</summary>
    internal const uint ShuffleSeed = 113;

    /// <summary>The number of rows in the embedded file.</summary>
    internal const int Count = 1797;

    /// <summary>The manifest name of the embedded gzip'd CSV.</summary>
    internal const string ResourceName = "Keras.Datasets.digits.csv.gz";

    private const int Side = 8;
    private const int MaxValue = 16;

    private static readonly Lazy<(byte[,,] Images, byte[] Labels)> _all = new(Parse);

    /// <summary>Loads the digits from the embedded copy (parsed once per process).</summary>
    /// <returns>Fresh arrays: <c>Train</c> has X of shape (1437, 8, 8) and Y of length 1437; <c>Test</c> has X of
    /// shape (360, 8, 8) and Y of length 360. Pixels are 0 to 255, labels 0 to 9.</returns>
    public static ((byte[,,] X, byte[] Y) Train, (byte[,,] X, byte[] Y) Test) LoadData()
    {
        (byte[,,] images, byte[] labels) = _all.Value;
        return (
            (Rows(images, 0, TrainCount), labels[..TrainCount]),
            (Rows(images, TrainCount, Count - TrainCount), labels[TrainCount..]));
    }

    /// <summary>Scales a 0..16 value to 0..255 as <c>round(v * 255 / 16)</c>.</summary>
    /// <param name="value">The stored value.</param>
    /// <returns>The pixel.</returns>
    internal static byte Scale(int value) => (byte)Math.Round(value * 255.0 / MaxValue, MidpointRounding.ToEven);

    private static byte[,,] Rows(byte[,,] images, int start, int count)
    {
        var rows = new byte[count, Side, Side];
        Buffer.BlockCopy(images, start * Side * Side, rows, 0, count * Side * Side);
        return rows;
    }

    /// <summary>Row <c>i</c> of the returned data is row <c>Order[i]</c> of the embedded file.</summary>
    internal static int[] Order => new NumpyRandomState(ShuffleSeed).Permutation(Count);

    private static (byte[,,] Images, byte[] Labels) Parse()
    {
        var (images, labels) = ParseFileOrder();
        var order = Order;
        var shuffledImages = new byte[Count, Side, Side];
        var shuffledLabels = new byte[Count];
        for (int i = 0; i < Count; i++)
        {
            Buffer.BlockCopy(images, order[i] * Side * Side, shuffledImages, i * Side * Side, Side * Side);
            shuffledLabels[i] = labels[order[i]];
        }
        return (shuffledImages, shuffledLabels);
    }

    private static (byte[,,] Images, byte[] Labels) ParseFileOrder()
    {
        using Stream resource = typeof(Digits).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(new GZipStream(resource, CompressionMode.Decompress));
        var images = new byte[Count, Side, Side];
        var labels = new byte[Count];
        int row = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }
            string[] cells = line.Split(',');
            if (row >= Count || cells.Length != Side * Side + 1)
            {
                throw new InvalidDataException($"{ResourceName} line {row + 1} is not 64 pixels and a label.");
            }
            for (int i = 0; i < Side * Side; i++)
            {
                images[row, i / Side, i % Side] = Scale(Cell(cells[i], MaxValue, row));
            }
            labels[row] = (byte)Cell(cells[^1], 9, row);
            row++;
        }
        return row == Count
            ? (images, labels)
            : throw new InvalidDataException($"{ResourceName} has {row} rows; expected {Count}.");
    }

    private static int Cell(string text, int max, int row) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value <= max
            ? value
            : throw new InvalidDataException($"{ResourceName} line {row + 1} has '{text}'; expected 0 to {max}.");
}
