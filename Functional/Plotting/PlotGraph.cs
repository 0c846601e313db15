namespace Keras;

/// <summary>The boxes, arrows and nested-model clusters of a model plot, independent of the output format.</summary>
internal sealed class PlotGraph
{
    internal PlotGraph(string name, List<PlotNode> nodes, List<PlotEdge> edges, List<PlotCluster> clusters,
        PlotOptions options)
    {
        Name = name;
        Nodes = nodes;
        Edges = edges;
        Clusters = clusters;
        Options = options;
    }

    /// <summary>The model's name.</summary>
    internal string Name { get; }

    /// <summary>One box per layer, in Keras' layer order.</summary>
    internal List<PlotNode> Nodes { get; }

    /// <summary>One arrow per distinct (source, destination) pair.</summary>
    internal List<PlotEdge> Edges { get; }

    /// <summary>Expanded nested models, parents before children.</summary>
    internal List<PlotCluster> Clusters { get; }

    /// <summary>The plot options.</summary>
    internal PlotOptions Options { get; }
}

/// <summary>A layer's box.</summary>
/// <param name="Id">A unique DOT identifier (letters, digits and underscores).</param>
/// <param name="Layer">The layer.</param>
/// <param name="Label">What the box shows.</param>
/// <param name="Cluster">The expanded nested model the box belongs to, if any.</param>
internal sealed record PlotNode(string Id, Layer Layer, LayerLabel Label, PlotCluster? Cluster);

/// <summary>An arrow from the layer that produced a tensor to a layer that consumed it.</summary>
/// <param name="Source">The producing layer's box.</param>
/// <param name="Target">The consuming layer's box.</param>
internal sealed record PlotEdge(PlotNode Source, PlotNode Target);

/// <summary>A nested model drawn as a dashed frame around its layers (<c>expand_nested</c>).</summary>
internal sealed class PlotCluster
{
    internal PlotCluster(string id, string name, PlotCluster? parent)
    {
        Id = id;
        Name = name;
        Parent = parent;
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    /// <summary>A unique DOT identifier starting with <c>cluster_</c>.</summary>
    internal string Id { get; }

    /// <summary>The nested model's name (the frame's label).</summary>
    internal string Name { get; }

    /// <summary>The enclosing cluster, if any.</summary>
    internal PlotCluster? Parent { get; }

    /// <summary>The nesting depth (0 for a cluster directly in the plotted model).</summary>
    internal int Depth { get; }

    /// <summary>This cluster and its ancestors, outermost first.</summary>
    internal IReadOnlyList<PlotCluster> Path
    {
        get
        {
            var path = new List<PlotCluster>();
            for (var c = this; c is not null; c = c.Parent)
            {
                path.Add(c);
            }
            path.Reverse();
            return path;
        }
    }

    /// <summary>The clusters from the root to <paramref name="cluster"/> (empty for none).</summary>
    internal static IReadOnlyList<PlotCluster> PathOf(PlotCluster? cluster) => cluster?.Path ?? [];

    /// <summary>The deepest cluster containing both (null when they share none).</summary>
    internal static PlotCluster? Common(PlotCluster? a, PlotCluster? b)
    {
        var pa = PathOf(a);
        var pb = PathOf(b);
        PlotCluster? common = null;
        for (int i = 0; i < Math.Min(pa.Count, pb.Count) && ReferenceEquals(pa[i], pb[i]); i++)
        {
            common = pa[i];
        }
        return common;
    }
}
