namespace Keras;

/// <summary>Puts boxes on ranks: arrows that close a cycle are turned around, every box goes one rank below its
/// lowest input (longest path), then boxes with more outputs than inputs sink towards their consumers so arrows
/// stay short (what Graphviz's network simplex does for inputs fed into a late layer).</summary>
internal static class Ranking
{
    /// <summary>Sets <see cref="LayoutNode.Rank"/> (0 = first rank) and returns which edges point upwards.</summary>
    internal static bool[] Assign(IReadOnlyList<LayoutNode> nodes,
        IReadOnlyList<(LayoutNode From, LayoutNode To)> edges)
    {
        bool[] reversed = FindBackEdges(nodes, edges);
        var up = nodes.ToDictionary(n => n, _ => new List<LayoutNode>());
        var down = nodes.ToDictionary(n => n, _ => new List<LayoutNode>());
        for (int e = 0; e < edges.Count; e++)
        {
            var (a, b) = reversed[e] ? (edges[e].To, edges[e].From) : (edges[e].From, edges[e].To);
            down[a].Add(b);
            up[b].Add(a);
        }

        var order = TopologicalOrder(nodes, up, down);
        foreach (var node in order)
        {
            node.Rank = up[node].Count == 0 ? 0 : up[node].Max(p => p.Rank) + 1;
        }
        for (int i = order.Count - 1; i >= 0; i--)
        {
            var node = order[i];
            if (down[node].Count > 0 && up[node].Count < down[node].Count)
            {
                node.Rank = Math.Max(node.Rank, down[node].Min(s => s.Rank) - 1);
            }
        }

        // Renumber so no rank is left empty.
        var used = nodes.Select(n => n.Rank).Distinct().Order().ToList();
        var compact = used.Select((rank, i) => (rank, i)).ToDictionary(p => p.rank, p => p.i);
        foreach (var node in nodes)
        {
            node.Rank = compact[node.Rank];
        }
        return reversed;
    }

    // Depth-first search from the inputs, in layer order; an edge into a node still on the stack closes a cycle.
    private static bool[] FindBackEdges(IReadOnlyList<LayoutNode> nodes,
        IReadOnlyList<(LayoutNode From, LayoutNode To)> edges)
    {
        var outgoing = nodes.ToDictionary(n => n, _ => new List<int>());
        var hasInput = new HashSet<LayoutNode>();
        for (int e = 0; e < edges.Count; e++)
        {
            outgoing[edges[e].From].Add(e);
            hasInput.Add(edges[e].To);
        }
        var state = new Dictionary<LayoutNode, int>();
        var reversed = new bool[edges.Count];
        var roots = nodes.Where(n => !hasInput.Contains(n)).Concat(nodes.Where(hasInput.Contains));
        foreach (var root in roots)
        {
            if (state.ContainsKey(root))
            {
                continue;
            }
            var stack = new Stack<(LayoutNode Node, int Next)>();
            stack.Push((root, 0));
            state[root] = 1;
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                var edgeIds = outgoing[node];
                if (next == edgeIds.Count)
                {
                    state[node] = 2;
                    continue;
                }
                stack.Push((node, next + 1));
                int e = edgeIds[next];
                var target = edges[e].To;
                switch (state.GetValueOrDefault(target))
                {
                    case 0:
                        state[target] = 1;
                        stack.Push((target, 0));
                        break;
                    case 1:
                        reversed[e] = true;
                        break;
                }
            }
        }
        return reversed;
    }

    private static List<LayoutNode> TopologicalOrder(IReadOnlyList<LayoutNode> nodes,
        Dictionary<LayoutNode, List<LayoutNode>> up, Dictionary<LayoutNode, List<LayoutNode>> down)
    {
        var remaining = nodes.ToDictionary(n => n, n => up[n].Count);
        var ready = new Queue<LayoutNode>(nodes.Where(n => remaining[n] == 0));
        var order = new List<LayoutNode>(nodes.Count);
        while (ready.Count > 0)
        {
            var node = ready.Dequeue();
            order.Add(node);
            foreach (var next in down[node])
            {
                if (--remaining[next] == 0)
                {
                    ready.Enqueue(next);
                }
            }
        }
        return order;
    }
}
