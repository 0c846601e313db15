using Keras.Layers;

namespace Keras.Tests.Core.Layers.Preprocessing.Categorical;

/// <summary>The integer-input preprocessing layers inside models (symbolic calls, dtypes, model JSON), and string
/// layers feeding a model from outside, as Keras recommends.</summary>
public sealed class PreprocessingModelTests
{
    [Fact]
    public void IntegerLayers_BuildAFunctionalModel_ThatRoundTripsThroughJson()
    {
        var ids = new Input([3], dtype: "int64");
        var lookup = new IntegerLookup(vocabulary: [10, 20, 30], outputMode: "multi_hot");
        var hashed = new Hashing(5, outputMode: "count");
        var encoded = new Concatenate().Call([lookup.Call(ids), hashed.Call(ids)]);
        Assert.Equal(new Shape(null, 9), encoded.Shape);
        Assert.Equal("float32", lookup.Call(ids).DType);
        var bucketInput = new Input([2]);
        var buckets = new Discretization([0.0, 1.0]).Call(bucketInput);
        Assert.Equal("int64", buckets.DType);
        var model = new Functional([ids, bucketInput], new Dense(1).Call(new Concatenate().Call(
            [encoded, new CategoryEncoding(3).Call(buckets)])));

        var x = torch.tensor(new long[] { 10, 30, 7, 20, 20, 20 }).reshape(2, 3);
        var v = torch.tensor(new float[] { -1, 0.5f, 2, 2 }).reshape(2, 2);
        using var y = model.Call([x, v])[0];
        var copy = Models.ModelFromJson(model.ToJson());
        copy.SetWeights(model.GetWeights());
        using var z = copy.Call([x, v])[0];
        Assert.Equal(y.data<float>().ToArray(), z.data<float>().ToArray());
        Assert.Equal(new long[] { 2, 1 }, y.shape);
    }

    [Fact]
    public void TextVectorization_FeedsAModelFromOutside()
    {
        var vectorizer = new TextVectorization(outputMode: "multi_hot");
        vectorizer.Adapt(["good movie", "bad movie", "good good plot"]);
        var inputs = new Input([vectorizer.VocabularySize()]);
        var model = new Functional(inputs, new Dense(1, activation: "sigmoid").Call(inputs));
        using var features = vectorizer.Call(new[] { "good plot", "awful" });
        using var scores = model.Call(features);
        Assert.Equal(new long[] { 2, 1 }, scores.shape);
    }
}
