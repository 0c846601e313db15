namespace Keras;

/// <summary>Orders the nodes of each rank to reduce crossing arrows: barycenter sweeps down and up with adjacent
/// swaps, keeping the best order seen; a nested model's nodes stay side by side in every rank.</summary>
internal static class Ordering
{
    private const int Sweeps = 24;

    /// <summary>Reorders each rank in place and sets <see cref="LayoutNode.Order"/>.</summary>
    internal static void Apply(List<List<LayoutNode>> ranks)
    {
        for (int r = 0; r < ranks.Count; r++)
        {
            ranks[r] = Group(ranks[r].OrderBy(n => n.Index).ToList(), 0);
            Renumber(ranks[r]);
        }
        for (int r = 1; r < ranks.Count; r++)
        {
            SortRank(ranks, r, downward: true);
        }
        var best = Snapshot(ranks);
        long bestCrossings = Crossings(ranks);
        for (int sweep = 0; sweep < Sweeps && bestCrossings > 0; sweep++)
        {
            bool downward = sweep % 2 == 1;
            if (downward)
            {
                for (int r = 1; r < ranks.Count; r++)
                {
                    SortRank(ranks, r, downward);
                }
            }
            else
            {
                for (int r = ranks.Count - 2; r >= 0; r--)
                {
                    SortRank(ranks, r, downward);
                }
            }
            Transpose(ranks);
            long crossings = Crossings(ranks);
            if (crossings < bestCrossings)
            {
                bestCrossings = crossings;
                best = Snapshot(ranks);
            }
        }
        for (int r = 0; r < ranks.Count; r++)
        {
            ranks[r] = best[r];
            Renumber(ranks[r]);
        }
    }

    /// <summary>The number of crossing arrow pieces over all pairs of adjacent ranks.</summary>
    internal static long Crossings(List<List<LayoutNode>> ranks)
    {
        long total = 0;
        for (int r = 0; r + 1 < ranks.Count; r++)
        {
            var pairs = ranks[r].SelectMany(a => a.Down.Select(b => (A: a.Order, B: b.Order))).ToList();
            for (int i = 0; i < pairs.Count; i++)
            {
                for (int j = i + 1; j < pairs.Count; j++)
                {
                    if ((long)(pairs[i].A - pairs[j].A) * (pairs[i].B - pairs[j].B) < 0)
                    {
                        total++;
                    }
                }
            }
        }
        return total;
    }

    private static void SortRank(List<List<LayoutNode>> ranks, int r, bool downward)
    {
        var rank = ranks[r];
        int count = rank.Count;
        var keyed = rank
            .Select(n =>
            {
                var neighbours = downward ? n.Up : n.Down;
                double key = neighbours.Count == 0
                    ? (n.Order + 0.5) / count
                    : neighbours.Average(m => (m.Order + 0.5) / ranks[m.Rank].Count);
                return (Node: n, Key: key);
            })
            .OrderBy(p => p.Key)
            .ThenBy(p => p.Node.Order)
            .Select(p => p.Node)
            .ToList();
        ranks[r] = Group(keyed, 0);
        Renumber(ranks[r]);
    }

    // Swaps neighbours (of the same cluster) while that removes crossings.
    private static void Transpose(List<List<LayoutNode>> ranks)
    {
        for (int pass = 0; pass < 8; pass++)
        {
            bool improved = false;
            foreach (var rank in ranks)
            {
                for (int i = 0; i + 1 < rank.Count; i++)
                {
                    var u = rank[i];
                    var v = rank[i + 1];
                    if (!ReferenceEquals(u.Cluster, v.Cluster))
                    {
                        continue;
                    }
                    if (PairCrossings(v, u) < PairCrossings(u, v))
                    {
                        rank[i] = v;
                        rank[i + 1] = u;
                        u.Order = i + 1;
                        v.Order = i;
                        improved = true;
                    }
                }
            }
            if (!improved)
            {
                return;
            }
        }
    }

    // Crossings between the arrows of `left` and `right` when `left` is placed first.
    private static int PairCrossings(LayoutNode left, LayoutNode right)
    {
        int count = 0;
        foreach (var a in left.Up)
        {
            count += right.Up.Count(b => b.Order < a.Order);
        }
        foreach (var a in left.Down)
        {
            count += right.Down.Count(b => b.Order < a.Order);
        }
        return count;
    }

    // Keeps each cluster's nodes contiguous, clusters placed at the mean position of their nodes, recursively.
    private static List<LayoutNode> Group(List<LayoutNode> sorted, int depth)
    {
        var units = new List<(object Key, List<LayoutNode> Members, double Position)>();
        var byKey = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < sorted.Count; i++)
        {
            var path = PlotCluster.PathOf(sorted[i].Cluster);
            object key = path.Count > depth ? path[depth] : sorted[i];
            if (!byKey.TryGetValue(key, out int unit))
            {
                unit = units.Count;
                byKey[key] = unit;
                units.Add((key, [], 0));
            }
            units[unit].Members.Add(sorted[i]);
            units[unit] = units[unit] with { Position = units[unit].Position + i };
        }
        var result = new List<LayoutNode>(sorted.Count);
        foreach (var (key, members, position) in units.OrderBy(u => u.Position / u.Members.Count))
        {
            result.AddRange(key is PlotCluster ? Group(members, depth + 1) : members);
        }
        return result;
    }

    private static void Renumber(List<LayoutNode> rank)
    {
        for (int i = 0; i < rank.Count; i++)
        {
            rank[i].Order = i;
        }
    }

    private static List<List<LayoutNode>> Snapshot(List<List<LayoutNode>> ranks) =>
        ranks.Select(r => r.ToList()).ToList();
}
