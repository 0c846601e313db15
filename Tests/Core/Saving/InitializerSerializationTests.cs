using System.Text.Json.Nodes;
using Keras.Initializers;
using Keras.Saving;

namespace Keras.Tests.Core.Saving;

public class InitializerSerializationTests
{
    public static TheoryData<string> Initializers => new(Zoo.Keys);

    private static readonly Dictionary<string, Func<Initializer>> Zoo = new()
    {
        ["Zeros"] = () => new Zeros(),
        ["Ones"] = () => new Ones(),
        ["Constant"] = () => new Constant(0.75),
        ["RandomNormal"] = () => new RandomNormal(1.5, 0.25),
        ["RandomUniform"] = () => new RandomUniform(-0.3, 0.7),
        ["TruncatedNormal"] = () => new TruncatedNormal(-1.0, 0.5),
        ["VarianceScaling"] = () => new VarianceScaling(3.0, "fan_avg", "untruncated_normal"),
        ["GlorotUniform"] = () => new GlorotUniform(),
        ["GlorotNormal"] = () => new GlorotNormal(),
        ["HeUniform"] = () => new HeUniform(),
        ["HeNormal"] = () => new HeNormal(),
        ["LecunUniform"] = () => new LecunUniform(),
        ["LecunNormal"] = () => new LecunNormal(),
    };

    [Theory]
    [MemberData(nameof(Initializers))]
    public void Initializer_RoundTripsInBothForms(string className)
    {
        var original = Zoo[className]();
        var json = KerasSerialization.SerializeInitializer(original);
        Assert.Equal("keras.initializers", json["module"]!.GetValue<string>());
        Assert.Equal(className, json["class_name"]!.GetValue<string>());
        Assert.Null(json["registered_name"]);
        foreach (bool legacy in new[] { false, true })
        {
            string text = KerasSerialization.SerializeInitializer(original, legacy).ToJsonString();
            var restored = KerasSerialization.DeserializeInitializer(JsonNode.Parse(text));
            Assert.IsType(original.GetType(), restored);
            Assert.Equal(text, KerasSerialization.SerializeInitializer(restored, legacy).ToJsonString());
        }
    }

    [Theory]
    [InlineData("glorot_uniform", typeof(GlorotUniform))]
    [InlineData("he_normal", typeof(HeNormal))]
    [InlineData("normal", typeof(RandomNormal))]
    [InlineData("uniform", typeof(RandomUniform))]
    [InlineData("one", typeof(Ones))]
    [InlineData("zero", typeof(Zeros))]
    [InlineData("constant", typeof(Constant))]
    [InlineData("VarianceScaling", typeof(VarianceScaling))]
    public void DeserializeInitializer_AcceptsKerasNamesAndAliases(string name, Type expected) =>
        Assert.IsType(expected, KerasSerialization.DeserializeInitializer(JsonValue.Create(name)));

    [Fact]
    public void DeserializeInitializer_Keras2NormalDistribution_MeansTruncatedNormal()
    {
        var json = JsonNode.Parse(
            """
            {"class_name": "VarianceScaling",
             "config": {"scale": 2.0, "mode": "fan_in", "distribution": "normal", "seed": 7}}
            """);
        var init = Assert.IsType<VarianceScaling>(KerasSerialization.DeserializeInitializer(json));
        Assert.Equal("truncated_normal", init.Distribution);
        Assert.Equal(2.0, init.Scale);
    }

    [Fact]
    public void DeserializeInitializer_RebuiltRandomUniform_DrawsWithinItsBounds()
    {
        var json = JsonNode.Parse("""{"class_name":"RandomUniform","config":{"minval":2.0,"maxval":2.5,"seed":null}}""");
        var init = KerasSerialization.DeserializeInitializer(json);
        using var values = init.Call([1000]);
        Assert.InRange(values.min().item<float>(), 2.0f, 2.5f);
        Assert.InRange(values.max().item<float>(), 2.0f, 2.5f);
    }

    [Fact]
    public void DeserializeInitializer_Unknown_ListsKnownInitializers()
    {
        var json = JsonNode.Parse("""{"module":"keras.initializers","class_name":"STFT","config":{"side":"real"}}""");
        var error = Assert.Throws<KeyNotFoundException>(() => KerasSerialization.DeserializeInitializer(json));
        Assert.Contains("initializer class 'STFT'", error.Message);
        Assert.Contains("GlorotUniform", error.Message);
        Assert.DoesNotContain("Dense", error.Message);
    }
}
