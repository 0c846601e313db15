namespace Keras;

/// <summary>Routes arrows in layout coordinates (X along ranks, Y across them): spreads the arrows leaving or
/// entering a box over its side, gives every sideways run in a gap between ranks its own track (ordered to avoid
/// crossings), and draws the chain as right-angle, straight or curved pieces.</summary>
internal sealed class EdgeRouter
{
    /// <summary>The arrowhead's length.</summary>
    internal const double ArrowLength = 10;

    /// <summary>Half the arrowhead's width.</summary>
    internal const double ArrowHalfWidth = 4.5;

    /// <summary>Room kept on each side of a box that loops to itself.</summary>
    internal const double SelfLoopRoom = 22;

    /// <summary>The smallest gap between ranks.</summary>
    private const double MinimumGap = 40;

    /// <summary>Room between a gap's edges and its first or last track, for arrowheads.</summary>
    private const double ArrowRoom = 16;

    private const double TrackSpacing = 8;
    private const double PortSpacing = 18;

    /// <summary>How close a port may come to a box's corner.</summary>
    internal const double PortMargin = 12;

    private const double MinimumPortGap = 10;
    private const int MaxGreedyRuns = 150;

    private readonly List<LayoutChain> _chains;
    private readonly string _splines;
    private readonly Dictionary<(LayoutChain, int), double> _outPorts = [];
    private readonly Dictionary<(LayoutChain, int), double> _inPorts = [];
    private readonly Dictionary<(LayoutChain, int), int> _tracks = [];
    private readonly Dictionary<LayoutNode, List<(LayoutChain Chain, int Index)>> _outgoing = [];
    private readonly Dictionary<LayoutNode, List<(LayoutChain Chain, int Index)>> _incoming = [];
    private readonly int[] _trackCounts;

    internal EdgeRouter(List<LayoutChain> chains, int rankCount, string splines)
    {
        _chains = chains;
        _splines = splines;
        _trackCounts = new int[Math.Max(0, rankCount - 1)];
        AssignPorts();
        AlignPorts();
        if (splines == "ortho")
        {
            AssignTracks();
        }
    }

    /// <summary>The size of the gap after rank <paramref name="rank"/>, without cluster margins.</summary>
    internal double GapSize(int rank) =>
        Math.Max(MinimumGap, 2 * ArrowRoom + Math.Max(0, _trackCounts[rank] - 1) * TrackSpacing);

    /// <summary>The path of a chain from its upper to its lower end, or reversed for upward arrows.</summary>
    /// <param name="chain">The chain.</param>
    /// <param name="rankTop">Each rank's upper edge.</param>
    /// <param name="rankBottom">Each rank's lower edge.</param>
    /// <param name="gapCore">Each gap's track band (without cluster margins).</param>
    internal List<PathSegment> Route(LayoutChain chain, double[] rankTop, double[] rankBottom,
        (double Start, double End)[] gapCore)
    {
        var nodes = chain.Nodes;
        double Bottom(LayoutNode n) => n.IsDummy ? rankBottom[n.Rank] : n.Bottom;
        double Top(LayoutNode n) => n.IsDummy ? rankTop[n.Rank] : n.Top;
        var segments = new List<PathSegment>();
        if (_splines == "line")
        {
            segments.Add(new PathSegment(new PlotPoint(_outPorts[(chain, 0)], Bottom(nodes[0])),
                new PlotPoint(_inPorts[(chain, nodes.Count - 1)], Top(nodes[^1]))));
        }
        else
        {
            var points = new List<PlotPoint> { new(_outPorts[(chain, 0)], Bottom(nodes[0])) };
            for (int i = 0; i + 1 < nodes.Count; i++)
            {
                double x1 = _outPorts[(chain, i)];
                double x2 = _inPorts[(chain, i + 1)];
                var next = nodes[i + 1];
                var entry = new PlotPoint(x2, Top(next));
                if (_splines is "curved" or "spline")
                {
                    var start = points[^1];
                    double middle = (start.Y + entry.Y) / 2;
                    segments.Add(new PathSegment(start, entry, new PlotPoint(x1, middle), new PlotPoint(x2, middle)));
                    points.Add(entry);
                }
                else
                {
                    if (_tracks.TryGetValue((chain, i), out int track))
                    {
                        double y = TrackY(gapCore[nodes[i].Rank], track, _trackCounts[nodes[i].Rank]);
                        points.Add(new PlotPoint(x1, y));
                        points.Add(new PlotPoint(x2, y));
                    }
                    points.Add(entry);
                }
                if (next.IsDummy)
                {
                    if (_splines is "curved" or "spline")
                    {
                        segments.Add(new PathSegment(entry, new PlotPoint(x2, Bottom(next))));
                    }
                    points.Add(new PlotPoint(x2, Bottom(next)));
                }
            }
            if (_splines is not ("curved" or "spline"))
            {
                segments.AddRange(Lines(points));
            }
        }
        if (chain.Reversed)
        {
            segments.Reverse();
            segments = segments.Select(s => s.Reversed()).ToList();
        }
        return segments;
    }

