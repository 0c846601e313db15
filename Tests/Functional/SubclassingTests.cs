using Keras.Layers;
using Keras.Tests.Support;

namespace Keras.Tests.FunctionalApi;

public class SubclassingTests
{
    /// <summary>A user layer as in Keras' "making new layers" guide: weights from AddWeight, a Call and a shape rule.</summary>
    private sealed class Linear(int units, string? name = null) : Layer(name)
    {
        private Variable? _w;
        private Variable? _b;

        public int Units { get; } = units;

        public override Shape ComputeOutputShape(Shape inputShape) => inputShape.With(-1, Units);

        public override Dictionary<string, object?> GetConfig()
        {
            var config = base.GetConfig();
            config["units"] = Units;
            return config;
        }

        protected override void BuildCore(Shape inputShape)
        {
            _w = AddWeight("w", [inputShape[-1]!.Value, Units], "random_normal");
            _b = AddWeight("b", [Units], "zeros");
        }

        protected override Tensor CallCore(Tensor inputs, bool training) => Ops.Matmul(inputs, _w!.Value) + _b!.Value;
    }

    /// <summary>A user model as in Keras' subclassing guide: layers as fields, the forward pass in CallCore.</summary>
    private sealed class Mlp : Model
    {
        private readonly Layer _hidden;
        private readonly Layer _out;

        public Mlp() : base("mlp")
        {
            _hidden = TrackLayer(new Linear(16, name: "linear_hidden"));
            _out = TrackLayer(new Dense(3, activation: "softmax", name: "probs"));
        }

        protected override Tensor CallCore(Tensor inputs, bool training) =>
            _out.Call(Ops.Relu(_hidden.Call(inputs, training)), training);
    }

    [Fact]
    public void SubclassedLayer_TrainsInsideASequential()
    {
        var model = new Keras.Sequential(new Input([5]), new Linear(8), new Dense(3, activation: "softmax"));
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy");
        var (x, y) = TestModels.Classification(60, 5, 3);
        var history = model.Fit(x, y, epochs: 5, verbose: 0);
        Assert.True(history["loss"][^1] < history["loss"][0]);
        Assert.Contains("(Linear)", model.SummaryText(lineLength: 76));
        Assert.Contains("│ 48 │".Replace(" ", ""), model.SummaryText(lineLength: 76).Replace(" ", ""));
    }

    [Fact]
    public void SubclassedModel_BuildsLazily_TrainsAndSummarises()
    {
        var model = new Mlp();
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
        var (x, y) = TestModels.Classification(90, 6, 3);
        var history = model.Fit(x, y, epochs: 8, verbose: 0);
        Assert.Equal(4, model.TrainableWeights.Count);
        Assert.True(history["loss"][^1] < history["loss"][0]);
        string summary = model.SummaryText(lineLength: 76);
        Assert.Contains("linear_hidden (Linear)", summary);
        Assert.Contains("probs (Dense)", summary);
        Assert.Contains(" Trainable params: 163 (652.00 B)", summary);
    }

    [Fact]
    public void SubclassedLayer_ShapeInferenceWithoutComputeOutputShape_RunsTheLayerOnZeros()
    {
        var layer = new Doubler();
        Assert.Equal(new Shape(null, 4, 2), layer.ComputeOutputShape([null, 4, 2]));
        var symbolic = layer.Call(new Input([7]));
        Assert.Equal(new Shape(null, 7), symbolic.Shape);
    }

    private sealed class Doubler : Layer
    {
        protected override Tensor CallCore(Tensor inputs, bool training) => inputs * 2;
    }
}
