using Keras.Callbacks;
using static Keras.Tests.Callbacks.CallbackHarness;

namespace Keras.Tests.Callbacks;

// Expected files follow Keras 3's csv_logger.py: columns fixed by the first epoch (epoch + sorted keys, plus a val_
// column per key when the first epoch has none), values as Python's str(), csv.excel rows ending in "\r\n".
public sealed class CSVLoggerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("csvlogger-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    [Fact]
    public void Ctor_KerasDefaults()
    {
        var logger = new CSVLogger("log.csv");
        Assert.Equal("log.csv", logger.Filename);
        Assert.Equal(",", logger.Separator);
        Assert.False(logger.Append);
    }

    [Fact]
    public void Fit_WritesHeaderAndOneRowPerEpoch_WithNaValidationColumns()
    {
        string file = PathOf("log.csv");
        var (x, y) = RandomData(12);
        using var model = TinyClassifier(learningRate: 0.05);
        var history = model.Fit(x, y, epochs: 3, batchSize: 4, verbose: 0, callbacks: [new CSVLogger(file)]);
        var losses = history["loss"];
        string expected = "epoch,loss,val_loss\r\n" + string.Concat(
            Enumerable.Range(0, 3).Select(e => $"{e},{PythonFormat.Float(losses[e])},NA\r\n"));
        Assert.Equal(expected, File.ReadAllText(file));
        Assert.NotEqual(losses[0], losses[2]);
    }

    [Fact]
    public void Fit_ValuesArePrintedAsPythonStr_AndValidationKeysAreNotDoubled()
    {
        string file = PathOf("log.csv");
        var (x, y) = RandomData(16);
        using var model = TinyClassifier(learningRate: 0.05);
        // Runs before the logger: fixed values whose Python spelling is known.
        var fixedValues = new LambdaCallback(onEpochEnd: (epoch, logs) =>
        {
            logs["loss"] = epoch == 0 ? 0.1 : 1e-05;
            logs["val_loss"] = epoch == 0 ? 2.0 : double.NaN;
            logs["a"] = 1e16;
        });
        model.Fit(x, y, epochs: 2, batchSize: 4, validationSplit: 0.25, verbose: 0,
            callbacks: [fixedValues, new CSVLogger(file)]);
        Assert.Equal("epoch,a,loss,val_loss\r\n0,1e+16,0.1,2.0\r\n1,1e+16,1e-05,nan\r\n", File.ReadAllText(file));
    }

    [Fact]
    public void Fit_Separator_QuotesFieldsThatHoldIt()
    {
        string file = PathOf("log.csv");
        var (x, y) = RandomData(8);
        using var model = TinyClassifier(learningRate: 0.05);
        var fixedValues = new LambdaCallback(onEpochEnd: (_, logs) =>
        {
            logs["loss"] = 0.5;
            logs["a;b"] = 3.0;
        });
        model.Fit(x, y, epochs: 1, batchSize: 4, verbose: 0,
            callbacks: [fixedValues, new CSVLogger(file, separator: ";")]);
        Assert.Equal("epoch;\"a;b\";loss;\"val_a;b\";val_loss\r\n0;3.0;0.5;NA;NA\r\n", File.ReadAllText(file));
    }

    [Fact]
    public void Fit_Append_AddsRowsWithoutRepeatingTheHeader()
    {
        string file = PathOf("log.csv");
        var (x, y) = RandomData(8);
        using var model = TinyClassifier(learningRate: 0.05);
        var fixedLoss = new LambdaCallback(onEpochEnd: (epoch, logs) => logs["loss"] = epoch + 0.5);
        model.Fit(x, y, epochs: 2, batchSize: 4, verbose: 0, callbacks: [fixedLoss, new CSVLogger(file, append: true)]);
        model.Fit(x, y, epochs: 3, initialEpoch: 2, batchSize: 4, verbose: 0,
            callbacks: [fixedLoss, new CSVLogger(file, append: true)]);
        Assert.Equal("epoch,loss,val_loss\r\n0,0.5,NA\r\n1,1.5,NA\r\n2,2.5,NA\r\n", File.ReadAllText(file));
    }

    [Fact]
    public void Fit_WithoutAppend_OverwritesAnExistingFile()
    {
        string file = PathOf("log.csv");
        File.WriteAllText(file, "old,content\r\n9,9\r\n");
        var (x, y) = RandomData(8);
        using var model = TinyClassifier(learningRate: 0.05);
        var fixedLoss = new LambdaCallback(onEpochEnd: (_, logs) => logs["loss"] = 0.25);
        model.Fit(x, y, epochs: 1, batchSize: 4, verbose: 0, callbacks: [fixedLoss, new CSVLogger(file)]);
        Assert.Equal("epoch,loss,val_loss\r\n0,0.25,NA\r\n", File.ReadAllText(file));
    }

    [Fact]
    public void Fit_AppendToAnEmptyFile_WritesTheHeader()
    {
        string file = PathOf("log.csv");
        File.WriteAllText(file, "");
        var (x, y) = RandomData(8);
        using var model = TinyClassifier(learningRate: 0.05);
        var fixedLoss = new LambdaCallback(onEpochEnd: (_, logs) => logs["loss"] = 0.25);
        model.Fit(x, y, epochs: 1, batchSize: 4, verbose: 0,
            callbacks: [fixedLoss, new CSVLogger(file, append: true)]);
        Assert.Equal("epoch,loss,val_loss\r\n0,0.25,NA\r\n", File.ReadAllText(file));
    }

    [Fact]
    public void Fit_FlushesEveryEpoch()
    {
        string file = PathOf("log.csv");
        var (x, y) = RandomData(8);
        using var model = TinyClassifier(learningRate: 0.05);
        var linesSeen = new List<int>();
        // Runs after the logger, while its file is still open.
        var reader = new LambdaCallback(onEpochEnd: (_, _) =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var text = new StreamReader(stream);
            linesSeen.Add(text.ReadToEnd().Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        });
        model.Fit(x, y, epochs: 3, batchSize: 4, verbose: 0, callbacks: [new CSVLogger(file), reader]);
        Assert.Equal([2, 3, 4], linesSeen);
    }

    [Fact]
    public void OnEpochEnd_BeforeTrainBegin_Throws()
    {
        var logger = new CSVLogger(PathOf("log.csv"));
        var e = Assert.Throws<InvalidOperationException>(() => logger.OnEpochEnd(0, LogsOf("loss", 1)));
        Assert.Contains("log.csv", e.Message);
    }
}
