using System.Text.Json.Nodes;
using Keras.Layers;
using Keras.Regularizers;
using Keras.Saving;

namespace Keras.Tests.Core.Regularizers;

/// <summary>The Keras 3 regularizer formulas (checked against sums computed in C# doubles), defaults, configs, string
/// names and errors.</summary>
public sealed class RegularizerTests
{
    private static readonly double[,] W = { { 0.5, -1.25, 2.0 }, { -0.75, 0.0, 1.5 } };

    private static Tensor WTensor() => torch.tensor(Flat(W), torch.ScalarType.Float32).reshape(2, 3);

    private static double[] Flat(double[,] m) => m.Cast<double>().ToArray();

    private static double Value(Tensor t) => t.to_type(torch.ScalarType.Float64).item<double>();

    [Fact]
    public void Ctor_Defaults_AreKeras()
    {
        Assert.Equal(0.01, new L1().Factor);
        Assert.Equal(0.01, new L2().Factor);
        var both = new L1L2();
        Assert.Equal((0.0, 0.0), (both.L1Factor, both.L2Factor));
        var orthogonal = new OrthogonalRegularizer();
        Assert.Equal((0.01, "rows"), (orthogonal.Factor, orthogonal.Mode));
    }

    [Fact]
    public void L1_L2_L1L2_MatchHandComputedSums()
    {
        using var scope = torch.NewDisposeScope();
        double sumAbs = Flat(W).Sum(Math.Abs), sumSquares = Flat(W).Sum(v => v * v);
        Assert.Equal(0.3 * sumAbs, Value(new L1(0.3).Call(WTensor())), 6);
        Assert.Equal(0.2 * sumSquares, Value(new L2(0.2).Call(WTensor())), 6);
        Assert.Equal(0.1 * sumAbs + 0.05 * sumSquares, Value(new L1L2(0.1, 0.05).Call(WTensor())), 6);
        Assert.Equal(0.0, Value(new L1L2().Call(WTensor())));
        // Keras' docstring example: L2(2.0) of ones(5, 5) is 50.
        Assert.Equal(50.0, Value(new L2(2.0).Call(torch.ones(5, 5))), 6);
    }

    [Theory]
    [InlineData("rows")]
    [InlineData("columns")]
    public void OrthogonalRegularizer_IsTheMeanAbsoluteCosineTimesFactor(string mode)
    {
        using var scope = torch.NewDisposeScope();
        // Vectors: rows of W (mode rows) or its columns (mode columns).
        int count = mode == "rows" ? 2 : 3;
        double[] Vector(int k) => mode == "rows"
            ? [W[k, 0], W[k, 1], W[k, 2]]
            : [W[0, k], W[1, k]];
        double Norm(double[] v) => Math.Max(Math.Sqrt(v.Sum(a => a * a)), 1e-7);
        double total = 0;
        for (int i = 0; i < count; i++)
        {
            for (int j = 0; j < count; j++)
            {
                if (i != j)
                {
                    var (a, b) = (Vector(i), Vector(j));
                    total += Math.Abs(a.Zip(b, (p, q) => p * q).Sum() / (Norm(a) * Norm(b)));
                }
            }
        }
        double pairs = count * (count - 1) / 2.0;
        double expected = 0.7 * 0.5 * total / pairs;
        Assert.Equal(expected, Value(new OrthogonalRegularizer(0.7, mode).Call(WTensor())), 6);
    }

    [Fact]
    public void OrthogonalRegularizer_IsZeroForOrthogonalRows()
    {
        using var scope = torch.NewDisposeScope();
        var rows = torch.tensor(new float[] { 3, 0, 0, 0, 0, 2 }).reshape(2, 3);
        Assert.Equal(0.0, Value(new OrthogonalRegularizer(1.0).Call(rows)), 7);
    }

    [Fact]
    public void Errors_NameTheArgument()
    {
        var l2 = Assert.Throws<ArgumentException>(() => new L2(-0.5));
        Assert.Equal("l2", l2.ParamName);
        Assert.StartsWith("Invalid value for argument l2: expected a non-negative float. Received: l2=-0.5", l2.Message);
        Assert.Equal("l1", Assert.Throws<ArgumentException>(() => new L1(double.NaN)).ParamName);
        Assert.Equal("l1", Assert.Throws<ArgumentException>(() => new L1L2(l1: -1)).ParamName);
        Assert.Equal("factor",
            Assert.Throws<ArgumentException>(() => new OrthogonalRegularizer(double.PositiveInfinity)).ParamName);
        var mode = Assert.Throws<ArgumentException>(() => new OrthogonalRegularizer(mode: "diagonal"));
        Assert.Contains("Received: mode=diagonal", mode.Message);
        using var cube = torch.ones(2, 2, 2);
        Assert.Contains("must have rank 2",
            Assert.Throws<ArgumentException>(() => new OrthogonalRegularizer().Call(cube)).Message);
    }

