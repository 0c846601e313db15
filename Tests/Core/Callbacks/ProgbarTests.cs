using System.Text.RegularExpressions;
using Keras.Callbacks;
using Keras.Layers;

namespace Keras.Tests.Core.Callbacks;

public class ProgbarTests
{
    [Theory]
    [InlineData(0.30121, "0.3012")]
    [InlineData(12.5, "12.5000")]
    [InlineData(0.0001234, "1.2340e-04")]
    [InlineData(-0.5, "-0.5000")]
    [InlineData(0.0, "0.0000e+00")]
    public void Values_AreFormattedLikeKeras(double value, string expected) =>
        Assert.Equal(expected, Progbar.FormatValue(value));

    [Fact]
    public void Verbose1_Redirected_WritesEpochHeaderAndOneFinalLinePerEpoch()
    {
        var output = new StringWriter();
        var (x, y) = Support.TestModels.Classification(40, 4, 2);
        var model = new Keras.Sequential(new Input([4]), new Dense(2, activation: "softmax"));
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy");
        model.Fit(x, y, epochs: 2, batchSize: 10, validationSplit: 0.5, callbacks: [new ProgbarLogger(output)]);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal("Epoch 1/2", lines[0]);
        Assert.Matches(new Regex(@"^2/2 ━{20} \d+s \d+(us|ms|s)/step - loss: \d\.\d{4} - val_loss: \d\.\d{4}$"), lines[1]);
        Assert.Equal("Epoch 2/2", lines[2]);
        Assert.DoesNotContain('\u001b', output.ToString());
    }

    [Fact]
    public void Verbose2_WritesOneLinePerEpochInKerasFormat()
    {
        var output = new StringWriter();
        var (x, y) = Support.TestModels.Classification(30, 4, 2);
        var model = new Keras.Sequential(new Input([4]), new Dense(2, activation: "softmax"));
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy");
        model.Fit(x, y, epochs: 1, batchSize: 10, verbose: 2, callbacks: [new ProgbarLogger(output)]);
        Assert.Matches(new Regex(@"^3/3 - \d+s - \d+(us|ms|s)/step - loss: \d\.\d{4}\n$"), output.ToString());
    }

    [Fact]
    public void LiveBar_RedrawsInPlace_WithPartialBarAndEta()
    {
        var output = new StringWriter();
        var bar = new Progbar(target: 4, verbose: 1, output: output, dynamicDisplay: true);
        bar.Update(1, [("loss", 1.0)]);
        Thread.Sleep(60);
        bar.Update(2, [("loss", 0.5)]);
        bar.Update(4, [("loss", 0.25)]);
        string text = output.ToString();
        Assert.StartsWith("\r", text);
        Assert.Matches(new Regex(@"- loss: 0\.2500 *\n$"), text);
        Assert.Contains("2/4", Regex.Replace(text, "\u001b\\[[0-9;]*m", ""));
        Assert.EndsWith("\n", text);
    }

    [Fact]
    public void EvaluateAndPredict_ShowTheirOwnBar_WithoutEpochLine()
    {
        var output = new StringWriter();
        var model = new Keras.Sequential(new Input([4]), new Dense(2, activation: "softmax"));
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy");
        model.Evaluate(new float[20, 4], new byte[20], batchSize: 10, callbacks: [new ProgbarLogger(output)]);
        using var p = model.Predict(new float[20, 4], batchSize: 10, callbacks: [new ProgbarLogger(output)]);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches(new Regex(@"^2/2 ━{20} \d+s \d+(us|ms|s)/step - loss: \d\.\d{4}$"), lines[0]);
        Assert.Matches(new Regex(@"^2/2 ━{20} \d+s \d+(us|ms|s)/step$"), lines[1]);
    }

    [Fact]
    public void Logs_AreSortedAndLazy()
    {
        int computed = 0;
        var logs = new Logs();
        logs["val_loss"] = 1;
        logs.SetLazy("accuracy", () => { computed++; return 0.5; });
        logs["loss"] = 2;
        Assert.Equal(0, computed);
        Assert.Equal(["accuracy", "loss", "val_loss"], logs.Keys.ToArray());
        Assert.Equal(0.5, logs["accuracy"]);
        Assert.Equal(0.5, logs["accuracy"]);
        Assert.Equal(1, computed);
        Assert.Contains("Available: accuracy, loss, val_loss", Assert.Throws<KeyNotFoundException>(() => logs["nope"]).Message);
    }
}
