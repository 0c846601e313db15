using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Keras;

/// <summary>Draws a laid-out plot as SVG in the style of Keras' Graphviz tables: black title rows, white cells,
/// dashed frames for nested models, and arrows of pen width 2. Text is XML-escaped by the writer.</summary>
internal static class SvgWriter
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private const string FontFamily = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

    /// <summary>The SVG document; its pixel size is the drawing's size in inches times
    /// <see cref="PlotOptions.Dpi"/>.</summary>
    internal static string Write(PlotGraph graph, PlotLayout layout)
    {
        double scale = graph.Options.Dpi / 72.0;
        var root = new XElement(Svg + "svg",
            new XAttribute("width", Number(layout.Width * scale)),
            new XAttribute("height", Number(layout.Height * scale)),
            new XAttribute("viewBox", $"0 0 {Number(layout.Width)} {Number(layout.Height)}"),
            new XAttribute("font-family", FontFamily));
        Add(root, new XElement(Svg + "title", Clean(graph.Name)));
        Add(root, new XElement(Svg + "polygon",
            new XAttribute("class", "background"),
            new XAttribute("fill", "white"),
            new XAttribute("stroke", "none"),
            new XAttribute("points", Points(Corners(new PlotRect(0, 0, layout.Width, layout.Height))))));
        foreach (var (cluster, frame) in layout.Frames)
        {
            Add(root, Frame(cluster, frame));
        }
        foreach (var (edge, path, head) in layout.Arrows)
        {
            Add(root, Arrow(edge, path, head));
        }
        foreach (var (node, box) in layout.Boxes)
        {
            Add(root, Box(node, box));
        }
        root.Add(new XText("\n"));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n" +
               root.ToString(SaveOptions.DisableFormatting) + "\n";
    }

    private static XElement Frame(PlotCluster cluster, PlotRect frame)
    {
        var group = new XElement(Svg + "g", new XAttribute("class", "cluster"), new XAttribute("id", cluster.Id));
        Add(group, new XElement(Svg + "title", Clean(cluster.Name)));
        Add(group, new XElement(Svg + "polygon",
            new XAttribute("fill", "none"),
            new XAttribute("stroke", "black"),
            new XAttribute("stroke-dasharray", "5,2"),
            new XAttribute("points", Points(Corners(frame)))));
        Add(group, Text(frame.X + LayeredLayout.ClusterPadding,
            frame.Y + LayeredLayout.ClusterPadding + LayeredLayout.ClusterLabelSize * 0.8,
            LayeredLayout.ClusterLabelSize, "black", "start", [new LabelRun(cluster.Name, false)]));
        group.Add(new XText("\n"));
        return group;
    }

    private static XElement Arrow(PlotEdge edge, IReadOnlyList<PathSegment> path, PlotPoint[] head)
    {
        var group = new XElement(Svg + "g",
            new XAttribute("class", "edge"),
            new XAttribute("id", $"edge-{edge.Source.Id}-{edge.Target.Id}"));
        Add(group, new XElement(Svg + "title", $"{edge.Source.Id}->{edge.Target.Id}"));
        Add(group, new XElement(Svg + "path",
            new XAttribute("fill", "none"),
            new XAttribute("stroke", "black"),
            new XAttribute("stroke-width", "2"),
            new XAttribute("d", PathData(path))));
        Add(group, new XElement(Svg + "polygon",
            new XAttribute("fill", "black"),
            new XAttribute("stroke", "black"),
            new XAttribute("stroke-width", "2"),
            new XAttribute("stroke-linejoin", "miter"),
            new XAttribute("points", Points(head))));
        group.Add(new XText("\n"));
        return group;
    }

    private static XElement Box(PlotNode node, PlotRect box)
    {
        var group = new XElement(Svg + "g", new XAttribute("class", "node"), new XAttribute("id", node.Id));
        Add(group, new XElement(Svg + "title", Clean(node.Layer.Name)));
        Add(group, new XElement(Svg + "rect",
            new XAttribute("x", Number(box.X)),
            new XAttribute("y", Number(box.Y)),
            new XAttribute("width", Number(box.Width)),
            new XAttribute("height", Number(box.Height)),
            new XAttribute("fill", "black"),
            new XAttribute("stroke", "black")));
        foreach (var (cell, x, y, w, h) in node.Label.Layout())
        {
            var area = new PlotRect(box.X + x, box.Y + y, w, h);
            if (cell.Fill != "black")
            {
                Add(group, new XElement(Svg + "polygon",
                    new XAttribute("fill", cell.Fill),
                    new XAttribute("stroke", "black"),
                    new XAttribute("points", Points(Corners(area)))));
            }
            Add(group, Text(area.X + area.Width / 2, area.Y + area.Height / 2 + cell.FontSize * 0.35, cell.FontSize,
                cell.TextColor, "middle", cell.Runs));
        }
        group.Add(new XText("\n"));
        return group;
    }

    private static XElement Text(double x, double y, double size, string color, string anchor,
        IEnumerable<LabelRun> runs)
    {
        var text = new XElement(Svg + "text",
            new XAttribute(XNamespace.Xml + "space", "preserve"),
            new XAttribute("x", Number(x)),
            new XAttribute("y", Number(y)),
            new XAttribute("text-anchor", anchor),
            new XAttribute("font-size", Number(size)),
            new XAttribute("fill", color));
        foreach (var run in runs)
        {
            text.Add(run.Bold
                ? new XElement(Svg + "tspan", new XAttribute("font-weight", "bold"), Clean(run.Text))
                : new XText(Clean(run.Text)));
        }
        return text;
    }

    private static void Add(XElement parent, XElement child)
    {
        parent.Add(new XText("\n"));
        parent.Add(child);
    }

    private static string PathData(IReadOnlyList<PathSegment> path)
    {
        var sb = new StringBuilder();
        PlotPoint? pen = null;
        foreach (var s in path)
        {
            if (pen is not { } p || (p - s.Start).Length > 1e-6)
            {
                sb.Append(CultureInfo.InvariantCulture, $"M{Point(s.Start)} ");
            }
            sb.Append(s.IsCurve
                ? $"C{Point(s.Control1!.Value)} {Point(s.Control2!.Value)} {Point(s.End)} "
                : $"L{Point(s.End)} ");
            pen = s.End;
        }
        return sb.ToString().TrimEnd();
    }

    private static PlotPoint[] Corners(PlotRect r) =>
        [new(r.X, r.Y), new(r.Right, r.Y), new(r.Right, r.Bottom), new(r.X, r.Bottom)];

    private static string Points(IEnumerable<PlotPoint> points) => string.Join(" ", points.Select(Point));

    private static string Point(PlotPoint p) => $"{Number(p.X)},{Number(p.Y)}";

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    // Keeps text valid XML on one line: control characters become spaces, characters XML cannot hold become U+FFFD.
    private static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (char.IsControl(c))
            {
                sb.Append(' ');
            }
            else
            {
                sb.Append(XmlConvert.IsXmlChar(c) ? c : '\uFFFD');
            }
        }
        return sb.ToString();
    }
}