    /// <summary>A loop on the far side of a box that feeds itself (a shared layer applied to its own output).</summary>
    internal static List<PathSegment> SelfLoop(LayoutNode node)
    {
        double side = node.V + node.SizeV / 2;
        double rise = Math.Min(node.SizeU / 4, 12);
        double reach = SelfLoopRoom - 6;
        var a = new PlotPoint(side, node.U - rise);
        var b = new PlotPoint(side + reach, node.U - rise);
        var c = new PlotPoint(side + reach, node.U + rise);
        var d = new PlotPoint(side, node.U + rise);
        return [new PathSegment(a, b), new PathSegment(b, c), new PathSegment(c, d)];
    }

    /// <summary>Shortens the last piece by the arrowhead and returns the head's triangle.</summary>
    internal static PlotPoint[] AddHead(List<PathSegment> path)
    {
        var last = path[^1];
        var tip = last.End;
        var direction = last.EndDirection;
        var shift = direction * -ArrowLength;
        path[^1] = last with
        {
            End = tip + shift,
            Control2 = last.Control2 is { } c2 ? c2 + shift * 0.5 : null,
        };
        var normal = new PlotPoint(-direction.Y, direction.X) * ArrowHalfWidth;
        var bottom = tip + shift;
        return [bottom + normal, tip, bottom - normal];
    }

    private static double TrackY((double Start, double End) core, int track, int count)
    {
        double top = core.Start + ArrowRoom;
        double bottom = core.End - ArrowRoom;
        return count == 1 ? (top + bottom) / 2 : top + (bottom - top) * track / (count - 1);
    }

    private static IEnumerable<PathSegment> Lines(List<PlotPoint> points)
    {
        var kept = new List<PlotPoint>();
        foreach (var p in points)
        {
            if (kept.Count > 0 && (p - kept[^1]).Length < 1e-6)
            {
                continue;
            }
            // Drop the middle of three collinear points.
            if (kept.Count >= 2 && Collinear(kept[^2], kept[^1], p))
            {
                kept[^1] = p;
                continue;
            }
            kept.Add(p);
        }
        for (int i = 0; i + 1 < kept.Count; i++)
        {
            yield return new PathSegment(kept[i], kept[i + 1]);
        }
    }

    private static bool Collinear(PlotPoint a, PlotPoint b, PlotPoint c)
    {
        var ab = b - a;
        var bc = c - b;
        return Math.Abs(ab.X * bc.Y - ab.Y * bc.X) < 1e-6 && ab.X * bc.X + ab.Y * bc.Y > 0;
    }

    // Ports: the arrows at one side of a box, ordered by where their other end lies, spread around the centre.
    private void AssignPorts()
    {
        var outgoing = new Dictionary<LayoutNode, List<(LayoutChain Chain, int Index)>>();
        var incoming = new Dictionary<LayoutNode, List<(LayoutChain Chain, int Index)>>();
        foreach (var chain in _chains)
        {
            for (int i = 0; i < chain.Nodes.Count; i++)
            {
                if (i + 1 < chain.Nodes.Count)
                {
                    Add(outgoing, chain.Nodes[i], (chain, i));
                }
                if (i > 0)
                {
                    Add(incoming, chain.Nodes[i], (chain, i));
                }
            }
        }
        // Ties (two arrows between the same boxes) are broken the same way at both ends, so they do not cross.
        var position = _chains.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        foreach (var (node, ends) in outgoing)
        {
            _outgoing[node] = ends.OrderBy(e => e.Chain.Nodes[e.Index + 1].V).ThenBy(e => position[e.Chain]).ToList();
            Spread(node, _outgoing[node], _outPorts);
        }
        foreach (var (node, ends) in incoming)
        {
            _incoming[node] = ends.OrderBy(e => e.Chain.Nodes[e.Index - 1].V).ThenBy(e => position[e.Chain]).ToList();
            Spread(node, _incoming[node], _inPorts);
        }
    }

