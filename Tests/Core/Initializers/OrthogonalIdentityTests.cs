using System.Text.Json.Nodes;
using Keras.Initializers;
using Keras.Saving;

namespace Keras.Tests.Core.Initializers;

/// <summary>Orthogonal (Keras 3's QR algorithm) and Identity: the matrices they make, names, configs and errors.</summary>
public sealed class OrthogonalIdentityTests
{
    private static double MaxAbsDifference(Tensor a, Tensor b) => (a - b).abs().max().item<double>();

    [Theory]
    [InlineData(new long[] { 20, 8 })]
    [InlineData(new long[] { 16, 16 })]
    [InlineData(new long[] { 3, 3, 4, 12 })]
    public void Orthogonal_TallShapes_HaveOrthonormalColumns(long[] shape)
    {
        using var scope = torch.NewDisposeScope();
        var w = new Orthogonal().Call(shape);
        Assert.Equal(shape, w.shape);
        var flat = w.reshape(-1, shape[^1]).to_type(torch.ScalarType.Float64);
        Assert.True(MaxAbsDifference(flat.t().matmul(flat), torch.eye(shape[^1], dtype: torch.ScalarType.Float64)) < 1e-5);
    }

    [Fact]
    public void Orthogonal_WideShapes_HaveOrthonormalRows()
    {
        using var scope = torch.NewDisposeScope();
        var w = new Orthogonal().Call([5, 12]).to_type(torch.ScalarType.Float64);
        Assert.True(MaxAbsDifference(w.matmul(w.t()), torch.eye(5, dtype: torch.ScalarType.Float64)) < 1e-5);
    }

    [Fact]
    public void Orthogonal_GainScalesTheMatrix()
    {
        using var scope = torch.NewDisposeScope();
        var w = new Orthogonal(gain: 2.5).Call([6, 6]).to_type(torch.ScalarType.Float64);
        Assert.True(MaxAbsDifference(w.t().matmul(w), torch.eye(6, dtype: torch.ScalarType.Float64) * 6.25) < 1e-4);
    }

    [Fact]
    public void Orthogonal_RankBelowTwo_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new Orthogonal().Call([7]));
        Assert.Contains("at least two-dimensional", error.Message);
    }

    [Fact]
    public void Identity_IsEyeTimesGain()
    {
        using var scope = torch.NewDisposeScope();
        var square = new Identity(gain: 0.5).Call([3, 3]);
        Assert.True(square.eq(torch.eye(3) * 0.5f).all().item<bool>());
        var wide = new Identity().Call([2, 4]);
        Assert.True(wide.eq(torch.eye(2, 4)).all().item<bool>());
    }

    [Fact]
    public void Identity_On3DShape_IsRefusedAsKeras()
    {
        var error = Assert.Throws<ArgumentException>(() => new Identity().Call([2, 2, 3]));
        Assert.StartsWith(
            "Identity matrix initializer can only be used for 2D matrices. Received: shape=(2, 2, 3) of rank 3.",
            error.Message);
    }

    [Theory]
    [InlineData("orthogonal", typeof(Orthogonal))]
    [InlineData("Orthogonal", typeof(Orthogonal))]
    [InlineData("OrthogonalInitializer", typeof(Orthogonal))]
    [InlineData("identity", typeof(Identity))]
    [InlineData("Identity", typeof(Identity))]
    [InlineData("IdentityInitializer", typeof(Identity))]
    public void Names_ResolveInTheRegistry(string name, Type type) =>
        Assert.IsType(type, KerasSerialization.DeserializeInitializer(JsonValue.Create(name)));

    /// <summary>Every initializer Keras lists (snake_case names) resolves both through <see cref="Initializer.Get"/>
    /// and through the config registry, to the same class.</summary>
    [Theory]
    [InlineData("glorot_uniform", typeof(GlorotUniform))]
    [InlineData("glorot_normal", typeof(GlorotNormal))]
    [InlineData("he_uniform", typeof(HeUniform))]
    [InlineData("he_normal", typeof(HeNormal))]
    [InlineData("lecun_uniform", typeof(LecunUniform))]
    [InlineData("lecun_normal", typeof(LecunNormal))]
    [InlineData("orthogonal", typeof(Orthogonal))]
    [InlineData("truncated_normal", typeof(TruncatedNormal))]
    [InlineData("constant", typeof(Constant))]
    [InlineData("identity", typeof(Identity))]
    [InlineData("variance_scaling", typeof(VarianceScaling))]
    [InlineData("random_normal", typeof(RandomNormal))]
    [InlineData("random_uniform", typeof(RandomUniform))]
    [InlineData("zeros", typeof(Zeros))]
    [InlineData("ones", typeof(Ones))]
    public void KerasInitializers_AreAllRegistered(string name, Type type)
    {
        Assert.IsType(type, Initializer.Get(name));
        Assert.IsType(type, KerasSerialization.DeserializeInitializer(JsonValue.Create(name)));
    }

    [Theory]
    [InlineData("""{"module": "keras.initializers", "class_name": "OrthogonalInitializer", "config": {"gain": 1.5, "seed": null}, "registered_name": null}""")]
    [InlineData("""{"module": "keras.initializers", "class_name": "Identity", "config": {"gain": 2}, "registered_name": null}""")]
    public void Keras3Envelope_RoundTrips(string json)
    {
        var initializer = KerasSerialization.DeserializeInitializer(JsonNode.Parse(json));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), KerasSerialization.SerializeInitializer(initializer)));
    }

    [Fact]
    public void Keras3IdentityConfig_WithoutGain_MeansGainOne() =>
        Assert.Equal(1.0, Assert.IsType<Identity>(KerasSerialization.DeserializeInitializer(JsonNode.Parse(
            """{"module": "keras.initializers", "class_name": "Identity", "config": {}, "registered_name": null}"""))).Gain);
}

/// <summary>Orthogonal draws from the global generator (seeded by <see cref="Utils.SetRandomSeed"/>).</summary>
[Collection(SerialCollection.Name)]
public sealed class OrthogonalSeedTests
{
    [Fact]
    public void Orthogonal_FollowsTheGlobalSeedAndIsUnbiased()
    {
        using var scope = torch.NewDisposeScope();
        Utils.SetRandomSeed(3);
        var first = new Orthogonal().Call([8, 8]);
        Utils.SetRandomSeed(3);
        var again = new Orthogonal().Call([8, 8]);
        Assert.True(first.eq(again).all().item<bool>());
        // With diag(R)'s signs applied, Q is Haar-distributed: its diagonal is not biased positive (an unsigned QR
        // gives a positive diagonal of R and a biased Q). Averaged over draws, each entry's mean is about 0.
        var sum = torch.zeros(4, 4);
        for (int i = 0; i < 400; i++)
        {
            sum = sum + new Orthogonal().Call([4, 4]);
        }
        Assert.True((sum / 400).abs().max().item<float>() < 0.1f);
    }
}
