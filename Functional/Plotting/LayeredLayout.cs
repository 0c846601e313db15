namespace Keras;

/// <summary>A small layered (Sugiyama-style) layout in place of Graphviz's <c>dot</c>: ranks, dummy nodes on long
/// arrows, crossing reduction, positions along ranks, arrow routing, then the turn to the requested direction
/// (<c>TB</c>, <c>BT</c>, <c>LR</c>, <c>RL</c>) and the frames of expanded nested models.</summary>
internal static class LayeredLayout
{
    /// <summary>The font size of a cluster's label.</summary>
    internal const double ClusterLabelSize = 14;

    /// <summary>The padding inside a cluster's frame.</summary>
    internal const double ClusterPadding = 10;

    /// <summary>The room above a cluster's contents taken by its label.</summary>
    internal const double ClusterLabelHeight = ClusterLabelSize * 1.2 + 6;

    private const double PageMargin = 8;
    private const double ClusterMargin = ClusterPadding + ClusterLabelHeight;

    /// <summary>Lays out <paramref name="graph"/>.</summary>
    internal static PlotLayout Compute(PlotGraph graph)
    {
        var options = graph.Options;
        bool horizontal = options.Horizontal;
        var nodes = graph.Nodes
            .Select((n, i) => new LayoutNode(i, n, n.Cluster,
                horizontal ? n.Label.Height : n.Label.Width, horizontal ? n.Label.Width : n.Label.Height))
            .ToList();
        var byBox = nodes.ToDictionary(n => n.Node!);
        var loops = graph.Edges.Where(e => ReferenceEquals(e.Source, e.Target)).ToList();
        foreach (var loop in loops)
        {
            byBox[loop.Source].SideRoom = EdgeRouter.SelfLoopRoom;
        }
        var edges = graph.Edges.Where(e => !ReferenceEquals(e.Source, e.Target)).ToList();
        bool[] reversed = Ranking.Assign(nodes, edges.Select(e => (byBox[e.Source], byBox[e.Target])).ToList());

        var all = new List<LayoutNode>(nodes);
        var chains = new List<LayoutChain>();
        for (int e = 0; e < edges.Count; e++)
        {
            var (upper, lower) = reversed[e]
                ? (byBox[edges[e].Target], byBox[edges[e].Source])
                : (byBox[edges[e].Source], byBox[edges[e].Target]);
            var cluster = PlotCluster.Common(upper.Cluster, lower.Cluster);
            var chain = new List<LayoutNode> { upper };
            for (int r = upper.Rank + 1; r < lower.Rank; r++)
            {
                var dummy = new LayoutNode(all.Count, null, cluster, 0, 0) { Rank = r };
                all.Add(dummy);
                chain.Add(dummy);
            }
            chain.Add(lower);
            for (int i = 0; i + 1 < chain.Count; i++)
            {
                chain[i].Down.Add(chain[i + 1]);
                chain[i + 1].Up.Add(chain[i]);
            }
            chains.Add(new LayoutChain(edges[e], chain, reversed[e]));
        }

        int rankCount = all.Max(n => n.Rank) + 1;
        var ranks = Enumerable.Range(0, rankCount).Select(r => all.Where(n => n.Rank == r).ToList()).ToList();
        Ordering.Apply(ranks);
        Positioning.Assign(ranks, graph.Clusters, ClusterMargin);
        var router = new EdgeRouter(chains, rankCount, options.Splines);

        // Positions across ranks: each rank as thick as its largest box, gaps sized for tracks and cluster frames.
        var top = new double[rankCount];
        var bottom = new double[rankCount];
        var gapCore = new (double Start, double End)[Math.Max(0, rankCount - 1)];
        var occupied = ranks.Select(r => r.SelectMany(n => PlotCluster.PathOf(n.Cluster)).ToHashSet()).ToList();
        double u = 0;
        for (int r = 0; r < rankCount; r++)
        {
            top[r] = u;
            u += ranks[r].Where(n => !n.IsDummy).Select(n => n.SizeU).DefaultIfEmpty(0).Max();
            bottom[r] = u;
            if (r + 1 < rankCount)
            {
                double ending = ClusterMargin * occupied[r].Count(c => !occupied[r + 1].Contains(c));
                double starting = ClusterMargin * occupied[r + 1].Count(c => !occupied[r].Contains(c));
                gapCore[r] = (u + ending, u + ending + router.GapSize(r));
                u = gapCore[r].End + starting;
            }
        }
        foreach (var node in all)
        {
            node.U = (top[node.Rank] + bottom[node.Rank]) / 2;
        }

        double extent = u;
        Func<PlotPoint, PlotPoint> turn = options.Rankdir switch
        {
            "BT" => p => new PlotPoint(p.X, extent - p.Y),
            "LR" => p => new PlotPoint(p.Y, p.X),
            "RL" => p => new PlotPoint(extent - p.Y, p.X),
            _ => p => p,
        };
        var boxes = nodes.Select(n =>
        {
            var centre = turn(new PlotPoint(n.V, n.U));
            double w = horizontal ? n.SizeU : n.SizeV;
            double h = horizontal ? n.SizeV : n.SizeU;
            return (Node: n.Node!, Box: new PlotRect(centre.X - w / 2, centre.Y - h / 2, w, h));
        }).ToList();
        var paths = new Dictionary<PlotEdge, List<PathSegment>>(ReferenceEqualityComparer.Instance);
        foreach (var chain in chains)
        {
            paths[chain.Edge] = router.Route(chain, top, bottom, gapCore);
        }
        foreach (var loop in loops)
        {
            paths[loop] = EdgeRouter.SelfLoop(byBox[loop.Source]);
        }
        var routed = graph.Edges
            .Select(edge =>
            {
                var path = paths[edge].Select(s => s.Map(turn)).ToList();
                var head = EdgeRouter.AddHead(path);
                return (edge, (IReadOnlyList<PathSegment>)path, head);
            })
            .ToList();
        var dummyPoints = all.Where(n => n.IsDummy).Select(n => (n.Cluster, Point: turn(new PlotPoint(n.V, n.U))));
        var frames = Frames(graph.Clusters, boxes, dummyPoints.ToList());
        return Normalize(boxes, routed, frames);
    }

