using System.Text.Json.Nodes;
using Keras.Constraints;
using Keras.Layers;
using Keras.Saving;

namespace Keras.Tests.Core.Constraints;

/// <summary>The Keras 3 constraint formulas (with Keras' 1e-7 in the denominators), checked in C# doubles; configs,
/// names and errors.</summary>
public sealed class ConstraintTests
{
    private const double Eps = 1e-7;

    // Columns (axis-0 vectors) with norms 5, 0.5 and 0 (a zero column exercises the epsilon).
    private static readonly double[,] W = { { 3, 0.3, 0 }, { -4, 0.4, 0 } };

    private static Tensor WTensor() => torch.tensor(W.Cast<double>().ToArray()).reshape(2, 3);

    private static double[,] ToMatrix(Tensor t)
    {
        var data = t.to_type(torch.ScalarType.Float64).data<double>().ToArray();
        var m = new double[t.shape[0], t.shape[1]];
        Buffer.BlockCopy(data, 0, m, 0, data.Length * sizeof(double));
        return m;
    }

    private static double ColumnNorm(double[,] m, int j) =>
        Math.Sqrt(Enumerable.Range(0, m.GetLength(0)).Sum(i => m[i, j] * m[i, j]));

    private static void AssertScaledColumns(Tensor actual, Func<double, double> desired)
    {
        var got = ToMatrix(actual);
        for (int j = 0; j < W.GetLength(1); j++)
        {
            double norm = ColumnNorm(W, j);
            double factor = desired(norm) / (Eps + norm);
            for (int i = 0; i < W.GetLength(0); i++)
            {
                Assert.Equal(W[i, j] * factor, got[i, j], 12);
            }
        }
    }

    [Fact]
    public void Ctor_Defaults_AreKeras()
    {
        var maxNorm = new MaxNorm();
        Assert.Equal((2.0, 0), (maxNorm.MaxValue, maxNorm.Axis.Single()));
        Assert.Equal(0, new UnitNorm().Axis.Single());
        var minMax = new MinMaxNorm();
        Assert.Equal((0.0, 1.0, 1.0, 0), (minMax.MinValue, minMax.MaxValue, minMax.Rate, minMax.Axis.Single()));
    }

    [Fact]
    public void MaxNorm_ScalesColumnsAboveTheCap()
    {
        using var scope = torch.NewDisposeScope();
        AssertScaledColumns(new MaxNorm(2.0).Call(WTensor()), n => Math.Clamp(n, 0, 2.0));
    }

    [Fact]
    public void UnitNorm_DividesByEpsilonPlusNorm()
    {
        using var scope = torch.NewDisposeScope();
        AssertScaledColumns(new UnitNorm().Call(WTensor()), _ => 1.0);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.25)]
    public void MinMaxNorm_MovesNormsIntoTheInterval(double rate)
    {
        using var scope = torch.NewDisposeScope();
        AssertScaledColumns(new MinMaxNorm(1.0, 3.0, rate).Call(WTensor()),
            n => rate * Math.Clamp(n, 1.0, 3.0) + (1 - rate) * n);
    }

    [Fact]
    public void NonNeg_ZeroesNegativeWeights()
    {
        using var scope = torch.NewDisposeScope();
        var got = ToMatrix(new NonNeg().Call(WTensor()));
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(Math.Max(W[i, j], 0), got[i, j]);
            }
        }
    }

    [Fact]
    public void NormAxes_AlongAxis1AndSeveralAxes()
    {
        using var scope = torch.NewDisposeScope();
        var rows = ToMatrix(new UnitNorm(axis: 1).Call(WTensor()));
        double row0 = Math.Sqrt(9 + 0.09);
        Assert.Equal(3 / (Eps + row0), rows[0, 0], 12);
        // A Conv2D-style kernel (2, 2, 1, 2): axes [0, 1, 2] constrain each filter's whole (2, 2, 1) tensor.
        var kernel = torch.arange(1.0, 9.0, torch.ScalarType.Float64).reshape(2, 2, 1, 2);
        var constrained = new MaxNorm(1.0, axis: [0, 1, 2]).Call(kernel);
        var norms = constrained.square().sum([0L, 1L, 2L]).sqrt().data<double>().ToArray();
        Assert.All(norms, n => Assert.Equal(1.0, n, 6));
        var outOfRange = Assert.Throws<ArgumentException>(() => new UnitNorm(axis: 2).Call(WTensor()));
        Assert.Contains("axis 2 is out of range", outOfRange.Message);
    }

    [Theory]
    [InlineData("max_norm", typeof(MaxNorm))]
    [InlineData("MaxNorm", typeof(MaxNorm))]
    [InlineData("maxnorm", typeof(MaxNorm))]
    [InlineData("non_neg", typeof(NonNeg))]
    [InlineData("NonNeg", typeof(NonNeg))]
    [InlineData("unit_norm", typeof(UnitNorm))]
    [InlineData("UnitNorm", typeof(UnitNorm))]
    [InlineData("min_max_norm", typeof(MinMaxNorm))]
    [InlineData("MinMaxNorm", typeof(MinMaxNorm))]
    public void StringNames_ResolveToTheKerasClass(string name, Type type)
    {
        Constraint constraint = name;
        Assert.IsType(type, constraint);
    }

    [Fact]
    public void UnknownName_ListsTheValidNames()
    {
        var error = Assert.Throws<ArgumentException>(() => { Constraint c = "radial_constraint"; });
        Assert.Contains("Could not interpret constraint identifier: \"radial_constraint\"", error.Message);
        foreach (var name in new[] { "max_norm", "non_neg", "unit_norm", "min_max_norm", "MaxNorm", "MinMaxNorm" })
        {
            Assert.Contains(name, error.Message);
        }
    }

    [Theory]
    [InlineData("""{"module": "keras.constraints", "class_name": "MaxNorm", "config": {"max_value": 2, "axis": 0}, "registered_name": null}""")]
    [InlineData("""{"module": "keras.constraints", "class_name": "MaxNorm", "config": {"max_value": 1.5, "axis": [0, 1, 2]}, "registered_name": null}""")]
    [InlineData("""{"module": "keras.constraints", "class_name": "NonNeg", "config": {}, "registered_name": null}""")]
    [InlineData("""{"module": "keras.constraints", "class_name": "UnitNorm", "config": {"axis": 1}, "registered_name": null}""")]
    [InlineData("""{"module": "keras.constraints", "class_name": "MinMaxNorm", "config": {"min_value": 0.5, "max_value": 2.5, "rate": 0.75, "axis": 0}, "registered_name": null}""")]
    public void Keras3Envelope_RoundTrips(string json)
    {
        var constraint = KerasSerialization.DeserializeConstraint(JsonNode.Parse(json))!;
        var written = KerasSerialization.SerializeValue(constraint)!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), written), written.ToJsonString());
    }

    [Fact]
    public void DenseConstraints_AreInTheConfigAndOnTheWeights()
    {
        using var dense = new Dense(2, kernelConstraint: "max_norm", biasConstraint: new NonNeg());
        dense.Build([null, 3]);
        Assert.IsType<MaxNorm>(dense.Kernel!.Constraint);
        Assert.IsType<NonNeg>(dense.Bias!.Constraint);
        var config = KerasSerialization.SerializeLayer(dense)["config"]!;
        Assert.Equal("""{"module":"keras.constraints","class_name":"MaxNorm","config":{"max_value":2,"axis":0},"registered_name":null}""",
            config["kernel_constraint"]!.ToJsonString());
        Assert.Equal("NonNeg", (string)config["bias_constraint"]!["class_name"]!);
    }
}
