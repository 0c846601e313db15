namespace Keras;

/// <summary>A point in points (1/72 inch).</summary>
/// <param name="X">The horizontal coordinate (or, during layout, the position within a rank).</param>
/// <param name="Y">The vertical coordinate (or, during layout, the position along the ranks).</param>
internal readonly record struct PlotPoint(double X, double Y)
{
    public static PlotPoint operator +(PlotPoint a, PlotPoint b) => new(a.X + b.X, a.Y + b.Y);

    public static PlotPoint operator -(PlotPoint a, PlotPoint b) => new(a.X - b.X, a.Y - b.Y);

    public static PlotPoint operator *(PlotPoint a, double k) => new(a.X * k, a.Y * k);

    internal double Length => Math.Sqrt(X * X + Y * Y);
}

/// <summary>An axis-aligned rectangle.</summary>
/// <param name="X">The left edge.</param>
/// <param name="Y">The top edge.</param>
/// <param name="Width">The width.</param>
/// <param name="Height">The height.</param>
internal readonly record struct PlotRect(double X, double Y, double Width, double Height)
{
    internal double Right => X + Width;

    internal double Bottom => Y + Height;

    internal static PlotRect FromEdges(double left, double top, double right, double bottom) =>
        new(left, top, right - left, bottom - top);

    internal PlotRect Union(PlotRect other) => FromEdges(Math.Min(X, other.X), Math.Min(Y, other.Y),
        Math.Max(Right, other.Right), Math.Max(Bottom, other.Bottom));

    internal PlotRect Inflate(double left, double top, double right, double bottom) =>
        FromEdges(X - left, Y - top, Right + right, Bottom + bottom);

    internal bool Intersects(PlotRect other) =>
        X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;
}

/// <summary>A straight segment, or a cubic Bézier when both control points are set.</summary>
/// <param name="Start">The start.</param>
/// <param name="End">The end.</param>
/// <param name="Control1">The first control point of a curve.</param>
/// <param name="Control2">The second control point of a curve.</param>
internal sealed record PathSegment(
    PlotPoint Start,
    PlotPoint End,
    PlotPoint? Control1 = null,
    PlotPoint? Control2 = null)
{
    internal bool IsCurve => Control1 is not null;

    /// <summary>The same segment traversed the other way.</summary>
    internal PathSegment Reversed() => new(End, Start, Control2, Control1);

    /// <summary>The segment with every point transformed.</summary>
    internal PathSegment Map(Func<PlotPoint, PlotPoint> f) =>
        new(f(Start), f(End), Control1 is { } c1 ? f(c1) : null, Control2 is { } c2 ? f(c2) : null);

    /// <summary>The direction of travel at the end.</summary>
    internal PlotPoint EndDirection
    {
        get
        {
            var from = Control2 is { } c2 && (End - c2).Length > 1e-9 ? c2 : Start;
            var d = End - from;
            double length = d.Length;
            return length < 1e-9 ? new PlotPoint(0, 1) : d * (1 / length);
        }
    }
}
