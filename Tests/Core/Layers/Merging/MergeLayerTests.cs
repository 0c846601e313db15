using System.Text.Json.Nodes;
using Keras.Layers;
using Keras.Saving;

namespace Keras.Tests.Core.Layers.Merging;

public sealed class MergeLayerTests
{
    // Keras 3's merging_test.py (test_*_with_mask): x1 is masked by Masking() (timesteps 0 and 2 are all zeros); x2 is
    // masked too when maskSecond (timesteps 0 and 1).
    private static readonly float[] X1 = [0, 0, 1, 2, 0, 0, 3, 4];
    private static readonly float[] X2 = [0, 0, 0, 0, 1, 2, 3, 4];
    private static readonly float[] X1Negative = [0, 0, -1, -2, 0, 0, -3, -4];
    private static readonly float[] X2Negative = [0, 0, 0, 0, -1, -2, -3, -4];

    public static TheoryData<string, bool, float[]> MaskCases => new()
    {
        { "Add", false, [0, 0, 1, 2, 1, 2, 6, 8] },
        { "Add", true, [0, 0, 1, 2, 1, 2, 6, 8] },
        { "Subtract", false, [0, 0, 1, 2, -1, -2, 0, 0] },
        { "Subtract", true, [0, 0, 1, 2, -1, -2, 0, 0] },
        { "Average", false, [0, 0, 0.5f, 1, 0.5f, 1, 3, 4] },
        { "Average", true, [0, 0, 0.5f, 1, 0.5f, 1, 3, 4] },
        { "Multiply", false, [0, 0, 0, 0, 1, 2, 9, 16] },
        { "Multiply", true, [0, 0, 1, 2, 1, 2, 9, 16] },
        { "Maximum", false, [0, 0, 0, 0, -1, -2, -3, -4] },
        { "Maximum", true, [0, 0, -1, -2, -1, -2, -3, -4] },
        { "Minimum", false, [0, 0, 0, 0, 1, 2, 3, 4] },
        { "Minimum", true, [0, 0, 1, 2, 1, 2, 3, 4] },
    };

    [Theory]
    [MemberData(nameof(MaskCases))]
    public void Masks_FollowKeras3(string className, bool maskSecond, float[] expected)
    {
        using var scope = torch.NewDisposeScope();
        bool negative = className == "Maximum";
        var x1 = new Masking().Call(torch.tensor(negative ? X1Negative : X1).reshape(1, 4, 2));
        var x2 = torch.tensor(negative ? X2Negative : X2).reshape(1, 4, 2);
        if (maskSecond)
        {
            x2 = new Masking().Call(x2);
        }
        var layer = Create(className);
        var output = layer.Call([x1, x2])[0];
        Assert.Equal(expected, output.data<float>().ToArray());
        var mask = KerasMask.Get(output);
        if (maskSecond)
        {
            Assert.Equal(new[] { false, true, true, true }, mask!.data<bool>().ToArray());
        }
        else
        {
            Assert.Null(mask);
        }
    }

    [Theory]
    [InlineData(1, new[] { false, true, false, true, true, true, true, true })]
    [InlineData(2, new[] { true, true, true, true })]
    public void Concatenate_Mask_FollowsKeras3(int axis, bool[] expected)
    {
        using var scope = torch.NewDisposeScope();
        var x1 = new Masking().Call(torch.tensor(X1).reshape(1, 4, 2));
        var x2 = torch.tensor(X2).reshape(1, 4, 2);
        var output = new Concatenate(axis).Call([x1, x2])[0];
        Assert.Equal(expected, KerasMask.Get(output)!.data<bool>().ToArray());
        Assert.Null(KerasMask.Get(new Concatenate(axis).Call([torch.ones(1, 4, 2), x2])[0]));
    }

    [Fact]
    public void Dot_DropsMasks()
    {
        using var scope = torch.NewDisposeScope();
        var x1 = new Masking().Call(torch.tensor(X1).reshape(1, 4, 2));
        var x2 = new Masking().Call(torch.tensor(X2).reshape(1, 4, 2));
        Assert.Null(KerasMask.Get(new Dot(-1).Call([x1, x2])[0]));
    }

