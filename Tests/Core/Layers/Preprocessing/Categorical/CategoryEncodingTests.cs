using Keras.Layers;

namespace Keras.Tests.Core.Layers.Preprocessing.Categorical;

public sealed class CategoryEncodingTests
{
    private const string Fixture = "../../../../Golden/TextPreprocessing/category_encoding.json";

    public static TheoryData<string> Cases => GoldenFixtures.CaseNames(Fixture);

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesTfjs(string caseName) => GoldenFixtures.Check(Fixture, caseName);

    [Fact]
    public void Ctor_Defaults()
    {
        var layer = new CategoryEncoding(4);
        Assert.Equal(4, layer.NumTokens);
        Assert.Equal("multi_hot", layer.OutputMode);
        Assert.Equal("float32", layer.DType);
        Assert.Empty(layer.Weights);
        Assert.Equal("multi_hot", new CategoryEncoding(3, outputMode: "binary").OutputMode);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void Call_OutOfRangeValue_Throws(long value)
    {
        var layer = new CategoryEncoding(4, name: "encoder");
        var error = Assert.Throws<ArgumentException>(() => layer.Call(torch.tensor(new[] { 0L, value })));
        Assert.Contains("\"encoder\"", error.Message);
        Assert.Contains("num_tokens=4", error.Message);
    }

    [Fact]
    public void Ctor_BadArguments_NameTheArgument()
    {
        Assert.Contains("output_mode", Assert.Throws<ArgumentException>(() => new CategoryEncoding(3, "tf_idf")).Message);
        Assert.Contains("num_tokens", Assert.Throws<ArgumentException>(() => new CategoryEncoding(0)).Message);
    }

    [Fact]
    public void CountWeights_OnlyInCountMode_AndOutputTakesTheirDType()
    {
        var x = torch.tensor(new long[] { 0, 1, 1, 3 }).reshape(2, 2);
        var weights = torch.tensor(new double[] { 0.5, 0.25, 1, 2 }).reshape(2, 2);
        using var y = new CategoryEncoding(4, "count").Call(x, weights);
        Assert.Equal(torch.ScalarType.Float64, y.dtype);
        Assert.Equal(new[] { 0.5, 0.25, 0, 0, 0, 1, 0, 2 }, y.data<double>().ToArray());
        Assert.Throws<ArgumentException>(() => new CategoryEncoding(4, "multi_hot").Call(x, weights));
    }

    [Fact]
    public void Call_MultiHotOnRank1_IsOneSampleOfOnes()
    {
        // Keras 3 (backend multi_hot): a rank-1 input is one sample, repeated values give 1 (tfjs counts them).
        using var y = new CategoryEncoding(5).Call(torch.tensor(new long[] { 3, 1, 3, 3 }));
        Assert.Equal(new float[] { 0, 1, 0, 1, 0 }, y.data<float>().ToArray());
    }

    [Fact]
    public void Call_OneHotOnRank2_AppendsAnAxis_AndRank3CountIsRejected()
    {
        var layer = new CategoryEncoding(3, "one_hot");
        using var y = layer.Call(torch.tensor(new long[] { 0, 2, 1, 1 }).reshape(2, 2));
        Assert.Equal(new long[] { 2, 2, 3 }, y.shape);
        Assert.Equal(new Shape(null, 2, 3), layer.ComputeOutputShape([null, 2]));
        Assert.Throws<ArgumentException>(() => new CategoryEncoding(3, "count").Call(torch.zeros(2, 2, 2, torch.ScalarType.Int64)));
    }

    [Fact]
    public void ComputeOutputShape_EqualsProducedShape_ForRandomModes()
    {
        string[] modes = ["one_hot", "multi_hot", "count"];
        ShapeProperty.Check(random =>
        {
            string mode = modes[random.Next(modes.Length)];
            int rank = random.Next(1, 3);
            var shape = Enumerable.Range(0, rank).Select(_ => (long)random.Next(1, 5)).ToArray();
            return (new CategoryEncoding(random.Next(4, 9), mode), shape);
        }, dtype: "int64");
    }
}
