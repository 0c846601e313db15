using Keras.Losses;

namespace Keras.Tests.Core.Losses;

/// <summary>Name lookup (<c>keras.losses.get</c>), constructor defaults, argument checks and <c>GetConfig</c>
/// keys.</summary>
public class LossCatalogTests
{
    public static TheoryData<string, Type, string> Aliases => new()
    {
        { "mean_squared_error", typeof(MeanSquaredError), "mean_squared_error" },
        { "mse", typeof(MeanSquaredError), "mean_squared_error" },
        { "MSE", typeof(MeanSquaredError), "mean_squared_error" },
        { "MeanSquaredError", typeof(MeanSquaredError), "mean_squared_error" },
        { "mean_absolute_error", typeof(MeanAbsoluteError), "mean_absolute_error" },
        { "mae", typeof(MeanAbsoluteError), "mean_absolute_error" },
        { "MAE", typeof(MeanAbsoluteError), "mean_absolute_error" },
        { "MeanAbsoluteError", typeof(MeanAbsoluteError), "mean_absolute_error" },
        { "mean_absolute_percentage_error", typeof(MeanAbsolutePercentageError), "mean_absolute_percentage_error" },
        { "mape", typeof(MeanAbsolutePercentageError), "mean_absolute_percentage_error" },
        { "MAPE", typeof(MeanAbsolutePercentageError), "mean_absolute_percentage_error" },
        { "MeanAbsolutePercentageError", typeof(MeanAbsolutePercentageError), "mean_absolute_percentage_error" },
        { "mean_squared_logarithmic_error", typeof(MeanSquaredLogarithmicError), "mean_squared_logarithmic_error" },
        { "msle", typeof(MeanSquaredLogarithmicError), "mean_squared_logarithmic_error" },
        { "MSLE", typeof(MeanSquaredLogarithmicError), "mean_squared_logarithmic_error" },
        { "MeanSquaredLogarithmicError", typeof(MeanSquaredLogarithmicError), "mean_squared_logarithmic_error" },
        { "huber", typeof(Huber), "huber_loss" },
        { "Huber", typeof(Huber), "huber_loss" },
        { "log_cosh", typeof(LogCosh), "log_cosh" },
        { "LogCosh", typeof(LogCosh), "log_cosh" },
        { "binary_crossentropy", typeof(BinaryCrossentropy), "binary_crossentropy" },
        { "bce", typeof(BinaryCrossentropy), "binary_crossentropy" },
        { "BCE", typeof(BinaryCrossentropy), "binary_crossentropy" },
        { "BinaryCrossentropy", typeof(BinaryCrossentropy), "binary_crossentropy" },
        { "categorical_crossentropy", typeof(CategoricalCrossentropy), "categorical_crossentropy" },
        { "CategoricalCrossentropy", typeof(CategoricalCrossentropy), "categorical_crossentropy" },
        { "sparse_categorical_crossentropy", typeof(SparseCategoricalCrossentropy), "sparse_categorical_crossentropy" },
        { "SparseCategoricalCrossentropy", typeof(SparseCategoricalCrossentropy), "sparse_categorical_crossentropy" },
        { "kl_divergence", typeof(KLDivergence), "kl_divergence" },
        { "kld", typeof(KLDivergence), "kl_divergence" },
        { "KLD", typeof(KLDivergence), "kl_divergence" },
        { "KLDivergence", typeof(KLDivergence), "kl_divergence" },
        { "hinge", typeof(Hinge), "hinge" },
        { "Hinge", typeof(Hinge), "hinge" },
        { "squared_hinge", typeof(SquaredHinge), "squared_hinge" },
        { "SquaredHinge", typeof(SquaredHinge), "squared_hinge" },
        { "categorical_hinge", typeof(CategoricalHinge), "categorical_hinge" },
        { "CategoricalHinge", typeof(CategoricalHinge), "categorical_hinge" },
        { "poisson", typeof(Poisson), "poisson" },
        { "Poisson", typeof(Poisson), "poisson" },
        { "cosine_similarity", typeof(CosineSimilarity), "cosine_similarity" },
        { "CosineSimilarity", typeof(CosineSimilarity), "cosine_similarity" },
    };

    [Theory]
    [MemberData(nameof(Aliases))]
    public void Get_ResolvesEachAlias(string alias, Type type, string name)
    {
        var loss = Loss.Get(alias);
        Assert.IsType(type, loss);
        Assert.Equal(name, loss.Name);
        Assert.Equal("sum_over_batch_size", loss.Reduction);
        Loss converted = alias;
        Assert.IsType(type, converted);
        Assert.NotSame(loss, Loss.Get(alias));
    }

    [Fact]
    public void Catalog_HoldsExactlyTheListedAliases()
    {
        Assert.Equal(Aliases.Select(row => (string)row[0]).Order(), LossCatalog.Names.Order());
    }

