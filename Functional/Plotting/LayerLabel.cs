namespace Keras;

/// <summary>What a layer's box shows, as Keras' <c>make_layer_label</c>: a black title row, an optional activation
/// row and a row of shape, dtype and trainable cells; with the table geometry used by the SVG renderer.</summary>
internal sealed class LayerLabel
{
    /// <summary>Graphviz <c>cellpadding</c> in Keras' table.</summary>
    internal const double CellPadding = 10;

    /// <summary>Graphviz's default <c>cellspacing</c>: the black gap between cells.</summary>
    internal const double CellSpacing = 2;

    /// <summary>Graphviz <c>cellborder</c> in Keras' table.</summary>
    internal const double CellBorder = 1;

    private const double TitleSize = 16;
    private const double CellSize = 14;

    private LayerLabel(IReadOnlyList<IReadOnlyList<LabelCell>> rows)
    {
        Rows = rows;
        var rowWidths = rows.Select(r => r.Sum(CellWidth) + (r.Count - 1) * CellSpacing).ToList();
        InnerWidth = rowWidths.Max();
        RowHeights = rows.Select(r => r.Max(CellHeight)).ToList();
        Width = InnerWidth + 2 * CellSpacing;
        Height = RowHeights.Sum() + (rows.Count + 1) * CellSpacing;
    }

    /// <summary>The rows of cells, top to bottom.</summary>
    internal IReadOnlyList<IReadOnlyList<LabelCell>> Rows { get; }

    /// <summary>The box width in points.</summary>
    internal double Width { get; }

    /// <summary>The box height in points.</summary>
    internal double Height { get; }

    private double InnerWidth { get; }

    private List<double> RowHeights { get; }

    /// <summary>Builds the label of <paramref name="layer"/>.</summary>
    internal static LayerLabel For(Layer layer, LayerFacts facts, PlotOptions options)
    {
        string className = layer.ClassName;
        var rows = new List<IReadOnlyList<LabelCell>>
        {
            new[]
            {
                options.ShowLayerNames
                    ? new LabelCell([new(layer.Name, true), new($" ({className})", false)], TitleSize, "black", "white")
                    : new LabelCell([new(className, true)], TitleSize, "black", "white"),
            },
        };
        if (options.ShowLayerActivations && facts.Activation is string activation)
        {
            rows.Add([new LabelCell([new("Activation: ", false), new(activation, true)], CellSize, "white", "black")]);
        }
        var cells = new List<LabelCell>();
        if (options.ShowShapes)
        {
            if (layer is not Layers.InputLayer)
            {
                cells.Add(new LabelCell([new("Input shape: ", false), new(facts.InputShape, true)], CellSize,
                    "white", "black"));
            }
            cells.Add(new LabelCell([new("Output shape: ", false), new(facts.OutputShape, true)], CellSize,
                "white", "black"));
        }
        if (options.ShowDtype)
        {
            cells.Add(new LabelCell([new("Output dtype: ", false), new(facts.OutputDType, true)], CellSize,
                "white", "black"));
        }
        if (options.ShowTrainable && layer.Weights.Count > 0)
        {
            cells.Add(layer.Trainable
                ? new LabelCell([new("Trainable", true)], CellSize, "forestgreen", "white")
                : new LabelCell([new("Non-trainable", true)], CellSize, "firebrick", "white"));
        }
        if (cells.Count > 0)
        {
            rows.Add(cells);
        }
        return new LayerLabel(rows);
    }

    /// <summary>The cells with their rectangles (x, y, width, height) relative to the box's top-left corner.</summary>
    internal IEnumerable<(LabelCell Cell, double X, double Y, double Width, double Height)> Layout()
    {
        double y = CellSpacing;
        for (int r = 0; r < Rows.Count; r++)
        {
            var row = Rows[r];
            double natural = row.Sum(CellWidth) + (row.Count - 1) * CellSpacing;
            double extra = (InnerWidth - natural) / row.Count;
            double x = CellSpacing;
            foreach (var cell in row)
            {
                double w = CellWidth(cell) + extra;
                yield return (cell, x, y, w, RowHeights[r]);
                x += w + CellSpacing;
            }
            y += RowHeights[r] + CellSpacing;
        }
    }

    private static double CellWidth(LabelCell cell) => cell.TextWidth + 2 * (CellPadding + CellBorder);

    private static double CellHeight(LabelCell cell) => cell.FontSize * 1.2 + 2 * (CellPadding + CellBorder);
}
