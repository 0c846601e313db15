using Keras.Optimizers;

namespace Keras.Tests.Core.Optimizers;

public class OptimizerCatalogTests
{
    [Theory]
    [InlineData("sgd", typeof(SGD))]
    [InlineData("SGD", typeof(SGD))]
    [InlineData("adam", typeof(Adam))]
    [InlineData("Adam", typeof(Adam))]
    [InlineData("adamw", typeof(AdamW))]
    [InlineData("AdamW", typeof(AdamW))]
    [InlineData("rmsprop", typeof(RMSprop))]
    [InlineData("RMSprop", typeof(RMSprop))]
    [InlineData("adagrad", typeof(Adagrad))]
    [InlineData("Adagrad", typeof(Adagrad))]
    [InlineData("adamax", typeof(Adamax))]
    [InlineData("Adamax", typeof(Adamax))]
    [InlineData("nadam", typeof(Nadam))]
    [InlineData("Nadam", typeof(Nadam))]
    public void Get_ByKerasOrClassName_GivesDefaults(string name, Type type)
    {
        var optimizer = Optimizer.Get(name);
        Assert.IsType(type, optimizer);
        Optimizer converted = name;
        Assert.IsType(type, converted);
        Assert.NotSame(optimizer, converted);
        Assert.Equal(Default(type).GetConfig(), optimizer.GetConfig());
    }

    private static Optimizer Default(Type type) => type.Name switch
    {
        nameof(SGD) => new SGD(),
        nameof(Adam) => new Adam(),
        nameof(AdamW) => new AdamW(),
        nameof(RMSprop) => new RMSprop(),
        nameof(Adagrad) => new Adagrad(),
        nameof(Adamax) => new Adamax(),
        _ => new Nadam(),
    };

    [Fact]
    public void UnknownName_ListsValidNames()
    {
        var error = Assert.Throws<ArgumentException>(() => Optimizer.Get("adamm"));
        Assert.Equal("name", error.ParamName);
        Assert.StartsWith(
            "Could not interpret optimizer identifier: adamm. Expected one of: sgd, adam, adamw, rmsprop, adagrad, " +
            "adamax, nadam.", error.Message);
    }
}