    [Fact]
    public void Subtract_RequiresExactlyTwoInputs()
    {
        var (a, b, c) = (new Input([4, 5]), new Input([4, 5]), new Input([4, 5]));
        var three = Assert.Throws<ArgumentException>(() => new Subtract().Call([a, b, c]));
        Assert.Contains("A `Subtract` layer should be called on exactly 2 inputs", three.Message);
        var one = Assert.Throws<ArgumentException>(() => new Subtract().Call([a]));
        Assert.Contains("exactly 2 inputs", one.Message);
        using var x = torch.ones(2, 3);
        Assert.Throws<ArgumentException>(() => new Subtract().Call([x, x, x]));
    }

    [Fact]
    public void ElementwiseMerge_IncompatibleShapes_FailsWithKerasMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => new Multiply().Call([new Input([3]), new Input([4])]));
        Assert.Equal("Inputs have incompatible shapes. Received shapes (3,) and (4,)", error.Message);
        var batches = Assert.Throws<ArgumentException>(() =>
            new Add().Call([new Input([3], batchSize: 2), new Input([3], batchSize: 4)]));
        Assert.StartsWith("Cannot merge tensors with different batch sizes.", batches.Message);
        Assert.Throws<ArgumentException>(() => new Maximum().Call([new Input([3])]));
    }

    [Fact]
    public void Merge_CalledOnOneTensor_AsksForAList()
    {
        using var x = torch.ones(2, 3);
        var error = Assert.Throws<ArgumentException>(() => new Average(name: "avg").Call(x));
        Assert.Contains("\"avg\"", error.Message);
        Assert.Contains("list", error.Message);
    }

    [Fact]
    public void Dot_Errors_NameTheProblem()
    {
        var bad = Assert.Throws<ArgumentException>(() => new Dot([1, 2, 3]));
        Assert.Contains("it should contain two elements", bad.Message);
        var mismatch = Assert.Throws<ArgumentException>(() => new Dot(1).Call([new Input([3]), new Input([4])]));
        Assert.Equal("Incompatible input shapes: axis values 3 (at axis 1) != 4 (at axis 1). Full input shapes: " +
                     "(None, 3), (None, 4)", mismatch.Message);
        var three = Assert.Throws<ArgumentException>(() =>
            new Dot(1).Call([new Input([3]), new Input([3]), new Input([3])]));
        Assert.Contains("list of 2 inputs", three.Message);
    }

    [Fact]
    public void Dot_HigherRank_ShapeAsKeras()
    {
        // Keras' test_dot_higher_dim: (1, 3, 2) · (1, 1, 2, 3) over axes (-2, -1) → (1, 2, 1, 2).
        var a = new Input([3, 2], batchSize: 1);
        var b = new Input([1, 2, 3], batchSize: 1);
        Assert.Equal(new Shape(1, 2, 1, 2), new Dot([-2, -1]).Call([a, b]).Shape);
        using var scope = torch.NewDisposeScope();
        Assert.Equal([1L, 2, 1, 2], new Dot([-2, -1]).Call([torch.rand(1, 3, 2), torch.rand(1, 1, 2, 3)])[0].shape);
    }

    [Fact]
    public void ElementwiseMerges_ComputeOutputShapes_MatchCall()
    {
        string[] names = ["Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum"];
        MultiInputShapeProperty.Check(random =>
        {
            var layer = Create(names[random.Next(names.Length)]);
            int rank = random.Next(1, 4);
            long[] first = [3, .. Enumerable.Range(0, rank).Select(_ => (long)random.Next(1, 5))];
            long[] second = random.Next(3) switch
            {
                0 => first.Select((d, i) => i > 0 && random.Next(2) == 0 ? 1L : d).ToArray(),
                1 => [3, .. first.Skip(1 + random.Next(rank))],
                _ => first,
            };
            return (layer, random.Next(2) == 0 ? [first, second] : [second, first]);
        });
    }

    [Fact]
    public void DotAndConcatenate_ComputeOutputShapes_MatchCall()
    {
        MultiInputShapeProperty.Check(random =>
        {
            int rankA = random.Next(2, 5), rankB = random.Next(2, 5);
            long depth = random.Next(1, 5);
            int axisA = random.Next(1, rankA), axisB = random.Next(1, rankB);
            long[] Draw(int rank, int axis) =>
                Enumerable.Range(0, rank).Select(i => i == 0 ? 2L : i == axis ? depth : random.Next(1, 4)).ToArray();
            long[] a = Draw(rankA, axisA);
            long[] b = Draw(rankB, axisB);
            int[] axes = [random.Next(2) == 0 ? axisA : axisA - rankA, random.Next(2) == 0 ? axisB : axisB - rankB];
            return (new Dot(axes, normalize: random.Next(2) == 0), [a, b]);
        });
        MultiInputShapeProperty.Check(random =>
        {
            int rank = random.Next(2, 5);
            int axis = random.Next(1, rank);
            long[] Draw(long[] template) => template.Select((d, i) => i == axis ? random.Next(1, 5) : d).ToArray();
            long[] baseShape = [2, .. Enumerable.Range(1, rank - 1).Select(_ => (long)random.Next(1, 4))];
            return (new Concatenate(random.Next(2) == 0 ? axis : axis - rank),
                Enumerable.Range(0, random.Next(2, 4)).Select(_ => Draw(baseShape)).ToArray());
        });
    }

    [Theory]
    [InlineData("Add")]
    [InlineData("Subtract")]
    [InlineData("Multiply")]
    [InlineData("Average")]
    [InlineData("Maximum")]
    [InlineData("Minimum")]
    [InlineData("Concatenate")]
    [InlineData("Dot")]
    [InlineData("DotPair")]
    public void Config_RoundTrips_UnbuiltAndBuilt(string kind)
    {
        var layer = Create(kind, "probe");
        var json = KerasSerialization.SerializeLayer(layer);
        var restoredUnbuilt = KerasSerialization.DeserializeLayer(json);
        Assert.Equal(json.ToJsonString(), KerasSerialization.SerializeLayer(restoredUnbuilt).ToJsonString());
        var built = Create(kind, "probe_built");
        built.BuildAll([[null, 3, 4], [null, 3, 4]]);
        var builtJson = KerasSerialization.SerializeLayer(built);
        Assert.Equal("""{"input_shape":[[null,3,4],[null,3,4]]}""", builtJson["build_config"]!.ToJsonString());
        var restored = KerasSerialization.DeserializeLayer(builtJson);
        Assert.True(restored.Built);
        Assert.Equal(builtJson.ToJsonString(), KerasSerialization.SerializeLayer(restored).ToJsonString());
    }

    [Fact]
    public void Dot_Config_HasKerasKeys_AndReadsKeras3()
    {
        var config = KerasSerialization.SerializeLayer(new Dot([1, 2], normalize: true, name: "cos"))["config"]!;
        Assert.Equal("[1,2]", config["axes"]!.ToJsonString());
        Assert.True(config["normalize"]!.GetValue<bool>());
        Assert.Equal("-1", KerasSerialization.SerializeLayer(new Dot(-1))["config"]!["axes"]!.ToJsonString());
        var keras3 = JsonNode.Parse("""
            {"module": "keras.layers", "class_name": "Dot",
             "config": {"name": "dot", "trainable": true,
                        "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
                                  "registered_name": null},
                        "axes": [2, 1], "normalize": false},
             "registered_name": null, "build_config": {"input_shape": [[null, 3, 4], [null, 4, 5]]}}
            """)!;
        var dot = Assert.IsType<Dot>(KerasSerialization.DeserializeLayer(keras3));
        Assert.Equal([2, 1], dot.Axes);
        Assert.True(dot.Built);
        Assert.False(dot.Normalize);
    }

    private static Layer Create(string kind, string? name = null) => kind switch
    {
        "Add" => new Add(name),
        "Subtract" => new Subtract(name),
        "Multiply" => new Multiply(name),
        "Average" => new Average(name),
        "Maximum" => new Maximum(name),
        "Minimum" => new Minimum(name),
        "Concatenate" => new Concatenate(1, name),
        "Dot" => new Dot(-1, name: name),
        "DotPair" => new Dot([2, 2], normalize: true, name: name),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
