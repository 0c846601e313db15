using Keras.Layers;

namespace Keras.Tests.Core.Layers.Preprocessing.Categorical;

public sealed class HashingTests
{
    [Fact]
    public void Ctor_Defaults()
    {
        var layer = new Hashing(8);
        Assert.Equal(8, layer.NumBins);
        Assert.Null(layer.MaskValue);
        Assert.Null(layer.Salt);
        Assert.Equal("int", layer.OutputMode);
        Assert.Equal("int64", layer.DType);
        Assert.Equal("float32", new Hashing(8, outputMode: "multi_hot").DType);
        Assert.Equal(new long[] { 133, 133 }, new Hashing(3, salt: [133]).Salt);
    }

    [Fact]
    public void Ctor_BadArguments_NameTheArgument()
    {
        Assert.Contains("num_bins", Assert.Throws<ArgumentException>(() => new Hashing(0)).Message);
        Assert.Contains("output_mode", Assert.Throws<ArgumentException>(() => new Hashing(3, outputMode: "tf_idf")).Message);
        Assert.Contains("salt", Assert.Throws<ArgumentException>(() => new Hashing(3, salt: [1, 2, 3])).Message);
        Assert.Contains("dtype", Assert.Throws<ArgumentException>(() => new Hashing(3, dtype: "float32")).Message);
        Assert.Contains("mask_value", Assert.Throws<ArgumentException>(() => new Hashing(3, maskValue: 1.5)).Message);
    }

    [Fact]
    public void Call_EncodedModes_EncodeTheBins()
    {
        string[] values = ["A", "B", "C", "D", "E"];
        using var bins = new Hashing(3).Call(values);                      // [1, 0, 1, 1, 2] (Keras docstring)
        using var oneHot = new Hashing(3, outputMode: "one_hot").Call(values);
        using var counts = new Hashing(3, outputMode: "count").Call(values);
        using var multiHot = new Hashing(3, outputMode: "multi_hot").Call(values);
        Assert.Equal(new long[] { 1, 0, 1, 1, 2 }, bins.data<long>().ToArray());
        Assert.Equal(new long[] { 5, 3 }, oneHot.shape);
        Assert.Equal(new float[] { 0, 1, 0 }, oneHot[0].data<float>().ToArray());
        Assert.Equal(new float[] { 1, 3, 1 }, counts.data<float>().ToArray());
        Assert.Equal(new float[] { 1, 1, 1 }, multiHot.data<float>().ToArray());
    }

    [Fact]
    public void Call_Int32DType_ReturnsInt32Bins()
    {
        using var y = new Hashing(5, dtype: "int32").Call(torch.tensor(new long[] { 1, 2, 3 }));
        Assert.Equal(torch.ScalarType.Int32, y.dtype);
    }

    [Fact]
    public void Call_MismatchedMaskType_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Hashing(3, maskValue: "").Call(torch.tensor(new long[] { 1 })));
        Assert.Throws<ArgumentException>(() => new Hashing(3, maskValue: 0L).Call(new[] { "a" }));
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
            long[]? salt = random.Next(2) == 0 ? null : [random.Next(1, 1000)];
            return (new Hashing(random.Next(1, 9), maskValue: random.Next(2) == 0 ? null : 1L, salt: salt, outputMode: mode), shape);
        }, dtype: "int64");
    }
}