    [Fact]
    public void UnknownName_ListsTheValidNames()
    {
        var error = Assert.Throws<ArgumentException>(() => { Regularizer r = "l3"; });
        Assert.Contains("Could not interpret regularizer identifier: \"l3\"", error.Message);
        foreach (var name in new[] { "l1", "l2", "l1_l2", "orthogonal_regularizer", "L1", "L2", "L1L2", "OrthogonalRegularizer" })
        {
            Assert.Contains(name, error.Message);
        }
    }

    [Theory]
    [InlineData("l1", typeof(L1))]
    [InlineData("L1", typeof(L1))]
    [InlineData("l2", typeof(L2))]
    [InlineData("L2", typeof(L2))]
    [InlineData("L1L2", typeof(L1L2))]
    [InlineData("l1l2", typeof(L1L2))]
    [InlineData("l1_l2", typeof(L1L2))]
    [InlineData("orthogonal_regularizer", typeof(OrthogonalRegularizer))]
    [InlineData("OrthogonalRegularizer", typeof(OrthogonalRegularizer))]
    public void StringNames_ResolveToTheKerasClass(string name, Type type)
    {
        Regularizer regularizer = name;
        Assert.IsType(type, regularizer);
    }

    [Fact]
    public void StringDefaults_FollowKeras()
    {
        Assert.Equal(0.01, ((L1)(Regularizer)"l1").Factor);
        Assert.Equal(0.01, ((L2)(Regularizer)"l2").Factor);
        // "l1_l2" is Keras' shortcut with l1 = l2 = 0.01; the class name keeps the class defaults.
        var shortcut = (L1L2)(Regularizer)"l1_l2";
        Assert.Equal((0.01, 0.01), (shortcut.L1Factor, shortcut.L2Factor));
        var byClass = (L1L2)(Regularizer)"L1L2";
        Assert.Equal((0.0, 0.0), (byClass.L1Factor, byClass.L2Factor));
    }

    [Theory]
    [InlineData("""{"module": "keras.regularizers", "class_name": "L1", "config": {"l1": 0.25}, "registered_name": null}""")]
    [InlineData("""{"module": "keras.regularizers", "class_name": "L2", "config": {"l2": 0.01}, "registered_name": null}""")]
    [InlineData("""{"module": "keras.regularizers", "class_name": "L1L2", "config": {"l1": 0.5, "l2": 0.125}, "registered_name": null}""")]
    [InlineData("""{"module": "keras.regularizers", "class_name": "OrthogonalRegularizer", "config": {"factor": 0.5, "mode": "columns"}, "registered_name": null}""")]
    public void Keras3Envelope_RoundTrips(string json)
    {
        var regularizer = KerasSerialization.DeserializeRegularizer(JsonNode.Parse(json))!;
        var written = KerasSerialization.SerializeValue(regularizer)!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), written), written.ToJsonString());
    }

    [Fact]
    public void Keras2Envelope_IsRead()
    {
        var regularizer = KerasSerialization.DeserializeRegularizer(
            JsonNode.Parse("""{"class_name": "L1L2", "config": {"l1": 0.0, "l2": 0.009999999776482582}}"""));
        var l1l2 = Assert.IsType<L1L2>(regularizer);
        Assert.Equal(0.0, l1l2.L1Factor);
        Assert.Equal(0.01, l1l2.L2Factor, 7);
        // Keras' L1(l1=None) means the default.
        Assert.Equal(0.01, Assert.IsType<L1>(KerasSerialization.DeserializeRegularizer(
            JsonNode.Parse("""{"class_name": "L1", "config": {"l1": null}}"""))).Factor);
    }

    [Fact]
    public void DenseRegularizers_CountInLayerLosses()
    {
        using var scope = torch.NewDisposeScope();
        using var dense = new Dense(3, kernelRegularizer: new L2(0.2), biasRegularizer: new L1(0.5),
            activityRegularizer: new L1(0.01));
        var x = torch.tensor(new float[] { 1, 2, 0.5f, -1 }).reshape(2, 2);
        var y = dense.Call(x);
        dense.Bias!.Assign(torch.tensor(new float[] { 0.25f, -0.5f, 1 }));
        var kernel = dense.Kernel!.Value.to_type(torch.ScalarType.Float64).data<double>().ToArray();
        var outputs = y.to_type(torch.ScalarType.Float64).data<double>().ToArray();
        var losses = dense.Losses;
        Assert.Equal(3, losses.Count);
        // Layer losses: the activity penalty of the call (Keras 3 does not divide it by the batch size), then the
        // weight penalties (computed on the current weights).
        Assert.Equal(0.01 * outputs.Sum(Math.Abs), Value(losses[0]), 6);
        Assert.Equal(0.2 * kernel.Sum(v => v * v), Value(losses[1]), 6);
        Assert.Equal(0.5 * 1.75, Value(losses[2]), 6);
    }
}
