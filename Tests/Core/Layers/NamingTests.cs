using Keras.Layers;

namespace Keras.Tests.Core.Layers;

[Collection(SerialCollection.Name)]
public class NamingTests
{
    [Fact]
    public void AutoNames_AreUniqueSnakeCaseLikeKeras()
    {
        Utils.ClearSession();
        Assert.Equal("dense", new Dense(1).Name);
        Assert.Equal("dense_1", new Dense(1).Name);
        Assert.Equal("input_layer", new InputLayer([3]).Name);
        Assert.Equal("dropout", new Dropout(0.5).Name);
        Assert.Equal("sequential", new Keras.Sequential().Name);
    }

    [Theory]
    [InlineData("Conv2D", "conv2d")]
    [InlineData("GlobalAveragePooling2D", "global_average_pooling2d")]
    [InlineData("ReLU", "re_lu")]
    [InlineData("InputLayer", "input_layer")]
    [InlineData("LSTM", "lstm")]
    [InlineData("BatchNormalization", "batch_normalization")]
    public void SnakeCase_MatchesKerasRegexes(string className, string expected) =>
        Assert.Equal(expected, LayerNames.ToSnakeCase(className));
}
