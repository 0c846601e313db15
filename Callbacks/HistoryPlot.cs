using System.Globalization;
using System.Text;
using Keras.Saving;
using SkiaSharp;

namespace Keras.Callbacks;

/// <summary>Draws a <see cref="History"/> as the figure of Keras' tutorials: one panel per metric (<c>loss</c> first),
/// the training curve and its <c>val_</c> curve against the epoch.</summary>
/// <example><code>
/// History history = model.Fit(x, y, epochs: 20, validationSplit: 0.2);
/// history.Plot("history.png");                          // loss and accuracy side by side
/// history.Plot("loss.svg", metrics: ["loss"]);          // one panel, as SVG
/// </code></example>
public static class HistoryPlot
{
    /// <summary>The training curve's colour (matplotlib's first colour, as in Keras' tutorial figures).</summary>
    public static readonly string TrainColor = "#1f77b4";

    /// <summary>The validation curve's colour (matplotlib's second colour).</summary>
    public static readonly string ValidationColor = "#ff7f0e";

    /// <summary>Saves the training curves as a PNG image, or SVG when <paramref name="path"/> ends in
    /// <c>.svg</c>.</summary>
    /// <param name="history">The History returned by <c>Fit</c>.</param>
    /// <param name="path">The image file; written atomically, its directory created when needed.</param>
    /// <param name="metrics">The metrics to draw, one panel each, in order. Defaults to every recorded metric
    /// without a <c>val_</c> prefix, <c>loss</c> first; a metric's <c>val_</c> values, when recorded, share its
    /// panel.</param>
    /// <param name="panelWidth">Each panel's width in pixels. Defaults to 480.</param>
    /// <param name="height">The image's height in pixels. Defaults to 360.</param>
    /// <remarks>The x axis is the 1-based epoch (as Keras prints it). The image is <paramref name="panelWidth"/> times
    /// the number of panels wide.</remarks>
    /// <exception cref="InvalidOperationException">The History holds no epoch.</exception>
    /// <exception cref="ArgumentException">A requested metric is not in the History, the suffix is not
    /// <c>.png</c> or <c>.svg</c>, or a size is not positive.</exception>
    public static void Plot(this History history, string path, IEnumerable<string>? metrics = null,
        int panelWidth = 480, int height = 360)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(panelWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        bool svg = path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase);
        if (!svg && !path.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"history.Plot writes .png or .svg files. Received: path={path}", nameof(path));
        }
        if (history.Epoch.Count == 0 || history.Count == 0)
        {
            throw new InvalidOperationException(
                "The History holds no epoch to plot: plot the History that Fit returns, after at least one epoch.");
        }
        var keys = metrics?.ToList() ?? DefaultMetrics(history);
        foreach (string key in keys.Where(k => !history.ContainsKey(k)))
        {
            throw new ArgumentException(
                $"History has no \"{key}\" to plot. Available keys: {string.Join(", ", history.Keys)}.", nameof(metrics));
        }
        if (keys.Count == 0)
        {
            throw new ArgumentException("history.Plot needs at least one metric to plot.", nameof(metrics));
        }
        var panels = keys.Select(key => Panel(history, key)).ToList();
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
        byte[] content = svg ? ComposeSvg(panels, panelWidth, height) : ComposePng(panels, panelWidth, height);
        AtomicFile.Write(path, stream => stream.Write(content));
    }

    private static List<string> DefaultMetrics(History history)
    {
        // The learning rate (logged by ReduceLROnPlateau and schedules) is a setting, not a metric.
        var keys = history.Keys.Where(k => !k.StartsWith("val_", StringComparison.Ordinal) &&
                                           k is not ("learning_rate" or "lr")).ToList();
        // Validation-only keys (an unusual History) still get a panel of their own.
        keys.AddRange(history.Keys.Where(k => k.StartsWith("val_", StringComparison.Ordinal) &&
                                              !history.ContainsKey(k["val_".Length..])));
        return [.. keys.OrderBy(k => k == "loss" ? 0 : 1).ThenBy(k => k, StringComparer.Ordinal)];
    }

    private static ScottPlot.Plot Panel(History history, string key)
    {
        var plot = new ScottPlot.Plot();
        double[] epochs = history.Epoch.Select(e => e + 1.0).ToArray();
        AddCurve(plot, epochs, history[key], "train", TrainColor);
        string validation = "val_" + key;
        if (!key.StartsWith("val_", StringComparison.Ordinal) && history.TryGetValue(validation, out var values))
        {
            AddCurve(plot, epochs, values, "val", ValidationColor);
        }
        plot.Title("model " + key.Replace('_', ' '));
        plot.XLabel("epoch");
        plot.YLabel(key);
        // The legend goes where the curve is not: above a falling curve (loss), below a rising one (accuracy).
        var curve = history[key];
        plot.ShowLegend(curve[0] > curve[^1] ? ScottPlot.Alignment.UpperRight : ScottPlot.Alignment.LowerRight);
        if (SansFont is { } font)
        {
            plot.Font.Set(font);
        }
        if (epochs.Length == 1)
        {
            plot.Axes.SetLimitsX(epochs[0] - 1, epochs[0] + 1);
        }
        if (curve.Distinct().Count() == 1 && double.IsFinite(curve[0]))
        {
            // A constant curve would get an arbitrary ±1 range; centre it with a readable margin instead.
            double margin = curve[0] == 0 ? 1 : Math.Abs(curve[0]) * 0.1;
            plot.Axes.SetLimitsY(curve[0] - margin, curve[0] + margin);
        }
        return plot;
    }

    /// <summary>A sans-serif family installed here, for text like matplotlib's; null leaves ScottPlot's
    /// default.</summary>
    private static string? SansFont { get; } = FindSansFont();

    private static string? FindSansFont()
    {
        foreach (string family in (string[])["DejaVu Sans", "Liberation Sans", "Open Sans", "Arial"])
        {
            using var typeface = SKFontManager.Default.MatchFamily(family);
            if (typeface?.FamilyName == family)
            {
                return family;
            }
        }
        return null;
    }

    private static void AddCurve(ScottPlot.Plot plot, double[] epochs, IReadOnlyList<double> values, string label,
        string color)
    {
        // A key recorded only in some epochs (validation every N epochs) has fewer values: they are the last ones.
        double[] xs = epochs[^values.Count..];
        var curve = plot.Add.Scatter(xs, values.ToArray());
        curve.LegendText = label;
        curve.Color = ScottPlot.Color.FromHex(color);
        curve.LineWidth = 2;
        curve.MarkerSize = values.Count == 1 ? 6 : 0;
    }

    private static byte[] ComposePng(List<ScottPlot.Plot> panels, int panelWidth, int height)
    {
        var info = new SKImageInfo(panelWidth * panels.Count, height);
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.White);
        for (int i = 0; i < panels.Count; i++)
        {
            byte[] png = panels[i].GetImageBytes(panelWidth, height, ScottPlot.ImageFormat.Png);
            using var panel = SKBitmap.Decode(png);
            surface.Canvas.DrawBitmap(panel, i * panelWidth, 0);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static byte[] ComposeSvg(List<ScottPlot.Plot> panels, int panelWidth, int height)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{panelWidth * panels.Count}\" height=\"{height}\">");
        for (int i = 0; i < panels.Count; i++)
        {
            string panel = panels[i].GetSvgXml(panelWidth, height);
            // Nested <svg> elements place each panel; the x attribute goes on the panel's root element.
            int root = panel.IndexOf("<svg", StringComparison.Ordinal);
            svg.Append(panel, root, 4)
                .Append(CultureInfo.InvariantCulture, $" x=\"{i * panelWidth}\" y=\"0\"")
                .Append(panel, root + 4, panel.Length - root - 4);
        }
        svg.Append("</svg>");
        return Encoding.UTF8.GetBytes(svg.ToString());
    }
}
