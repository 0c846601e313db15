using System.Globalization;
using Keras.Layers;

namespace Keras.Tests.FunctionalApi.Plotting;

public sealed class PlotModelSvgTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("keras-plot-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void TwoInputsTwoOutputs_OneRectPerBox_OnePathPerArrow()
    {
        using var model = PlotTestModels.TwoInTwoOut();

        var svg = Plot(model, showShapes: true, showLayerNames: true);

        Assert.Equal(PlotTestModels.TwoInTwoOutLayers.Order(), svg.Boxes.Keys.Order());
        Assert.Equal(PlotTestModels.TwoInTwoOutLayers.Length, svg.Count("rect"));
        Assert.Equal(PlotTestModels.TwoInTwoOutEdges.Length, svg.Count("path"));
        Assert.Equal(PlotTestModels.TwoInTwoOutEdges.ToHashSet(), svg.Arrows.Select(a => (a.From, a.To)).ToHashSet());
        Assert.Equal(PlotTestModels.TwoInTwoOutEdges.Length, svg.Arrows.Count);
    }

    [Fact]
    public void ShowShapes_LabelsCarryNamesClassesAndShapes()
    {
        using var model = PlotTestModels.TwoInTwoOut();

        var svg = Plot(model, showShapes: true, showLayerNames: true);

        Assert.Equal(["title (InputLayer)", "Output shape: (None, 8)"], svg.Boxes["title"].Texts);
        Assert.Equal(["title_proj (Dense)", "Input shape: (None, 8)", "Output shape: (None, 16)"],
            svg.Boxes["title_proj"].Texts);
        Assert.Equal(["shared (Dense)", "Input shape: (None, 16)", "Output shape: (None, 16)"],
            svg.Boxes["shared"].Texts);
    }

    [Fact]
    public void DefaultLabels_AreClassNames_AsKerasPlotModel()
    {
        using var model = PlotTestModels.Stack();

        var svg = Plot(model);

        Assert.Equal(["InputLayer"], svg.Boxes["features"].Texts);
        Assert.Equal(["Dense"], svg.Boxes["hidden"].Texts);
    }

    [Theory]
    [InlineData("TB", "ortho")]
    [InlineData("LR", "ortho")]
    [InlineData("BT", "ortho")]
    [InlineData("RL", "ortho")]
    [InlineData("TB", "curved")]
    [InlineData("LR", "spline")]
    [InlineData("TB", "polyline")]
    [InlineData("LR", "line")]
    public void Layout_BoxesApart_ArrowsRunFromSourceToTarget(string rankdir, string splines)
    {
        using var model = PlotTestModels.TwoInTwoOut();

        var svg = Plot(model, showShapes: true, showLayerNames: true, rankdir: rankdir, splines: splines);

        AssertNoOverlaps(svg);
        AssertArrowsConnect(svg);
        foreach (var arrow in svg.Arrows)
        {
            var (from, to) = (svg.Boxes[arrow.From], svg.Boxes[arrow.To]);
            bool forward = rankdir switch
            {
                "TB" => to.Y > from.Bottom,
                "BT" => to.Bottom < from.Y,
                "LR" => to.X > from.Right,
                _ => to.Right < from.X,
            };
            Assert.True(forward, $"{arrow.From} -> {arrow.To} does not run {rankdir}.");
        }
    }

    [Theory]
    [InlineData("TB")]
    [InlineData("LR")]
    public void LongArrows_GoAroundBoxes(string rankdir)
    {
        using var model = Branches();

        var svg = Plot(model, showShapes: true, rankdir: rankdir);

        AssertNoOverlaps(svg);
        AssertArrowsConnect(svg);
        foreach (var arrow in svg.Arrows)
        {
            var points = arrow.Points;
            for (int i = 0; i + 1 < points.Count; i++)
            {
                foreach (var (name, box) in svg.Boxes.Where(b => b.Key != arrow.From && b.Key != arrow.To))
                {
                    Assert.False(SegmentCrosses(points[i], points[i + 1], box),
                        $"Arrow {arrow.From} -> {arrow.To} runs through box {name}.");
                }
            }
        }
    }

    [Fact]
    public void CyclesAndSelfLoops_AreDrawn_WithHeadsOnTheirTargets()
    {
        using var cycle = PlotTestModels.Cycle();
        using var loop = PlotTestModels.SelfLoop();

        var cycleSvg = Plot(cycle, showShapes: true);
        var loopSvg = Plot(loop, showShapes: true);

        Assert.Equal(4, cycleSvg.Arrows.Count);
        Assert.Equal(2, loopSvg.Arrows.Count);
        AssertNoOverlaps(cycleSvg);
        AssertArrowsConnect(cycleSvg);
        AssertArrowsConnect(loopSvg);
    }

    [Fact]
    public void ExpandNested_FramesTheNestedModelsLayers()
    {
        using var model = PlotTestModels.NestedFunctional();

        var svg = Plot(model, showShapes: true, showLayerNames: true, expandNested: true);

        var frame = Assert.Single(svg.Frames).Value;
        Assert.Equal("encoder", svg.Frames.Keys.Single());
        foreach (var (name, box) in svg.Boxes)
        {
            bool inside = box.X >= frame.X && box.Right <= frame.Right &&
                          box.Y >= frame.Y && box.Bottom <= frame.Bottom;
            Assert.True(name.StartsWith("inner_", StringComparison.Ordinal) == inside, $"{name} inside={inside}");
            if (!inside)
            {
                Assert.False(box.Overlaps(frame), $"{name} overlaps the frame.");
            }
        }
        AssertArrowsConnect(svg);
    }

    [Fact]
    public void Dpi_ScalesThePixelSize()
    {
        using var model = PlotTestModels.Stack();

        var at72 = Plot(model, dpi: 72).Document.Root!;
        var at144 = Plot(model, dpi: 144).Document.Root!;

        var viewBox = ((string)at72.Attribute("viewBox")!).Split(' ')
            .Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(viewBox[2], Number(at72, "width"), 1);
        Assert.Equal(viewBox[3], Number(at72, "height"), 1);
        Assert.Equal(2 * viewBox[2], Number(at144, "width"), 1);
        Assert.Equal((string)at72.Attribute("viewBox")!, (string)at144.Attribute("viewBox")!);
    }

    [Fact]
    public void NamesWithMarkup_StayWellFormed()
    {
        const string odd = "a<b> & \"c\" \u0001";
        var input = new Input([2], name: "in");
        using var model = new Functional(input, new Dense(2, name: odd).Call(input));

        var svg = Plot(model, showLayerNames: true);

        const string cleaned = "a<b> & \"c\"  ";
        Assert.Equal(cleaned + " (Dense)", svg.Boxes[cleaned].Texts.Single());
    }

    internal static void AssertNoOverlaps(SvgPlot svg)
    {
        var boxes = svg.Boxes.ToList();
        for (int i = 0; i < boxes.Count; i++)
        {
            for (int j = i + 1; j < boxes.Count; j++)
            {
                Assert.False(boxes[i].Value.Overlaps(boxes[j].Value), $"{boxes[i].Key} overlaps {boxes[j].Key}.");
            }
        }
    }

    internal static void AssertArrowsConnect(SvgPlot svg)
    {
        foreach (var arrow in svg.Arrows)
        {
            Assert.True(svg.Boxes[arrow.From].OnBorder(arrow.Points[0]),
                $"{arrow.From} -> {arrow.To} starts at {arrow.Points[0]}, off its source's border.");
            Assert.True(svg.Boxes[arrow.To].OnBorder(arrow.Tip),
                $"{arrow.From} -> {arrow.To} points at {arrow.Tip}, off its target's border.");
            var end = arrow.Points[^1];
            double gap = Math.Sqrt(Math.Pow(end.X - arrow.Tip.X, 2) + Math.Pow(end.Y - arrow.Tip.Y, 2));
            Assert.Equal(10, gap, 1);
        }
    }

    // x feeds three branches; the shared layer `s` is applied to x and to the end of the long branch, so the arrow
    // from x to s spans several ranks.
    private static Functional Branches()
    {
        var x = new Input([8], name: "x");
        var s = new Dense(8, name: "s");
        var a = new Dense(8, name: "a3").Call(new Dense(8, name: "a2").Call(new Dense(8, name: "a1").Call(x)));
        var outA = s.Call(a);
        var outB = new Dense(2, name: "b1").Call(x);
        var outC = s.Call(x);
        var outD = new Dense(3, name: "d2").Call(new Dense(8, name: "d1").Call(x));
        return new Functional([x], [outA, outB, outC, outD], name: "branches");
    }

    private static bool SegmentCrosses((double X, double Y) p, (double X, double Y) q, SvgPlot.Box box)
    {
        // Sample the segment; a hit strictly inside the box (not on its outline) counts.
        for (int k = 0; k <= 200; k++)
        {
            double t = k / 200.0;
            double x = p.X + (q.X - p.X) * t;
            double y = p.Y + (q.Y - p.Y) * t;
            if (x > box.X + 0.5 && x < box.Right - 0.5 && y > box.Y + 0.5 && y < box.Bottom - 0.5)
            {
                return true;
            }
        }
        return false;
    }

    private static double Number(System.Xml.Linq.XElement e, string name) =>
        double.Parse((string)e.Attribute(name)!, CultureInfo.InvariantCulture);

    private SvgPlot Plot(Model model, bool showShapes = false, bool showLayerNames = false, string rankdir = "TB",
        bool expandNested = false, int dpi = 200, string splines = "ortho")
    {
        string path = Path.Combine(_folder.FullName, "model.svg");
        Utils.PlotModel(model, path, showShapes: showShapes, showLayerNames: showLayerNames, rankdir: rankdir,
            expandNested: expandNested, dpi: dpi, splines: splines);
        return SvgPlot.Parse(File.ReadAllText(path));
    }
}
