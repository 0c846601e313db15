using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Keras.Tests.FunctionalApi.Plotting;

/// <summary>Reads back an SVG written by the plotter: boxes (by layer name), arrows and cluster frames.</summary>
internal sealed partial class SvgPlot
{
    internal static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private SvgPlot(XDocument document)
    {
        Document = document;
        var nodes = document.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "node").ToList();
        var idToName = nodes.ToDictionary(g => (string)g.Attribute("id")!, g => g.Element(Svg + "title")!.Value);
        Boxes = nodes.ToDictionary(g => g.Element(Svg + "title")!.Value, g =>
        {
            var rect = g.Elements(Svg + "rect").Single();
            return new Box(D(rect, "x"), D(rect, "y"), D(rect, "width"), D(rect, "height"),
                g.Elements(Svg + "text").Select(t => t.Value).ToList());
        });
        Arrows = document.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "edge").Select(g =>
        {
            var ids = g.Element(Svg + "title")!.Value.Split("->");
            var path = g.Elements(Svg + "path").Single();
            var points = Numbers((string)path.Attribute("d")!);
            var head = Numbers((string)g.Elements(Svg + "polygon").Single().Attribute("points")!);
            return new Arrow(idToName[ids[0]], idToName[ids[1]], points, head[1], (string)path.Attribute("d")!);
        }).ToList();
        Frames = document.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "cluster")
            .ToDictionary(g => g.Element(Svg + "title")!.Value, g =>
            {
                var corners = Numbers((string)g.Element(Svg + "polygon")!.Attribute("points")!);
                double left = corners.Min(p => p.X);
                double top = corners.Min(p => p.Y);
                return new Box(left, top, corners.Max(p => p.X) - left, corners.Max(p => p.Y) - top, []);
            });
    }

    internal XDocument Document { get; }

    /// <summary>Layer name → box.</summary>
    internal Dictionary<string, Box> Boxes { get; }

    internal List<Arrow> Arrows { get; }

    /// <summary>Nested model name → frame.</summary>
    internal Dictionary<string, Box> Frames { get; }

    internal static SvgPlot Parse(string svg) => new(XDocument.Parse(svg));

    internal int Count(string element) => Document.Descendants(Svg + element).Count();

    private static double D(XElement e, string name) =>
        double.Parse((string)e.Attribute(name)!, CultureInfo.InvariantCulture);

    private static List<(double X, double Y)> Numbers(string text) => Pair().Matches(text)
        .Select(m => (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
            double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))
        .ToList();

    [GeneratedRegex(@"(-?[0-9.]+),(-?[0-9.]+)")]
    private static partial Regex Pair();

    internal sealed record Box(double X, double Y, double Width, double Height, List<string> Texts)
    {
        internal double Right => X + Width;

        internal double Bottom => Y + Height;

        internal bool Overlaps(Box o) => X < o.Right && o.X < Right && Y < o.Bottom && o.Y < Bottom;

        /// <summary>Whether the point lies on the box's outline (within half a point).</summary>
        internal bool OnBorder((double X, double Y) p)
        {
            const double tolerance = 0.5;
            bool withinX = p.X >= X - tolerance && p.X <= Right + tolerance;
            bool withinY = p.Y >= Y - tolerance && p.Y <= Bottom + tolerance;
            return (withinX && (Math.Abs(p.Y - Y) <= tolerance || Math.Abs(p.Y - Bottom) <= tolerance)) ||
                   (withinY && (Math.Abs(p.X - X) <= tolerance || Math.Abs(p.X - Right) <= tolerance));
        }
    }

    /// <summary>An arrow: its endpoints' layer names, the path's points (controls included) and the head's
    /// tip.</summary>
    internal sealed record Arrow(string From, string To, List<(double X, double Y)> Points, (double X, double Y) Tip,
        string PathData);
}
