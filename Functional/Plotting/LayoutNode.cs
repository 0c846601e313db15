namespace Keras;

/// <summary>A box or a bend point of a long arrow (a dummy) in the layered layout, in layout coordinates: V runs
/// along a rank, U across ranks.</summary>
internal sealed class LayoutNode
{
    internal LayoutNode(int index, PlotNode? node, PlotCluster? cluster, double sizeV, double sizeU)
    {
        Index = index;
        Node = node;
        Cluster = cluster;
        SizeV = sizeV;
        SizeU = sizeU;
    }

    /// <summary>Creation order (boxes first, in Keras' layer order), used to break ties.</summary>
    internal int Index { get; }

    /// <summary>The box, or null for a dummy.</summary>
    internal PlotNode? Node { get; }

    internal bool IsDummy => Node is null;

    /// <summary>The innermost cluster the node belongs to.</summary>
    internal PlotCluster? Cluster { get; }

    /// <summary>The extent along a rank.</summary>
    internal double SizeV { get; }

    /// <summary>The extent across ranks.</summary>
    internal double SizeU { get; }

    /// <summary>Extra room on each side along the rank (for a self-loop).</summary>
    internal double SideRoom { get; set; }

    internal int Rank { get; set; }

    /// <summary>The position within the rank.</summary>
    internal int Order { get; set; }

    /// <summary>The centre along the rank.</summary>
    internal double V { get; set; }

    /// <summary>The centre across ranks.</summary>
    internal double U { get; set; }

    /// <summary>Neighbours in the previous rank.</summary>
    internal List<LayoutNode> Up { get; } = [];

    /// <summary>Neighbours in the next rank.</summary>
    internal List<LayoutNode> Down { get; } = [];

    internal double Left => V - SizeV / 2 - SideRoom;

    internal double Right => V + SizeV / 2 + SideRoom;

    internal double Top => U - SizeU / 2;

    internal double Bottom => U + SizeU / 2;
}

/// <summary>An arrow laid out as a chain of nodes, one per rank, from its upper end to its lower end.</summary>
/// <param name="Edge">The arrow.</param>
/// <param name="Nodes">The chain: the upper box, dummies, the lower box.</param>
/// <param name="Reversed">True when the arrow points upwards (it closes a cycle of a shared layer).</param>
internal sealed record LayoutChain(PlotEdge Edge, List<LayoutNode> Nodes, bool Reversed);
