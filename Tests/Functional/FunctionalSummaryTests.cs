using Keras.Layers;

namespace Keras.Tests.FunctionalApi;

public class FunctionalSummaryTests
{
    [Fact]
    public void BranchingModel_ShowsConnectedToColumn()
    {
        var a = new Input([4], name: "in_a");
        var b = new Input([2], name: "in_b");
        var merged = new Concatenate(name: "joined").Call([new Dense(3, name: "da").Call(a), b]);
        var model = new Functional([a, b], new Dense(1, name: "score").Call(merged), name: "two_inputs");
        string expected = """
            Model: "two_inputs"
            ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓
            ┃ Layer (type)                  ┃ Output Shape              ┃         Param # ┃ Connected to               ┃
            ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━┩
            │ in_a (InputLayer)             │ (None, 4)                 │               0 │ -                          │
            ├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤
            │ da (Dense)                    │ (None, 3)                 │              15 │ in_a[0][0]                 │
            ├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤
            │ in_b (InputLayer)             │ (None, 2)                 │               0 │ -                          │
            ├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤
            │ joined (Concatenate)          │ (None, 5)                 │               0 │ da[0][0], in_b[0][0]       │
            ├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤
            │ score (Dense)                 │ (None, 1)                 │               6 │ joined[0][0]               │
            └───────────────────────────────┴───────────────────────────┴─────────────────┴────────────────────────────┘
             Total params: 21 (84.00 B)
             Trainable params: 21 (84.00 B)
             Non-trainable params: 0 (0.00 B)

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), model.SummaryText(lineLength: 108));
    }

    [Fact]
    public void ChainModel_IsSequentialLike_AndListsItsInputLayer()
    {
        var inputs = new Input([3], name: "chain_in");
        var model = new Functional(inputs, new Dense(2, name: "chain_out").Call(inputs));
        string text = model.SummaryText(lineLength: 76);
        Assert.DoesNotContain("Connected to", text);
        Assert.Contains("│ chain_in (InputLayer)           │ (None, 3)              │             0 │", text);
    }

    [Fact]
    public void ExpandNested_IndentsTheNestedModelsLayers()
    {
        var inner = new Keras.Sequential([new Dense(4, name: "inner_dense")], "inner");
        var inputs = new Input([3], name: "outer_in");
        var model = new Functional(inputs, new Dense(1, name: "outer_out").Call(inner.Call(inputs)));
        string text = model.SummaryText(lineLength: 88, expandNested: true);
        Assert.Contains("│ inner (Sequential)", text);
        Assert.Contains("│    └ inner_dense (Dense)", text);
        Assert.DoesNotContain("inner_dense", model.SummaryText(lineLength: 88));
    }

    [Fact]
    public void MultiOutputLayerShape_IsAList()
    {
        var a = new Input([2], name: "mo_in");
        var inner = new Functional(a, [new Dense(1, name: "mo_1").Call(a), new Dense(3, name: "mo_3").Call(a)], name: "two_heads");
        var x = new Input([2], name: "mo_outer_in");
        var heads = inner.CallMany([x]);
        var model = new Functional(x, heads, name: "wrapper");
        Assert.Contains("[(None, 1), (None, 3)]", model.SummaryText(lineLength: 120));
    }
}
