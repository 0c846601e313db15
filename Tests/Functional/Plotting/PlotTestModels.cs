using Keras.Layers;

namespace Keras.Tests.FunctionalApi.Plotting;

/// <summary>Small models for the plotting tests, with explicit layer names.</summary>
internal static class PlotTestModels
{
    /// <summary>features (InputLayer) → hidden (Dense 16, relu) → probs (Dense 3, softmax).</summary>
    internal static Sequential Stack() => new(
        new Input([8], name: "features"),
        new Dense(16, activation: "relu", name: "hidden"),
        new Dense(3, activation: "softmax", name: "probs"));

    /// <summary>Two inputs (title: 8, tags: 4), each projected to 16, a shared Dense applied to both projections,
    /// and two heads: priority (1) on the title branch and department (3) on the tags branch.</summary>
    internal static Functional TwoInTwoOut()
    {
        var title = new Input([8], name: "title");
        var tags = new Input([4], name: "tags");
        var titleProj = new Dense(16, name: "title_proj").Call(title);
        var tagsProj = new Dense(16, name: "tags_proj").Call(tags);
        var shared = new Dense(16, activation: "relu", name: "shared");
        var a = shared.Call(titleProj);
        var b = shared.Call(tagsProj);
        var priority = new Dense(1, name: "priority").Call(a);
        var department = new Dense(3, activation: "softmax", name: "department").Call(b);
        return new Functional([title, tags], [priority, department], name: "ticket_model");
    }

    /// <summary>The expected boxes of <see cref="TwoInTwoOut"/>.</summary>
    internal static readonly string[] TwoInTwoOutLayers =
        ["title", "tags", "title_proj", "tags_proj", "shared", "priority", "department"];

    /// <summary>The expected arrows of <see cref="TwoInTwoOut"/>: one per producer/consumer pair.</summary>
    internal static readonly (string From, string To)[] TwoInTwoOutEdges =
    [
        ("title", "title_proj"), ("tags", "tags_proj"), ("title_proj", "shared"), ("tags_proj", "shared"),
        ("shared", "priority"), ("shared", "department"),
    ];

    /// <summary>outer_in → encoder (a functional model: inner_in → inner_dense → inner_out) → head.</summary>
    internal static Functional NestedFunctional()
    {
        var innerIn = new Input([16], name: "inner_in");
        var innerOut = new Dense(4, name: "inner_out").Call(new Dense(8, name: "inner_dense").Call(innerIn));
        var encoder = new Functional(innerIn, innerOut, name: "encoder");
        var outerIn = new Input([16], name: "outer_in");
        var head = new Dense(2, name: "head").Call(encoder.Call(outerIn));
        return new Functional(outerIn, head, name: "outer");
    }

    /// <summary>outer_seq_in → block (a Sequential: block_in → s1 → s2) → out.</summary>
    internal static Functional NestedSequential()
    {
        var block = new Sequential(
            [new InputLayer([16], name: "block_in"), new Dense(8, name: "s1"), new Dense(4, name: "s2")], "block");
        var input = new Input([16], name: "outer_seq_in");
        var output = new Dense(2, name: "out").Call(block.Call(input));
        return new Functional(input, output, name: "with_block");
    }

    /// <summary>A layer-level cycle: a → b → a through two shared Dense layers, then out.</summary>
    internal static Functional Cycle()
    {
        var x = new Input([8], name: "cycle_in");
        var a = new Dense(8, name: "a");
        var b = new Dense(8, name: "b");
        var y = new Dense(2, name: "cycle_out").Call(a.Call(b.Call(a.Call(x))));
        return new Functional(x, y, name: "cycle");
    }

    /// <summary>A Dense layer applied to its own output (a self-loop).</summary>
    internal static Functional SelfLoop()
    {
        var x = new Input([8], name: "loop_in");
        var twice = new Dense(8, name: "twice");
        return new Functional(x, twice.Call(twice.Call(x)), name: "self_loop");
    }
}
