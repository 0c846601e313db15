using System.Globalization;
using System.Text;

namespace Keras;

/// <summary>Writes a plot graph as Graphviz DOT source, with the graph attributes and HTML-like node labels of Keras'
/// <c>model_to_dot</c>; identifiers are plain, and label text is escaped.</summary>
internal static class DotWriter
{
    /// <summary>The DOT source of <paramref name="graph"/>.</summary>
    internal static string Write(PlotGraph graph)
    {
        var options = graph.Options;
        var sb = new StringBuilder();
        sb.Append("digraph G {\n");
        sb.Append(CultureInfo.InvariantCulture, $"rankdir={options.Rankdir};\n");
        sb.Append("concentrate=true;\n");
        sb.Append(CultureInfo.InvariantCulture, $"dpi={options.Dpi};\n");
        sb.Append(CultureInfo.InvariantCulture, $"splines={options.Splines};\n");
        sb.Append("node [shape=record];\n");
        WriteScope(sb, graph, null, "");
        foreach (var edge in graph.Edges)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\"{edge.Source.Id}\" -> \"{edge.Target.Id}\" [penwidth=2];\n");
        }
        sb.Append("}\n");
        return sb.ToString();
    }

    private static void WriteScope(StringBuilder sb, PlotGraph graph, PlotCluster? scope, string indent)
    {
        foreach (var node in graph.Nodes.Where(n => ReferenceEquals(n.Cluster, scope)))
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"{indent}\"{node.Id}\" [label=<{Label(node.Label)}>, fontname=Helvetica, border=0, margin=0];\n");
        }
        foreach (var cluster in graph.Clusters.Where(c => ReferenceEquals(c.Parent, scope)))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{indent}subgraph \"{cluster.Id}\" {{\n");
            sb.Append(CultureInfo.InvariantCulture, $"{indent}  label=<{Escape(cluster.Name)}>;\n");
            sb.Append(CultureInfo.InvariantCulture, $"{indent}  labeljust=l;\n");
            sb.Append(CultureInfo.InvariantCulture, $"{indent}  style=dashed;\n");
            WriteScope(sb, graph, cluster, indent + "  ");
            sb.Append(CultureInfo.InvariantCulture, $"{indent}}}\n");
        }
    }

    /// <summary>Keras' HTML-like table for a label (without the enclosing angle brackets of the attribute).</summary>
    internal static string Label(LayerLabel label)
    {
        int colspan = Math.Max(1, label.Rows.Max(r => r.Count));
        var sb = new StringBuilder("<table border=\"0\" cellborder=\"1\" bgcolor=\"black\" cellpadding=\"10\">");
        foreach (var row in label.Rows)
        {
            sb.Append("<tr>");
            foreach (var cell in row)
            {
                sb.Append("<td");
                if (row.Count == 1)
                {
                    sb.Append(CultureInfo.InvariantCulture, $" colspan=\"{colspan}\"");
                }
                sb.Append(CultureInfo.InvariantCulture, $" bgcolor=\"{cell.Fill}\">");
                sb.Append(CultureInfo.InvariantCulture, $"<font point-size=\"{cell.FontSize}\"");
                if (cell.TextColor != "black")
                {
                    sb.Append(CultureInfo.InvariantCulture, $" color=\"{cell.TextColor}\"");
                }
                sb.Append('>');
                foreach (var run in cell.Runs)
                {
                    sb.Append(run.Bold ? $"<b>{Escape(run.Text)}</b>" : Escape(run.Text));
                }
                sb.Append("</font></td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</table>");
        return sb.ToString();
    }

    /// <summary>Escapes text for a Graphviz HTML-like label; control characters become spaces.</summary>
    internal static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ when char.IsControl(c) => " ",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }
}
