using Keras.Layers;

namespace Keras.Tests.FunctionalApi.Plotting;

public class ModelToDotTests
{
    [Fact]
    public void Sequential_DrawsInputLayerAndChain()
    {
        using var model = PlotTestModels.Stack();

        var dot = DotGraph.Parse(Utils.ModelToDot(model));

        Assert.Equal(["features", "hidden", "probs"], dot.NameOf.Values.Order());
        Assert.Equal([("features", "hidden"), ("hidden", "probs")], dot.NamedEdges.Order());
        Assert.Equal("TB", dot.Attributes["rankdir"]);
        Assert.Equal("200", dot.Attributes["dpi"]);
        Assert.Equal("ortho", dot.Attributes["splines"]);
        Assert.Equal("true", dot.Attributes["concentrate"]);
        Assert.Contains(dot.Labels.Values, l => l.Contains("<b>hidden</b> (Dense)", StringComparison.Ordinal));
        Assert.Contains(dot.Labels.Values, l => l.Contains("<b>features</b> (InputLayer)", StringComparison.Ordinal));
    }

    [Fact]
    public void TwoInputsTwoOutputs_OneNodePerLayer_OneEdgePerProducerConsumerPair()
    {
        using var model = PlotTestModels.TwoInTwoOut();

        var dot = DotGraph.Parse(Utils.ModelToDot(model));

        Assert.Equal(PlotTestModels.TwoInTwoOutLayers.Order(), dot.NameOf.Values.Order());
        Assert.Equal(PlotTestModels.TwoInTwoOutEdges.Length, dot.Edges.Count);
        Assert.Equal(PlotTestModels.TwoInTwoOutEdges.ToHashSet(), dot.NamedEdges);
    }

    [Fact]
    public void ShowShapes_ShowsInputAndOutputShapes_InputLayersOnlyOutput()
    {
        using var model = PlotTestModels.TwoInTwoOut();

        var dot = DotGraph.Parse(Utils.ModelToDot(model, showShapes: true));
        var text = dot.NameOf.ToDictionary(kv => kv.Value, kv => DotGraph.PlainText(dot.Labels[kv.Key]));

        Assert.Contains("Input shape:  (None, 4)", text["tags_proj"]);
        Assert.Contains("Output shape:  (None, 16)", text["tags_proj"]);
        Assert.Contains("Input shape:  (None, 16)", text["shared"]);
        Assert.Contains("Output shape:  (None, 3)", text["department"]);
        Assert.Contains("Output shape:  (None, 8)", text["title"]);
        Assert.DoesNotContain("Input shape", text["title"]);
        var plain = DotGraph.Parse(Utils.ModelToDot(model));
        Assert.DoesNotContain(plain.Labels.Values, l => l.Contains("shape", StringComparison.Ordinal));
    }

    [Fact]
    public void ShowDtypeTrainableActivations_AddKerasCells()
    {
        using var model = PlotTestModels.Stack();
        model.GetLayer("probs").Trainable = false;

        var dot = DotGraph.Parse(
            Utils.ModelToDot(model, showDtype: true, showLayerActivations: true, showTrainable: true));
        var label = dot.NameOf.ToDictionary(kv => kv.Value, kv => dot.Labels[kv.Key]);

        Assert.Contains("Activation: <b>relu</b>", label["hidden"]);
        Assert.Contains("Activation: <b>softmax</b>", label["probs"]);
        Assert.Contains("Output dtype: <b>float32</b>", label["hidden"]);
        Assert.Contains(
            "<td bgcolor=\"forestgreen\"><font point-size=\"14\" color=\"white\"><b>Trainable</b>", label["hidden"]);
        Assert.Contains("<b>Non-trainable</b>", label["probs"]);
        Assert.DoesNotContain("Activation", label["features"]);
        Assert.DoesNotContain("rainable", label["features"]);
    }

    [Fact]
    public void DenseWithoutActivation_ShowsLinear()
    {
        using var model = PlotTestModels.TwoInTwoOut();

        var dot = DotGraph.Parse(Utils.ModelToDot(model, showLayerActivations: true));

        var label = dot.Labels[dot.NameOf.Single(kv => kv.Value == "priority").Key];
        Assert.Contains("Activation: <b>linear</b>", label);
    }

