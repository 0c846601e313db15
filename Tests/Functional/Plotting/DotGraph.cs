using System.Net;
using System.Text.RegularExpressions;

namespace Keras.Tests.FunctionalApi.Plotting;

/// <summary>A small reader for the DOT text the plotter writes: node statements with HTML labels, edges and
/// clusters.</summary>
internal sealed partial class DotGraph
{
    private DotGraph(Dictionary<string, string> labels, List<(string, string)> edges,
        Dictionary<string, string?> clusterOf, Dictionary<string, string> attributes)
    {
        Labels = labels;
        Edges = edges;
        ClusterOf = clusterOf;
        Attributes = attributes;
    }

    /// <summary>Node id → raw HTML label.</summary>
    internal Dictionary<string, string> Labels { get; }

    /// <summary>Edges as (from id, to id).</summary>
    internal List<(string From, string To)> Edges { get; }

    /// <summary>Node id → the id of the innermost cluster it was declared in (null at top level).</summary>
    internal Dictionary<string, string?> ClusterOf { get; }

    /// <summary>Top-level graph attributes (rankdir, dpi, ...).</summary>
    internal Dictionary<string, string> Attributes { get; }

    /// <summary>Node id → the layer name: the bold text of the title row.</summary>
    internal Dictionary<string, string> NameOf => Labels.ToDictionary(kv => kv.Key,
        kv => WebUtility.HtmlDecode(BoldTitle().Match(kv.Value).Groups[1].Value));

    /// <summary>Edges by layer name.</summary>
    internal HashSet<(string, string)> NamedEdges
    {
        get
        {
            var names = NameOf;
            return Edges.Select(e => (names[e.From], names[e.To])).ToHashSet();
        }
    }

    /// <summary>A label with tags removed and entities decoded.</summary>
    internal static string PlainText(string label) => WebUtility.HtmlDecode(Tag().Replace(label, " "));

    internal static DotGraph Parse(string dot)
    {
        var lines = dot.Split('\n');
        Assert.StartsWith("digraph G {", lines[0]);
        var labels = new Dictionary<string, string>();
        var edges = new List<(string, string)>();
        var clusterOf = new Dictionary<string, string?>();
        var attributes = new Dictionary<string, string>();
        var scopes = new Stack<string>();
        int depth = 1;
        foreach (var raw in lines.Skip(1).Where(l => l.Length > 0))
        {
            string line = raw.Trim();
            Match m;
            if ((m = NodeLine().Match(line)).Success)
            {
                labels.Add(m.Groups["id"].Value, m.Groups["label"].Value);
                clusterOf[m.Groups["id"].Value] = scopes.Count > 0 ? scopes.Peek() : null;
            }
            else if ((m = EdgeLine().Match(line)).Success)
            {
                edges.Add((m.Groups["a"].Value, m.Groups["b"].Value));
            }
            else if ((m = SubgraphLine().Match(line)).Success)
            {
                scopes.Push(m.Groups["id"].Value);
                depth++;
            }
            else if (line == "}")
            {
                depth--;
                if (scopes.Count > 0)
                {
                    scopes.Pop();
                }
            }
            else if ((m = AttributeLine().Match(line)).Success)
            {
                if (scopes.Count == 0)
                {
                    attributes[m.Groups["key"].Value] = m.Groups["value"].Value;
                }
            }
            else
            {
                Assert.Fail($"Unexpected DOT line: {line}");
            }
        }
        Assert.Equal(0, depth);
        Assert.All(edges, e => Assert.True(labels.ContainsKey(e.Item1) && labels.ContainsKey(e.Item2),
            $"Edge {e} refers to an undeclared node."));
        return new DotGraph(labels, edges, clusterOf, attributes);
    }

    [GeneratedRegex(
        """^"(?<id>[A-Za-z0-9_]+)" \[label=<(?<label><table .*</table>)>, fontname=Helvetica, border=0, margin=0\];$""")]
    private static partial Regex NodeLine();

    [GeneratedRegex("""^"(?<a>[A-Za-z0-9_]+)" -> "(?<b>[A-Za-z0-9_]+)" \[penwidth=2\];$""")]
    private static partial Regex EdgeLine();

    [GeneratedRegex("""^subgraph "(?<id>cluster_[A-Za-z0-9_]+)" \{$""")]
    private static partial Regex SubgraphLine();

    [GeneratedRegex("""^(node \[shape=record\]|(?<key>[a-z]+)=(?<value>[^;]+));$""")]
    private static partial Regex AttributeLine();

    [GeneratedRegex("""<font point-size="16" color="white"><b>([^<]*)</b>""")]
    private static partial Regex BoldTitle();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
