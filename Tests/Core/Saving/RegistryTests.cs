using System.Text.Json.Nodes;
using Keras.Layers;
using Keras.Saving;

namespace Keras.Tests.Core.Saving;

public class RegistryTests
{
    [Fact]
    public void Register_UserLayer_IsWrittenWithItsRegisteredNameAndRoundTrips()
    {
        Assert.Equal("Custom>TimesFactor", TimesFactor.Register());
        var layer = new TimesFactor(2.5, name: "times") { Trainable = false };
        layer.Build([null, 3]);
        var json = KerasSerialization.SerializeLayer(layer);
        Assert.Null(json["module"]);
        Assert.Equal("TimesFactor", json["class_name"]!.GetValue<string>());
        Assert.Equal("Custom>TimesFactor", json["registered_name"]!.GetValue<string>());

        var restored = Assert.IsType<TimesFactor>(KerasSerialization.DeserializeLayer(JsonNode.Parse(json.ToJsonString())!));
        Assert.Equal(2.5, restored.Factor);
        Assert.Equal("times", restored.Name);
        Assert.False(restored.Trainable);
        Assert.True(restored.Built);
        using var x = torch.ones(2, 3);
        using var y = restored.Call(x);
        Assert.Equal(2.5f, y[0, 0].item<float>(), 6);
    }

    [Fact]
    public void Register_UserLayer_LegacyFormUsesTheRegisteredNameAsClassName()
    {
        TimesFactor.Register();
        var legacy = KerasSerialization.SerializeLayer(new TimesFactor(3, name: "old"), legacy: true);
        Assert.Equal("Custom>TimesFactor", legacy["class_name"]!.GetValue<string>());
        Assert.IsType<TimesFactor>(KerasSerialization.DeserializeLayer(legacy));

        // Keras 2 before 2.13 wrote custom classes by their bare class name.
        var bare = JsonNode.Parse("""{"class_name":"TimesFactor","config":{"factor":4.0,"name":"bare"}}""")!;
        Assert.Equal(4.0, Assert.IsType<TimesFactor>(KerasSerialization.DeserializeLayer(bare)).Factor);
    }

    [Fact]
    public void Register_SameTypeAgain_IsIdempotent_AnotherTypeUnderTheName_Fails()
    {
        TimesFactor.Register();
        Assert.Equal("Custom>TimesFactor", TimesFactor.Register());
        var error = Assert.Throws<ArgumentException>(() =>
            SerializationRegistry.Register<NeverRegistered>("TimesFactor", _ => new NeverRegistered()));
        Assert.Contains("Custom>TimesFactor has already been registered to", error.Message);
        Assert.Contains(typeof(TimesFactor).FullName!, error.Message);
    }

    [Theory]
    [InlineData("", "Custom")]
    [InlineData("My>Layer", "Custom")]
    [InlineData("MyLayer", " ")]
    [InlineData("MyLayer", "a>b")]
    public void Register_InvalidNames_AreRejected(string className, string package)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            SerializationRegistry.Register<NeverRegistered>(className, _ => new NeverRegistered(), package));
        Assert.Contains("without '>'", error.Message);
    }

    [Fact]
    public void Register_BuiltInType_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            SerializationRegistry.Register<Dense>("MyDense", _ => new Dense(1)));
        Assert.Contains("built-in class", error.Message);
    }

    [Fact]
    public void UnregisteredUserLayer_SerializesButCannotBeLoaded()
    {
        var json = KerasSerialization.SerializeLayer(new NeverRegistered(name: "nope"));
        Assert.Equal("NeverRegistered", json["registered_name"]!.GetValue<string>());
        Assert.Null(json["module"]);
        var error = Assert.Throws<KeyNotFoundException>(() => KerasSerialization.DeserializeLayer(json));
        Assert.Contains("'NeverRegistered'", error.Message);
        Assert.Contains("SerializationRegistry.Register<NeverRegistered>(\"NeverRegistered\"", error.Message);
    }

    [Fact]
    public void Register_CustomActivationInAPackage_IsFoundByNameAndByFunctionEnvelope()
    {
        var cube = new ActivationFunction("cube", x => x * x * x);
        Assert.Equal("my_pkg>cube", SerializationRegistry.Register<ActivationFunction>("cube", _ => cube, "my_pkg"));
        var dense = new Dense(2, activation: cube, name: "cubed");
        var restored = Assert.IsType<Dense>(KerasSerialization.DeserializeLayer(KerasSerialization.SerializeLayer(dense)));
        Assert.Same(cube, restored.Activation);
        var envelope = JsonNode.Parse(
            """{"module":"__main__","class_name":"function","config":"cube","registered_name":"my_pkg>cube"}""");
        Assert.Same(cube, KerasSerialization.DeserializeActivation(envelope));
    }

    [Fact]
    public void Registry_KnowsBuiltInsAndModelKinds()
    {
        Assert.True(SerializationRegistry.IsRegistered("Dense"));
        Assert.True(SerializationRegistry.IsRegistered("glorot_uniform"));
        Assert.True(SerializationRegistry.IsRegistered("Sequential"));
        Assert.True(SerializationRegistry.IsRegistered("Functional"));
        Assert.True(SerializationRegistry.IsRegistered("Model"));
        Assert.False(SerializationRegistry.IsRegistered("WormholeConvolution"));
        Assert.Contains("InputLayer", SerializationRegistry.Names);
        Assert.Equal("Dense", SerializationRegistry.GetRegisteredName(typeof(Dense)));
        Assert.Equal(nameof(NeverRegistered), SerializationRegistry.GetRegisteredName(typeof(NeverRegistered)));
    }
}