    private static List<(PlotCluster Cluster, PlotRect Frame)> Frames(List<PlotCluster> clusters,
        List<(PlotNode Node, PlotRect Box)> boxes, List<(PlotCluster? Cluster, PlotPoint Point)> dummies)
    {
        var frames = new Dictionary<PlotCluster, PlotRect>();
        foreach (var cluster in clusters.OrderByDescending(c => c.Depth))
        {
            var parts = boxes.Where(b => ReferenceEquals(b.Node.Cluster, cluster)).Select(b => b.Box)
                .Concat(dummies.Where(d => ReferenceEquals(d.Cluster, cluster))
                    .Select(d => new PlotRect(d.Point.X, d.Point.Y, 0, 0)))
                .Concat(frames.Where(f => ReferenceEquals(f.Key.Parent, cluster)).Select(f => f.Value))
                .ToList();
            if (parts.Count == 0)
            {
                continue;
            }
            var frame = parts.Aggregate((a, b) => a.Union(b))
                .Inflate(ClusterPadding, ClusterPadding + ClusterLabelHeight, ClusterPadding, ClusterPadding);
            double labelWidth = TextMetrics.Width(cluster.Name, ClusterLabelSize, false) + 2 * ClusterPadding;
            if (frame.Width < labelWidth)
            {
                frame = frame.Inflate(0, 0, labelWidth - frame.Width, 0);
            }
            frames[cluster] = frame;
        }
        return clusters.Where(frames.ContainsKey).Select(c => (c, frames[c])).ToList();
    }

    // Moves everything so the drawing starts at the page margin, and sizes the canvas.
    private static PlotLayout Normalize(List<(PlotNode Node, PlotRect Box)> boxes,
        List<(PlotEdge Edge, IReadOnlyList<PathSegment> Path, PlotPoint[] Head)> arrows,
        List<(PlotCluster Cluster, PlotRect Frame)> frames)
    {
        var rects = boxes.Select(b => b.Box).Concat(frames.Select(f => f.Frame)).ToList();
        var points = arrows
            .SelectMany(a => a.Path
                .SelectMany(s => new[] { s.Start, s.End, s.Control1 ?? s.Start, s.Control2 ?? s.End })
                .Concat(a.Head))
            .ToList();
        double minX = rects.Select(r => r.X).Concat(points.Select(p => p.X)).Min();
        double minY = rects.Select(r => r.Y).Concat(points.Select(p => p.Y)).Min();
        double maxX = rects.Select(r => r.Right).Concat(points.Select(p => p.X)).Max();
        double maxY = rects.Select(r => r.Bottom).Concat(points.Select(p => p.Y)).Max();
        var offset = new PlotPoint(PageMargin - minX, PageMargin - minY);
        PlotPoint Move(PlotPoint p) => p + offset;
        PlotRect MoveRect(PlotRect r) => r with { X = r.X + offset.X, Y = r.Y + offset.Y };
        return new PlotLayout(
            maxX - minX + 2 * PageMargin,
            maxY - minY + 2 * PageMargin,
            boxes.Select(b => (b.Node, MoveRect(b.Box))).ToList(),
            arrows.Select(a => (a.Edge, (IReadOnlyList<PathSegment>)a.Path.Select(s => s.Map(Move)).ToList(),
                a.Head.Select(Move).ToArray())).ToList(),
            frames.Select(f => (f.Cluster, MoveRect(f.Frame))).ToList());
    }
}
