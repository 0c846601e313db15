using System.Text.RegularExpressions;
using Keras.Callbacks;
using static Keras.Tests.Callbacks.CallbackHarness;

namespace Keras.Tests.Callbacks;

// Keras 3's CallbackList/ProgbarLogger rules: a ProgbarLogger passed by the user replaces the default one (no second
// bar); the default is added only when verbose != 0; the bar's verbosity comes from the run's `verbose` (0 prints
// nothing); validation inside Fit is silent; Evaluate and Predict show their own bar; the final update shows the
// target. Console.Out is swapped, so these tests run alone.
[Collection(SerialCollection.Name)]
public sealed class ProgbarLoggerTests
{
    private static readonly Regex FinalBar = new(@"^4/4 ━{20} \d+s \d+(us|ms|s)/step - loss: \d\.\d{4}$");

    [Fact]
    public void Fit_UserLogger_ReplacesTheDefaultBar()
    {
        var output = new StringWriter();
        string console = CaptureConsole(() => FitTiny(verbose: 1, new ProgbarLogger(output)));
        Assert.Equal("", console);
        var lines = Lines(output);
        Assert.Equal(["Epoch 1/2", "Epoch 2/2"], new[] { lines[0], lines[2] });
        Assert.Equal(4, lines.Length);
        Assert.Matches(FinalBar, lines[3]);
    }

    [Fact]
    public void Fit_Verbose1_AddsTheDefaultBarOnTheConsole()
    {
        string console = CaptureConsole(() => FitTiny(verbose: 1));
        var lines = console.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => Regex.Replace(l, "\u001b\\[[0-9;]*m", "").Split('\r')[^1].TrimEnd()).ToArray();
        Assert.Equal("Epoch 1/2", lines[0]);
        Assert.Matches(FinalBar, lines[^1]);
    }

    [Fact]
    public void Fit_Verbose0_PrintsNothing_EvenWithAUserLogger()
    {
        var output = new StringWriter();
        string console = CaptureConsole(() =>
        {
            FitTiny(verbose: 0, new ProgbarLogger(output));
            FitTiny(verbose: 0);
        });
        Assert.Equal("", console);
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void Fit_Verbose2_OneLinePerEpoch_ValidationIsSilent()
    {
        var output = new StringWriter();
        FitTiny(verbose: 2, new ProgbarLogger(output), validation: true);
        var lines = Lines(output);
        Assert.Equal(4, lines.Length);
        Assert.Matches(new Regex(@"^4/4 - \d+s - \d+(us|ms|s)/step - loss: \d\.\d{4} - val_loss: \d\.\d{4}$"),
            lines[1]);
    }

    [Fact]
    public void Fit_StoppedMidEpoch_FinalUpdateShowsTheTarget()
    {
        var output = new StringWriter();
        LambdaCallback? stop = null;
        stop = new LambdaCallback(onTrainBatchEnd: (batch, _) =>
        {
            if (batch == 1)
            {
                stop!.Model!.StopTraining = true;
            }
        });
        FitTiny(verbose: 1, new ProgbarLogger(output), extra: stop);
        var lines = Lines(output);
        Assert.Equal(2, lines.Length);
        Assert.Matches(FinalBar, lines[1]);
    }

    [Fact]
    public void EvaluateAndPredict_UserLoggerReplacesDefault_Verbose2IsOneLine()
    {
        using var model = TinyClassifier(learningRate: 0.01);
        var (x, y) = RandomData(16);
        var output = new StringWriter();
        string console = CaptureConsole(() =>
        {
            model.Evaluate(x, y, batchSize: 4, verbose: 2, callbacks: [new ProgbarLogger(output)]);
            using var predictions = model.Predict(x, batchSize: 4, verbose: 1, callbacks: [new ProgbarLogger(output)]);
        });
        Assert.Equal("", console);
        var lines = Lines(output);
        Assert.Equal(2, lines.Length);
        Assert.Matches(new Regex(@"^4/4 - \d+s - \d+(us|ms|s)/step - loss: \d\.\d{4}$"), lines[0]);
        Assert.Matches(new Regex(@"^4/4 ━{20} \d+s \d+(us|ms|s)/step$"), lines[1]);
    }

    [Fact]
    public void EvaluateAndPredict_Verbose0_PrintNothing()
    {
        using var model = TinyClassifier(learningRate: 0.01);
        var (x, y) = RandomData(16);
        string console = CaptureConsole(() =>
        {
            model.Evaluate(x, y, batchSize: 4, verbose: 0);
            using var predictions = model.Predict(x, batchSize: 4, verbose: 0);
        });
        Assert.Equal("", console);
    }

    private static void FitTiny(int verbose, ProgbarLogger? logger = null, bool validation = false,
        Callback? extra = null)
    {
        using var model = TinyClassifier(learningRate: 0.01);
        var (x, y) = RandomData(16);
        var callbacks = new List<Callback>();
        if (logger is not null)
        {
            callbacks.Add(logger);
        }
        if (extra is not null)
        {
            callbacks.Add(extra);
        }
        model.Fit(x, y, epochs: 2, batchSize: 4, verbose: verbose, callbacks: callbacks,
            validationData: validation ? (x, y) : null);
    }

    private static string[] Lines(StringWriter output) =>
        output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string CaptureConsole(Action action)
    {
        var original = Console.Out;
        var console = new StringWriter();
        Console.SetOut(console);
        try
        {
            action();
        }
        finally
        {
            Console.SetOut(original);
        }
        return console.ToString();
    }
}
