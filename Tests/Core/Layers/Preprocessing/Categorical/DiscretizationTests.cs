using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Keras.Layers;

namespace Keras.Tests.Core.Layers.Preprocessing.Categorical;

public sealed class DiscretizationTests
{
    private const string Fixture = "../../../../Golden/TextPreprocessing/discretization.json";

    public static TheoryData<string> Cases => GoldenFixtures.CaseNames(Fixture);

    /// <summary>Adapted boundaries against the numpy reference of Keras' quantile summary (discretization.py).</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Adapt_MatchesKerasQuantileSummary(string caseName)
    {
        var golden = GoldenFixtures.Load(FixturePath()).Single(c => (string?)c["name"] == caseName);
        var layer = new Discretization(numBins: (int)golden["num_bins"]!, epsilon: (double)golden["epsilon"]!);
        var batches = golden["batches"]!.AsArray()
            .Select(b => torch.tensor(b!.AsArray().Select(v => (float)(double)v!).ToArray())).ToList();
        layer.Adapt(batches);
        var expected = golden["boundaries"]!.AsArray().Select(v => (double)v!).ToArray();
        Assert.Equal(expected, layer.BinBoundaries!.ToArray());
        var probe = torch.tensor(golden["probe"]!.AsArray().Select(v => (float)(double)v!).ToArray());
        using var bins = layer.Call(probe);
        Assert.Equal(golden["probe_bins"]!.AsArray().Select(v => (long)v!), bins.data<long>().ToArray());
    }

    [Fact]
    public void Ctor_Defaults()
    {
        var layer = new Discretization(numBins: 3);
        Assert.Equal(0.01, layer.Epsilon);
        Assert.Equal("int", layer.OutputMode);
        Assert.Null(layer.BinBoundaries);
        Assert.Equal("float32", layer.DType);
    }

    [Fact]
    public void Ctor_BadArguments_NameTheArgument()
    {
        Assert.Contains("num_bins", Assert.Throws<ArgumentException>(() => new Discretization()).Message);
        Assert.Contains("Both", Assert.Throws<ArgumentException>(() => new Discretization([0.0], 2)).Message);
        Assert.Contains("output_mode", Assert.Throws<ArgumentException>(() => new Discretization([0.0], outputMode: "tf_idf")).Message);
        Assert.Contains("num_bins", Assert.Throws<ArgumentException>(() => new Discretization(numBins: -1)).Message);
    }

    [Fact]
    public void Call_BeforeAdapt_ThrowsNamingTheLayer()
    {
        var layer = new Discretization(numBins: 4, name: "buckets");
        var error = Assert.Throws<InvalidOperationException>(() => layer.Call(torch.ones(2)));
        Assert.Contains("\"buckets\"", error.Message);
        Assert.Contains("adapt", error.Message);
        Assert.Throws<InvalidOperationException>(() => new Discretization([1.0]).Adapt(torch.ones(3)));
    }

    [Fact]
    public void Call_EncodedModes_UseBoundaryCountPlusOneColumns()
    {
        var x = torch.tensor(new float[] { -1.5f, 1.0f, 3.4f, 0.5f, 0.0f, 3.0f, 1.3f, 0.0f }).reshape(2, 4);
        using var oneHot = new Discretization([0, 1, 2], outputMode: "one_hot").Call(x);
        using var count = new Discretization([0, 1, 2], outputMode: "count").Call(x);
        using var multiHot = new Discretization([0, 1, 2], outputMode: "multi_hot").Call(x);
        Assert.Equal(new long[] { 2, 4, 4 }, oneHot.shape);
        Assert.Equal(new float[] { 1, 1, 1, 1, 0, 2, 1, 1 }, count.data<float>().ToArray());      // bins [0,2,3,1], [1,3,2,1]
        Assert.Equal(new float[] { 1, 1, 1, 1, 0, 1, 1, 1 }, multiHot.data<float>().ToArray());
    }

    [Fact]
    public void ComputeOutputShape_EqualsProducedShape_ForRandomModes()
    {
        string[] modes = ["int", "one_hot", "multi_hot", "count"];
        ShapeProperty.Check(random =>
        {
            string mode = modes[random.Next(modes.Length)];
            int rank = mode is "int" or "one_hot" ? random.Next(1, 4) : random.Next(1, 3);
            var shape = Enumerable.Range(0, rank).Select(_ => (long)random.Next(1, 5)).ToArray();
            var boundaries = Enumerable.Range(0, random.Next(0, 5)).Select(i => i * 0.5 - 1).ToArray();
            return (new Discretization(boundaries, outputMode: mode), shape);
        });
    }

    private static string FixturePath([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, Fixture));
}
