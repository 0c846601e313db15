namespace Keras;

/// <summary>A finished drawing in points: boxes, arrows and cluster frames, with the canvas size.</summary>
/// <param name="Width">The canvas width.</param>
/// <param name="Height">The canvas height.</param>
/// <param name="Boxes">Each layer's box.</param>
/// <param name="Arrows">Each edge's path and arrowhead.</param>
/// <param name="Frames">Each expanded nested model's frame.</param>
internal sealed record PlotLayout(
    double Width,
    double Height,
    IReadOnlyList<(PlotNode Node, PlotRect Box)> Boxes,
    IReadOnlyList<(PlotEdge Edge, IReadOnlyList<PathSegment> Path, PlotPoint[] Head)> Arrows,
    IReadOnlyList<(PlotCluster Cluster, PlotRect Frame)> Frames);