    [Fact]
    public void ShowLayerNamesFalse_ShowsClassNamesOnly()
    {
        using var model = PlotTestModels.Stack();

        var dot = DotGraph.Parse(Utils.ModelToDot(model, showLayerNames: false));

        Assert.Equal(["Dense", "Dense", "InputLayer"], dot.NameOf.Values.Order());
        Assert.DoesNotContain(dot.Labels.Values, l => l.Contains("hidden", StringComparison.Ordinal));
    }

    [Fact]
    public void RankdirAndDpi_AreGraphAttributes()
    {
        using var model = PlotTestModels.Stack();

        var dot = DotGraph.Parse(Utils.ModelToDot(model, rankdir: "lr", dpi: 96, splines: "curved"));

        Assert.Equal("LR", dot.Attributes["rankdir"]);
        Assert.Equal("96", dot.Attributes["dpi"]);
        Assert.Equal("curved", dot.Attributes["splines"]);
    }

    [Fact]
    public void NestedFunctional_IsOneBox_UnlessExpanded()
    {
        using var model = PlotTestModels.NestedFunctional();

        var collapsed = DotGraph.Parse(Utils.ModelToDot(model, showShapes: true));
        var expanded = DotGraph.Parse(Utils.ModelToDot(model, showShapes: true, expandNested: true));

        Assert.Equal(["encoder", "head", "outer_in"], collapsed.NameOf.Values.Order());
        Assert.Equal([("encoder", "head"), ("outer_in", "encoder")], collapsed.NamedEdges.Order());
        var encoder = collapsed.Labels[collapsed.NameOf.Single(kv => kv.Value == "encoder").Key];
        Assert.Contains("<b>encoder</b> (Functional)", encoder);
        Assert.Contains("Output shape: <b>(None, 4)</b>", encoder);

        Assert.Equal(["head", "inner_dense", "inner_in", "inner_out", "outer_in"], expanded.NameOf.Values.Order());
        Assert.Equal(
            [
                ("inner_dense", "inner_out"), ("inner_in", "inner_dense"), ("inner_out", "head"),
                ("outer_in", "inner_in"),
            ],
            expanded.NamedEdges.Order());
        var names = expanded.NameOf;
        Assert.All(expanded.ClusterOf, kv => Assert.Equal(
            names[kv.Key].StartsWith("inner_", StringComparison.Ordinal) ? "cluster_encoder" : null, kv.Value));
        var innerDense = DotGraph.PlainText(expanded.Labels[names.Single(kv => kv.Value == "inner_dense").Key]);
        Assert.Contains("Input shape:  (None, 16)", innerDense);
        Assert.Contains("Output shape:  (None, 8)", innerDense);
    }

    [Fact]
    public void NestedSequential_IsOneBox_UnlessExpanded()
    {
        using var model = PlotTestModels.NestedSequential();

        var collapsed = DotGraph.Parse(Utils.ModelToDot(model, showShapes: true));
        var expanded = DotGraph.Parse(Utils.ModelToDot(model, showShapes: true, expandNested: true));

        Assert.Equal([("block", "out"), ("outer_seq_in", "block")], collapsed.NamedEdges.Order());
        var block = DotGraph.PlainText(collapsed.Labels[collapsed.NameOf.Single(kv => kv.Value == "block").Key]);
        Assert.Contains("block  (Sequential)", block);
        Assert.Contains("Input shape:  (None, 16)", block);
        Assert.Contains("Output shape:  (None, 4)", block);

        Assert.Equal(
            [("block_in", "s1"), ("outer_seq_in", "block_in"), ("s1", "s2"), ("s2", "out")],
            expanded.NamedEdges.Order());
        var names = expanded.NameOf;
        Assert.Equal(["block_in", "s1", "s2"],
            expanded.ClusterOf.Where(kv => kv.Value == "cluster_block").Select(kv => names[kv.Key]).Order());
        var s2 = DotGraph.PlainText(expanded.Labels[names.Single(kv => kv.Value == "s2").Key]);
        Assert.Contains("Input shape:  (None, 8)", s2);
        Assert.Contains("Output shape:  (None, 4)", s2);
    }

