namespace Keras;

/// <summary>Places nodes along their ranks: each node is pulled towards the mean of its neighbours (long arrows
/// weigh more, so they run straight), and overlaps are resolved optimally for that rank by isotonic regression
/// (pool adjacent violators), which keeps the order and the minimum gaps.</summary>
internal static class Positioning
{
    /// <summary>The gap between boxes in a rank.</summary>
    internal const double NodeGap = 28;

    private const double DummyGap = 12;
    private const int Iterations = 8;

    /// <summary>Sets <see cref="LayoutNode.V"/> for every node; <paramref name="clusterMargin"/> is kept free
    /// around every cluster's nodes.</summary>
    internal static void Assign(List<List<LayoutNode>> ranks, IReadOnlyList<PlotCluster> clusters, double clusterMargin)
    {
        foreach (var rank in ranks)
        {
            double v = 0;
            for (int i = 0; i < rank.Count; i++)
            {
                v += i == 0 ? rank[i].SizeV / 2 + rank[i].SideRoom : Separation(rank[i - 1], rank[i], clusterMargin);
                rank[i].V = v;
            }
            double shift = (rank[0].Left + rank[^1].Right) / 2;
            rank.ForEach(n => n.V -= shift);
        }
        for (int iteration = 0; iteration < Iterations; iteration++)
        {
            for (int r = 1; r < ranks.Count; r++)
            {
                Place(ranks[r], n => n.Up, clusterMargin);
            }
            for (int r = ranks.Count - 2; r >= 0; r--)
            {
                Place(ranks[r], n => n.Down, clusterMargin);
            }
        }
        for (int r = 0; r < ranks.Count; r++)
        {
            Place(ranks[r], n => [.. n.Up, .. n.Down], clusterMargin);
        }
        Straighten(ranks, clusterMargin);
        SeparateClusters(ranks, clusters, clusterMargin);
        double left = ranks.SelectMany(r => r).Min(n => n.Left);
        foreach (var node in ranks.SelectMany(r => r))
        {
            node.V -= left;
        }
    }

    /// <summary>The distance between the centres of two neighbours in a rank.</summary>
    private static double Separation(LayoutNode a, LayoutNode b, double clusterMargin)
    {
        double gap = a.IsDummy && b.IsDummy ? DummyGap : a.IsDummy || b.IsDummy ? (NodeGap + DummyGap) / 2 : NodeGap;
        var pa = PlotCluster.PathOf(a.Cluster);
        var pb = PlotCluster.PathOf(b.Cluster);
        int shared = 0;
        while (shared < Math.Min(pa.Count, pb.Count) && ReferenceEquals(pa[shared], pb[shared]))
        {
            shared++;
        }
        int boundaries = pa.Count + pb.Count - 2 * shared;
        return a.SizeV / 2 + a.SideRoom + b.SizeV / 2 + b.SideRoom + gap + clusterMargin * boundaries;
    }

    private static double EdgeWeight(LayoutNode a, LayoutNode b) =>
        a.IsDummy && b.IsDummy ? 8 : a.IsDummy || b.IsDummy ? 2 : 1;

    // Minimises sum w_i (v_i - d_i)^2 subject to v_{i+1} - v_i >= sep_i: with o_i the cumulative separations,
    // y_i = v_i - o_i must be non-decreasing, an isotonic regression of d_i - o_i.
    private static void Place(List<LayoutNode> rank, Func<LayoutNode, IEnumerable<LayoutNode>> neighbours,
        double clusterMargin)
    {
        int n = rank.Count;
        var offsets = new double[n];
        var targets = new double[n];
        var weights = new double[n];
        for (int i = 0; i < n; i++)
        {
            offsets[i] = i == 0 ? 0 : offsets[i - 1] + Separation(rank[i - 1], rank[i], clusterMargin);
            double sum = 0, total = 0;
            foreach (var m in neighbours(rank[i]))
            {
                double w = EdgeWeight(rank[i], m);
                sum += w * m.V;
                total += w;
            }
            (double desired, weights[i]) = total > 0 ? (sum / total, total) : (rank[i].V, 0.05);
            targets[i] = desired - offsets[i];
        }
        var blocks = new List<(double Weight, double Sum, int Count)>();
        for (int i = 0; i < n; i++)
        {
            blocks.Add((weights[i], weights[i] * targets[i], 1));
            while (blocks.Count > 1 && blocks[^2].Sum / blocks[^2].Weight > blocks[^1].Sum / blocks[^1].Weight)
            {
                var last = blocks[^1];
                var previous = blocks[^2];
                blocks.RemoveAt(blocks.Count - 1);
                blocks[^1] = (previous.Weight + last.Weight, previous.Sum + last.Sum, previous.Count + last.Count);
            }
        }
        int index = 0;
        foreach (var (weight, sum, count) in blocks)
        {
            double y = sum / weight;
            for (int k = 0; k < count; k++, index++)
            {
                rank[index].V = y + offsets[index];
            }
        }
    }