    // Where two connected boxes overlap along the rank, both ports move to a common point so the arrow runs
    // straight (as Graphviz does), keeping the order of the ports on each side; shortest detours first.
    private void AlignPorts()
    {
        var pieces = _chains.SelectMany(c => Enumerable.Range(0, c.Nodes.Count - 1).Select(i => (Chain: c, Index: i)))
            .OrderBy(p => Math.Abs(_outPorts[(p.Chain, p.Index)] - _inPorts[(p.Chain, p.Index + 1)]))
            .ToList();
        foreach (var (chain, i) in pieces)
        {
            double x1 = _outPorts[(chain, i)];
            double x2 = _inPorts[(chain, i + 1)];
            if (Math.Abs(x1 - x2) < 0.5)
            {
                continue;
            }
            var (lo1, hi1) = PortRange(chain.Nodes[i], _outgoing[chain.Nodes[i]], (chain, i), _outPorts);
            var (lo2, hi2) = PortRange(chain.Nodes[i + 1], _incoming[chain.Nodes[i + 1]], (chain, i + 1), _inPorts);
            double lo = Math.Max(lo1, lo2);
            double hi = Math.Min(hi1, hi2);
            if (lo <= hi)
            {
                double x = Math.Clamp((x1 + x2) / 2, lo, hi);
                _outPorts[(chain, i)] = x;
                _inPorts[(chain, i + 1)] = x;
            }
        }
    }

    private static (double Low, double High) PortRange(LayoutNode node, List<(LayoutChain Chain, int Index)> side,
        (LayoutChain, int) end, Dictionary<(LayoutChain, int), double> ports)
    {
        if (node.IsDummy)
        {
            return (node.V, node.V);
        }
        int k = side.IndexOf(end);
        double low = node.V - node.SizeV / 2 + PortMargin;
        double high = node.V + node.SizeV / 2 - PortMargin;
        if (k > 0)
        {
            low = Math.Max(low, ports[side[k - 1]] + MinimumPortGap);
        }
        if (k + 1 < side.Count)
        {
            high = Math.Min(high, ports[side[k + 1]] - MinimumPortGap);
        }
        return (low, high);
    }

    private static void Add(Dictionary<LayoutNode, List<(LayoutChain, int)>> map, LayoutNode node,
        (LayoutChain, int) end)
    {
        if (!map.TryGetValue(node, out var list))
        {
            map[node] = list = [];
        }
        list.Add(end);
    }

    private static void Spread(LayoutNode node, List<(LayoutChain Chain, int Index)> ends,
        Dictionary<(LayoutChain, int), double> ports)
    {
        int k = ends.Count;
        double step = k > 1 && !node.IsDummy ? Math.Min(PortSpacing, node.SizeV * 0.6 / (k - 1)) : 0;
        for (int i = 0; i < k; i++)
        {
            ports[ends[i]] = node.V + (i - (k - 1) / 2.0) * step;
        }
    }

    // Every sideways run in a gap gets a track; runs are stacked greedily so that fewer runs cross.
    private void AssignTracks()
    {
        var byGap = new Dictionary<int, List<(LayoutChain Chain, int Index, double X1, double X2)>>();
        foreach (var chain in _chains)
        {
            for (int i = 0; i + 1 < chain.Nodes.Count; i++)
            {
                double x1 = _outPorts[(chain, i)];
                double x2 = _inPorts[(chain, i + 1)];
                if (Math.Abs(x1 - x2) > 0.5)
                {
                    int gap = chain.Nodes[i].Rank;
                    if (!byGap.TryGetValue(gap, out var runs))
                    {
                        byGap[gap] = runs = [];
                    }
                    runs.Add((chain, i, x1, x2));
                }
            }
        }
        foreach (var (gap, runs) in byGap)
        {
            _trackCounts[gap] = runs.Count;
            var left = runs.OrderBy(r => r.X1).ThenBy(r => r.X2).ToList();
            int track = 0;
            // The greedy stacking costs runs^3; very crowded gaps keep the plain order.
            while (left.Count > MaxGreedyRuns)
            {
                _tracks[(left[0].Chain, left[0].Index)] = track++;
                left.RemoveAt(0);
            }
            while (left.Count > 0)
            {
                var best = left.MinBy(r => left.Sum(o => ReferenceEquals(o.Chain, r.Chain) && o.Index == r.Index
                    ? 0
                    : CrossingsIfAbove(r, o)))!;
                _tracks[(best.Chain, best.Index)] = track++;
                left.Remove(best);
            }
        }
    }

    // Crossings between two runs when `upper` takes the higher track: the lower run's first leg crosses the upper
    // run's sideways piece, or the upper run's last leg crosses the lower run's sideways piece.
    private static int CrossingsIfAbove((LayoutChain, int, double X1, double X2) upper,
        (LayoutChain, int, double X1, double X2) lower)
    {
        static bool Between(double x, double a, double b) => x > Math.Min(a, b) + 1e-6 && x < Math.Max(a, b) - 1e-6;
        return (Between(lower.X1, upper.X1, upper.X2) ? 1 : 0) + (Between(upper.X2, lower.X1, lower.X2) ? 1 : 0);
    }
}