    [Fact]
    public void SequentialWithoutInput_BuiltByShape_ShowsShapesFromBuildShape()
    {
        using var model = new Sequential(new Dense(4, name: "first"), new Dense(2, name: "second"));
        model.Build([null, 3]);

        var dot = DotGraph.Parse(Utils.ModelToDot(model, showShapes: true));
        var text = dot.NameOf.ToDictionary(kv => kv.Value, kv => DotGraph.PlainText(dot.Labels[kv.Key]));

        Assert.Equal(["first", "second"], text.Keys.Order());
        Assert.Contains("Input shape:  (None, 3)", text["first"]);
        Assert.Contains("Output shape:  (None, 2)", text["second"]);
        Assert.Equal([("first", "second")], dot.NamedEdges);
    }

    [Fact]
    public void SharedLayerCycles_AndSelfLoops_AreEdges()
    {
        using var cycle = PlotTestModels.Cycle();
        using var loop = PlotTestModels.SelfLoop();

        Assert.Equal([("a", "b"), ("a", "cycle_out"), ("b", "a"), ("cycle_in", "a")],
            DotGraph.Parse(Utils.ModelToDot(cycle)).NamedEdges.Order());
        Assert.Equal([("loop_in", "twice"), ("twice", "twice")],
            DotGraph.Parse(Utils.ModelToDot(loop)).NamedEdges.Order());
    }

    [Fact]
    public void LayerCalledTwiceOnTheSameTensor_OneEdge()
    {
        var input = new Input([4], name: "dup_in");
        var twice = new Dense(4, name: "dup");
        using var model = new Functional([input], [twice.Call(input), twice.Call(input)]);

        var dot = DotGraph.Parse(Utils.ModelToDot(model));

        Assert.Equal([("dup_in", "dup")], dot.Edges.Select(e => (dot.NameOf[e.From], dot.NameOf[e.To])));
    }

    [Fact]
    public void SubclassedModel_IsOneBox()
    {
        using var model = new Doubler();
        model.Build([null, 3]);

        var dot = DotGraph.Parse(Utils.ModelToDot(model));

        Assert.Equal(["doubler"], dot.NameOf.Values);
        Assert.Contains("<b>doubler</b> (Doubler)", dot.Labels.Values.Single());
        Assert.Empty(dot.Edges);
    }

    [Fact]
    public void NamesWithMarkup_AreEscaped_AndIdsArePlain()
    {
        const string odd = "odd<name> & \"quoted\" 'x'";
        var input = new Input([2], name: "in put");
        using var model = new Functional(input, new Dense(2, name: odd).Call(input));

        string text = Utils.ModelToDot(model);
        var dot = DotGraph.Parse(text);

        Assert.Contains("<b>odd&lt;name&gt; &amp; &quot;quoted&quot; &#39;x&#39;</b> (Dense)", text);
        Assert.Equal([odd, "in put"], dot.NameOf.Values.OrderDescending());
        Assert.Equal([("in put", odd)], dot.NamedEdges);
    }

    [Fact]
    public void UnbuiltModel_Throws()
    {
        using var model = new Sequential(new Dense(4));

        var error = Assert.Throws<ArgumentException>(() => Utils.ModelToDot(model));

        Assert.Equal("model", error.ParamName);
        Assert.Contains("has not yet been built", error.Message);
    }

    [Fact]
    public void InvalidOptions_Throw_NamingTheArgument()
    {
        using var model = PlotTestModels.Stack();

        var rankdir = Assert.Throws<ArgumentException>(() => Utils.ModelToDot(model, rankdir: "XY"));
        var dpi = Assert.Throws<ArgumentOutOfRangeException>(() => Utils.ModelToDot(model, dpi: 0));
        var splines = Assert.Throws<ArgumentException>(() => Utils.ModelToDot(model, splines: "wavy"));

        Assert.Equal("rankdir", rankdir.ParamName);
        Assert.Contains("\"TB\"", rankdir.Message);
        Assert.Contains("rankdir=\"XY\"", rankdir.Message);
        Assert.Equal("dpi", dpi.ParamName);
        Assert.Equal("splines", splines.ParamName);
        Assert.Contains("\"ortho\"", splines.Message);
    }

    private sealed class Doubler : Model
    {
        public Doubler() : base("doubler")
        {
        }

        public override Shape ComputeOutputShape(Shape inputShape) => inputShape;

        protected override Tensor CallCore(Tensor inputs, bool training) => inputs * 2;
    }
}
