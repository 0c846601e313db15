using System.Globalization;
using System.Text;
using Keras.Training;

namespace Keras;

public abstract partial class Model
{
    /// <summary>Prints Keras' summary table: each layer's name (type), output shape and parameter count, then totals.</summary>
    /// <param name="lineLength">Total width. Defaults to Keras' 88 (108 with a "Connected to" column), narrowed to the
    /// terminal (76 when not a terminal).</param>
    /// <param name="printFn">Where each line goes. Defaults to <see cref="Console.WriteLine(string)"/>.</param>
    /// <param name="expandNested">List the layers of nested models under them, indented. Defaults to false.</param>
    public void Summary(int? lineLength = null, Action<string>? printFn = null, bool expandNested = false)
    {
        printFn ??= Console.WriteLine;
        foreach (var line in SummaryText(lineLength, expandNested).TrimEnd('\n').Split('\n'))
        {
            printFn(line);
        }
    }

    /// <summary>The text <see cref="Summary"/> prints.</summary>
    /// <param name="lineLength">Total width; see <see cref="Summary"/>.</param>
    /// <param name="expandNested">List the layers of nested models; see <see cref="Summary"/>.</param>
    /// <returns>The summary.</returns>
    public string SummaryText(int? lineLength = null, bool expandNested = false)
    {
        bool connections = !SummaryIsSequentialLike;
        int width = lineLength ?? DefaultLineLength(connections ? 108 : 88);
        var widths = SummaryTable.ColumnWidths(width, connections ? [0.30, 0.56, 0.74, 1.0] : [0.45, 0.80, 1.0]);
        var rows = ExpandRows(SummaryRows(), expandNested, 0)
            .Select(r => connections
                ? new[] { r.Name, r.OutputShape, r.Params, r.ConnectedTo ?? "-" }
                : new[] { r.Name, r.OutputShape, r.Params })
            .ToList();
        var sb = new StringBuilder();
        sb.Append($"Model: \"{Name}\"\n");
        sb.Append(connections
            ? SummaryTable.Render(["Layer (type)", "Output Shape", "Param #", "Connected to"], rows, widths,
                [false, false, true, false])
            : SummaryTable.Render(["Layer (type)", "Output Shape", "Param #"], rows, widths, [false, false, true]));
        long trainable = TrainableWeights.Sum(v => v.Shape.NumElements ?? 0);
        long nonTrainable = NonTrainableWeights.Sum(v => v.Shape.NumElements ?? 0);
        // Keras counts the optimizer's `iteration` and `learning_rate` variables too (no `learning_rate` with a
        // schedule), once it is built.
        long optimizer = Optimizer is { Built: true } built
            ? built.Variables.Sum(v => v.Shape.NumElements ?? 0) + (built.Schedule is null ? 2 : 1)
            : 0;
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

    /// <summary>The rows of the summary: each layer with its output shape text (<c>"?"</c> when unknown) and, for graph
    /// models, what it is connected to (<c>dense[0][0]</c>).</summary>
    /// <returns>The rows, in order.</returns>
    protected virtual IEnumerable<(Layer Layer, string OutputShape, string? ConnectedTo)> SummaryRows() =>
        Layers.Select(l => (l, l.InboundNodes.Count > 0 ? FormatShapes(l.InboundNodes[^1].Outputs) : "?", (string?)null));

    /// <summary>Whether the summary is a plain 3-column table (no "Connected to"), as Keras decides for
    /// Sequential, subclassed and chain-shaped graph models.</summary>
    protected virtual bool SummaryIsSequentialLike => true;

    /// <summary>Keras' output-shape text: <c>(None, 64)</c>, or a list for several outputs.</summary>
    /// <param name="outputs">The symbolic outputs.</param>
    /// <returns>The text.</returns>
    protected static string FormatShapes(IReadOnlyList<KerasTensor> outputs) => outputs.Count == 1
        ? outputs[0].Shape.ToString()
        : "[" + string.Join(", ", outputs.Select(o => o.Shape.ToString())) + "]";

    private static IEnumerable<(string Name, string OutputShape, string Params, string? ConnectedTo)> ExpandRows(
        IEnumerable<(Layer Layer, string OutputShape, string? ConnectedTo)> rows, bool expandNested, int depth)
    {
        string indent = depth == 0 ? "" : string.Concat(Enumerable.Repeat("   ", depth - 1)) + "   └ ";
        foreach (var (layer, shape, connected) in rows)
        {
            yield return ($"{indent}{layer.Name} ({layer.ClassName})", shape, ParamText(layer), connected);
            if (expandNested && layer is Model nested)
            {
                foreach (var row in ExpandRows(nested.SummaryRows(), true, depth + 1))
                {
                    yield return row;
                }
            }
        }
    }

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