    // Puts each run of dummies of a long arrow on one line where the neighbours leave room, preferring the line
    // of one of the arrow's ends (then the arrow bends at most once) and small moves.
    private static void Straighten(List<List<LayoutNode>> ranks, double clusterMargin)
    {
        foreach (var start in ranks.SelectMany(r => r).Where(n => n.IsDummy && !n.Up[0].IsDummy).ToList())
        {
            var run = new List<LayoutNode> { start };
            while (run[^1].Down[0].IsDummy)
            {
                run.Add(run[^1].Down[0]);
            }
            double upper = start.Up[0].V;
            double lower = run[^1].Down[0].V;
            var best = new[] { upper, lower }.Concat(run.Select(n => n.V))
                .Where(v => run.All(n => Fits(ranks[n.Rank], n, v, clusterMargin)))
                .Select(v => (V: v, Bends: (Spans(start.Up[0], v) ? 0 : 1) + (Spans(run[^1].Down[0], v) ? 0 : 1),
                    Moves: run.Sum(n => Math.Abs(n.V - v))))
                .OrderBy(c => c.Bends)
                .ThenBy(c => c.Moves)
                .FirstOrDefault();
            if (best != default)
            {
                run.ForEach(n => n.V = best.V);
            }
        }
    }

    // Whether an arrow at `v` can leave or enter the box straight.
    private static bool Spans(LayoutNode box, double v) =>
        Math.Abs(v - box.V) <= box.SizeV / 2 - EdgeRouter.PortMargin;

    private static bool Fits(List<LayoutNode> rank, LayoutNode node, double v, double clusterMargin)
    {
        const double slack = 1e-6;
        bool leftFits = node.Order == 0 ||
                        v - rank[node.Order - 1].V >= Separation(rank[node.Order - 1], node, clusterMargin) - slack;
        bool rightFits = node.Order == rank.Count - 1 ||
                         rank[node.Order + 1].V - v >= Separation(node, rank[node.Order + 1], clusterMargin) - slack;
        return leftFits && rightFits;
    }

    // A node outside a cluster must not sit inside the cluster's frame in any rank the frame spans: push such nodes
    // (and everything beyond them) sideways. Inner clusters first, since outer frames enclose them.
    private static void SeparateClusters(List<List<LayoutNode>> ranks, IReadOnlyList<PlotCluster> clusters,
        double margin)
    {
        var all = ranks.SelectMany(r => r).ToList();
        foreach (var cluster in clusters.OrderByDescending(c => c.Depth))
        {
            var members = all.Where(n => PlotCluster.PathOf(n.Cluster).Contains(cluster)).ToHashSet();
            if (members.Count == 0)
            {
                continue;
            }
            double depthBelow = 1 + members.Max(n => PlotCluster.PathOf(n.Cluster).Count) -
                                PlotCluster.PathOf(cluster).Count;
            double left = members.Min(n => n.Left) - margin * depthBelow;
            double right = members.Max(n => n.Right) + margin * depthBelow;
            int first = members.Min(n => n.Rank);
            int last = members.Max(n => n.Rank);
            for (int r = first; r <= last; r++)
            {
                var rank = ranks[r];
                var inside = rank.Where(members.Contains).Select(n => n.Order).ToList();
                double middle = (left + right) / 2;
                bool IsLeft(LayoutNode n) => inside.Count > 0 ? n.Order < inside.Min() : n.V < middle;
                var outside = rank.Where(n => !members.Contains(n)).ToList();
                double pushLeft = outside.Where(IsLeft).Select(n => n.Right + NodeGap / 2 - left)
                    .DefaultIfEmpty(0).Max();
                double pushRight = outside.Where(n => !IsLeft(n)).Select(n => right + NodeGap / 2 - n.Left)
                    .DefaultIfEmpty(0).Max();
                foreach (var node in outside)
                {
                    if (IsLeft(node) && pushLeft > 0)
                    {
                        node.V -= pushLeft;
                    }
                    else if (!IsLeft(node) && pushRight > 0)
                    {
                        node.V += pushRight;
                    }
                }
            }
        }
    }
}