    [Fact]
    public void Get_UnknownName_ThrowsListingValidNames()
    {
        var ex = Assert.Throws<ArgumentException>(() => Loss.Get("mean_cubed_error"));
        Assert.Equal("name", ex.ParamName);
        Assert.StartsWith("Could not interpret loss identifier: mean_cubed_error.", ex.Message);
        foreach (var name in new[] { "mse", "mean_squared_error", "MeanSquaredError", "kld", "huber", "poisson" })
        {
            Assert.Contains(name, ex.Message);
        }
        Assert.Throws<ArgumentException>(() => { Loss loss = "Mse"; });
    }

    [Fact]
    public void Ctor_Defaults()
    {
        var bce = new BinaryCrossentropy();
        Assert.False(bce.FromLogits);
        Assert.Equal(0.0, bce.LabelSmoothing);
        Assert.Equal(-1, bce.Axis);
        var cce = new CategoricalCrossentropy();
        Assert.False(cce.FromLogits);
        Assert.Equal(0.0, cce.LabelSmoothing);
        Assert.Equal(-1, cce.Axis);
        var scce = new SparseCategoricalCrossentropy();
        Assert.False(scce.FromLogits);
        Assert.Null(scce.IgnoreClass);
        Assert.Equal(1.0, new Huber().Delta);
        Assert.Equal(-1, new CosineSimilarity().Axis);
        foreach (var loss in new Loss[] { bce, cce, scce, new Huber(), new CosineSimilarity(), new MeanSquaredError() })
        {
            Assert.Equal("sum_over_batch_size", loss.Reduction);
        }
    }

    public static TheoryData<string, string[]> ConfigKeys => new()
    {
        { "mse", ["name", "reduction"] },
        { "mae", ["name", "reduction"] },
        { "mape", ["name", "reduction"] },
        { "msle", ["name", "reduction"] },
        { "log_cosh", ["name", "reduction"] },
        { "kld", ["name", "reduction"] },
        { "poisson", ["name", "reduction"] },
        { "hinge", ["name", "reduction"] },
        { "squared_hinge", ["name", "reduction"] },
        { "categorical_hinge", ["name", "reduction"] },
        { "huber", ["name", "reduction", "delta"] },
        { "cosine_similarity", ["name", "reduction", "axis"] },
        { "bce", ["name", "reduction", "from_logits", "label_smoothing", "axis"] },
        { "categorical_crossentropy", ["name", "reduction", "from_logits", "label_smoothing", "axis"] },
        { "sparse_categorical_crossentropy", ["name", "reduction", "from_logits", "ignore_class"] },
    };

    [Theory]
    [MemberData(nameof(ConfigKeys))]
    public void GetConfig_HasKerasKeys(string alias, string[] keys)
    {
        Assert.Equal(keys.Order(), Loss.Get(alias).GetConfig().Keys.Order());
    }

    [Fact]
    public void GetConfig_HoldsConstructorArguments()
    {
        var bce = new BinaryCrossentropy(fromLogits: true, labelSmoothing: 0.1, axis: 1, reduction: "sum",
            name: "bce_1").GetConfig();
        Assert.Equal("bce_1", bce["name"]);
        Assert.Equal("sum", bce["reduction"]);
        Assert.Equal(true, bce["from_logits"]);
        Assert.Equal(0.1, bce["label_smoothing"]);
        Assert.Equal(1, bce["axis"]);
        var scce = new SparseCategoricalCrossentropy(fromLogits: true, ignoreClass: 255).GetConfig();
        Assert.Equal(255, scce["ignore_class"]);
        Assert.Equal(2.5, new Huber(delta: 2.5).GetConfig()["delta"]);
        Assert.Equal(0, new CosineSimilarity(axis: 0).GetConfig()["axis"]);
        Assert.Equal(0.2, new CategoricalCrossentropy(labelSmoothing: 0.2).GetConfig()["label_smoothing"]);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void LabelSmoothing_OutsideZeroToOne_Throws(double labelSmoothing)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => new BinaryCrossentropy(labelSmoothing: labelSmoothing));
        Assert.Equal("labelSmoothing", ex.ParamName);
        Assert.Contains("[0, 1]", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new CategoricalCrossentropy(labelSmoothing: labelSmoothing));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public void Huber_NonPositiveDelta_Throws(double delta)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Huber(delta));
        Assert.Equal("delta", ex.ParamName);
        Assert.Contains($"Received: delta={delta}", ex.Message);
    }

    [Fact]
    public void Axis_OutOfRange_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new CategoricalCrossentropy(axis: 2).Call(torch.zeros(2, 3), torch.ones(2, 3)));
        Assert.Contains("Axis 2 is out of range", ex.Message);
    }
}
