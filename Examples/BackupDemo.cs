using System.Globalization;
using System.Text;
using Keras.Callbacks;
using Keras.Layers;

namespace Keras.Examples;

/// <summary>Hidden <c>backup-demo</c> command: a small seeded training run (Dense with Dropout, shuffled, validation
/// split) for the tests that kill a training process and restart it with <see cref="BackupAndRestore"/>.</summary>
/// <remarks>Options: <c>--out FILE</c> (required: final weights as hex and the History, written at the end),
/// <c>--backup DIR</c> (use BackupAndRestore there; without it the run is uninterrupted), <c>--save-freq epoch|N</c>,
/// <c>--epochs N</c> (6), <c>--delay-ms N</c> (per batch, 0). Prints <c>batch EPOCH STEP</c> after every batch and
/// <c>epoch EPOCH</c> after every epoch, flushed, so a test can kill it at a known point.</remarks>
internal static class BackupDemo
{
    internal static int Run(string[] args)
    {
        string output = ExampleArgs.Option(args, "--out")
            ?? throw new ArgumentException("backup-demo needs --out FILE.");
        string? backupDir = ExampleArgs.Option(args, "--backup");
        string saveFreq = ExampleArgs.Option(args, "--save-freq") ?? "epoch";
        int epochs = ExampleArgs.IntOption(args, "--epochs", 6);
        int delayMs = ExampleArgs.IntOption(args, "--delay-ms", 0);

        Utils.SetRandomSeed(7);
        var (x, y) = Data();
        var model = new Sequential(new Input([8]), new Dense(16, activation: "relu"), new Dropout(0.3),
            new Dense(3, activation: "softmax"));
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
        var callbacks = new List<Callback>();
        if (backupDir is not null)
        {
            callbacks.Add(new BackupAndRestore(backupDir,
                saveFreq == "epoch" ? "epoch" : int.Parse(saveFreq, CultureInfo.InvariantCulture)));
        }
        int currentEpoch = 0;
        callbacks.Add(new LambdaCallback(
            onEpochBegin: (epoch, _) => currentEpoch = epoch,
            onTrainBatchEnd: (step, _) => Report($"batch {currentEpoch} {step}", delayMs),
            onEpochEnd: (epoch, _) => Report($"epoch {epoch}", 0)));
        var history = model.Fit(x, y, batchSize: 16, epochs: epochs, validationSplit: 0.25, shuffle: true,
            verbose: 0, callbacks: callbacks);
        File.WriteAllText(output, Describe(model, history));
        Console.WriteLine("done");
        return 0;
    }

    private static void Report(string line, int delayMs)
    {
        Console.WriteLine(line);
        Console.Out.Flush();
        if (delayMs > 0)
        {
            Thread.Sleep(delayMs);
        }
    }

    /// <summary>160 samples of 8 features in 3 classes, from a fixed System.Random seed.</summary>
    private static (float[,] X, int[] Y) Data()
    {
        var random = new Random(3);
        var x = new float[160, 8];
        var y = new int[160];
        for (int i = 0; i < 160; i++)
        {
            y[i] = i % 3;
            for (int j = 0; j < 8; j++)
            {
                x[i, j] = (float)(random.NextDouble() + (j % 3 == y[i] ? 0.8 : 0.0));
            }
        }
        return (x, y);
    }

    /// <summary>Every weight as the hex of its float bits, then each History key with its values in round-trip
    /// form: two runs agree exactly when the texts are equal.</summary>
    private static string Describe(Model model, History history)
    {
        var text = new StringBuilder();
        foreach (var variable in model.Weights)
        {
            var bits = variable.ToArray().Select(v => BitConverter.SingleToInt32Bits(v).ToString("x8", CultureInfo.InvariantCulture));
            text.AppendLine(CultureInfo.InvariantCulture, $"weight {variable.Path} {string.Join(" ", bits)}");
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"history epoch {string.Join(" ", history.Epoch)}");
        foreach (var (key, values) in history)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"history {key} {string.Join(" ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}");
        }
        return text.ToString();
    }
}
