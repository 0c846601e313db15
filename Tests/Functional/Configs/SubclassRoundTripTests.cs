using Keras.Layers;
using Keras.Saving;
using Keras.Tests.Core.Saving;

namespace Keras.Tests.FunctionalApi.Configs;

public class SubclassRoundTripTests
{
    /// <summary>A registered subclassed model: its config carries its own arguments, its factory rebuilds it.</summary>
    private sealed class Widening : Model
    {
        private readonly Dense _hidden;
        private readonly Dense _output;

        public Widening(int width, string? name = null) : base(name)
        {
            Width = width;
            _hidden = TrackLayer(new Dense(width, activation: "relu"));
            _output = TrackLayer(new Dense(2, activation: "softmax"));
        }

        public int Width { get; }

        public static void Register() => SerializationRegistry.Register<Widening>("Widening",
            config => new Widening(new ConfigReader("Widening", config).GetInt("width")));

        public override Dictionary<string, object?> GetConfig()
        {
            var config = base.GetConfig();
            config["width"] = Width;
            return config;
        }

        protected override Tensor CallCore(Tensor inputs, bool training) =>
            _output.Call(_hidden.Call(inputs, training), training);
    }

    [Fact]
    public void SubclassedLayerAndModel_TrainAndRoundTripThroughConfig()
    {
        TimesFactor.Register();
        Widening.Register();

        var layerJson = KerasSerialization.SerializeLayer(new TimesFactor(2.5, name: "tf_rt")).ToJsonString();
        var layer = (TimesFactor)KerasSerialization.DeserializeLayer(System.Text.Json.Nodes.JsonNode.Parse(layerJson)!);
        Assert.Equal(2.5, layer.Factor);
        Assert.Equal("tf_rt", layer.Name);

        var model = new Widening(7);
        var restored = (Widening)KerasSerialization.DeserializeLayer(
            System.Text.Json.Nodes.JsonNode.Parse(KerasSerialization.SerializeLayer(model).ToJsonString())!);
        Assert.Equal(7, restored.Width);

        var inputs = new Input([3]);
        var withLayer = new Functional(inputs, restored.Call(layer.Call(inputs)));
        withLayer.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy");
        var (x, y) = Support.TestModels.Classification(48, 3, 2);
        var history = withLayer.Fit(x, y, epochs: 6, verbose: 0);
        Assert.True(history["loss"][^1] < history["loss"][0]);
        Assert.Equal(1 + 3 * 7 + 7 + 7 * 2 + 2, withLayer.CountParams());
    }
}
