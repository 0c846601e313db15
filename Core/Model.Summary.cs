using System.Globalization;
using System.Text;
using Keras.Training;

namespace Keras;

public abstract partial class Model
{
    /// <summary>Prints Keras' summary table: each layer's name (type), output shape and parameter count, then totals.</summary>
    /// <param name="lineLength">Total width. Defaults to Keras' 88, narrowed to the terminal (76 when not a terminal).</param>
    /// <param name="printFn">Where each line goes. Defaults to <see cref="Console.WriteLine(string)"/>.</param>
    public void Summary(int? lineLength = null, Action<string>? printFn = null)
    {
        printFn ??= Console.WriteLine;
        foreach (var line in SummaryText(lineLength).TrimEnd('\n').Split('\n'))
        {
            printFn(line);
        }
    }

    /// <summary>The text <see cref="Summary"/> prints.</summary>
    /// <param name="lineLength">Total width; see <see cref="Summary"/>.</param>
    /// <returns>The summary.</returns>
    public string SummaryText(int? lineLength = null)
    {
        int width = lineLength ?? DefaultLineLength(88);
        var widths = SummaryTable.ColumnWidths(width, [0.45, 0.80, 1.0]);
        var rows = SummaryRows()
            .Select(r => new[] { $"{r.Layer.Name} ({r.Layer.ClassName})", r.OutputShape, ParamText(r.Layer) })
            .ToList();
        var sb = new StringBuilder();
        sb.Append($"Model: \"{Name}\"\n");
        sb.Append(SummaryTable.Render(["Layer (type)", "Output Shape", "Param #"], rows, widths, [false, false, true]));
        long trainable = TrainableWeights.Sum(v => v.Shape.NumElements ?? 0);
        long nonTrainable = NonTrainableWeights.Sum(v => v.Shape.NumElements ?? 0);
        // Keras counts the optimizer's `iteration` and `learning_rate` variables too, once it is built.
        long optimizer = Optimizer is { Built: true } built ? built.Variables.Sum(v => v.Shape.NumElements ?? 0) + 2 : 0;
        long total = trainable + nonTrainable + optimizer;
        sb.Append($" Total params: {Count(total)} ({SummaryTable.ReadableMemorySize(total * 4.0)})\n");
        sb.Append($" Trainable params: {Count(trainable)} ({SummaryTable.ReadableMemorySize(trainable * 4.0)})\n");
        sb.Append($" Non-trainable params: {Count(nonTrainable)} ({SummaryTable.ReadableMemorySize(nonTrainable * 4.0)})\n");
        if (optimizer > 0)
        {
            sb.Append($" Optimizer params: {Count(optimizer)} ({SummaryTable.ReadableMemorySize(optimizer * 4.0)})\n");
        }
        return sb.ToString();
    }

    /// <summary>The rows of the summary: each layer with its output shape text (<c>"?"</c> when unknown).</summary>
    /// <returns>The rows, in order.</returns>
    protected virtual IEnumerable<(Layer Layer, string OutputShape)> SummaryRows() =>
        Layers.Select(l => (l, "?"));

    private static string ParamText(Layer layer) =>
        layer.Built ? Count(layer.Weights.Sum(v => v.Shape.NumElements ?? 0)) : "0 (unbuilt)";

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static int DefaultLineLength(int preferred)
    {
        int columns = 80;
        try
        {
            if (!Console.IsOutputRedirected && Console.WindowWidth > 0)
            {
                columns = Console.WindowWidth;
            }
        }
        catch (IOException)
        {
        }
        return Math.Min(preferred, columns - 4);
    }
}
