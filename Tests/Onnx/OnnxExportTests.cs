using Keras.Layers;
using Keras.Onnx;
using Keras.Tests.Onnx.Support;
using Microsoft.ML.OnnxRuntime;

namespace Keras.Tests.Onnx;

/// <summary>The export API: files, opsets, names, dynamic batch, errors and custom exporters.</summary>
public class OnnxExportTests
{
    [Fact]
    public void ExportOnnx_WritesTheFileAtomically_AndOnnxRuntimeLoadsIt()
    {
        var directory = Directory.CreateTempSubdirectory("keras-onnx-export-");
        try
        {
            var model = new Sequential(new Input([3], name: "features"), new Dense(2, name: "logits"));
            var path = Path.Combine(directory.FullName, "m.onnx");
            File.WriteAllText(path, "stale");
            model.ExportOnnx(path);
            Assert.Equal([Path.GetFileName(path)], directory.GetFiles().Select(f => f.Name));
            Assert.Equal(model.ToOnnx(), File.ReadAllBytes(path));
            using var session = new InferenceSession(path);
            Assert.Equal(["features"], session.InputNames);
            Assert.Equal(["logits"], session.OutputNames);
            Assert.Equal([-1, 3], session.InputMetadata["features"].Dimensions);
            Assert.Equal("batch_size", session.InputMetadata["features"].SymbolicDimensions[0]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void ExportOnnx_ToStream_WritesTheSameBytes()
    {
        var model = new Sequential(new Input([3]), new Dense(2));
        using var stream = new MemoryStream();
        model.ExportOnnx(stream);
        Assert.Equal(model.ToOnnx(), stream.ToArray());
    }

    [Theory]
    [InlineData(16)]
    [InlineData(19)]
    public void ToOnnx_RejectsOpsetsOutside17To18(int opset)
    {
        var model = new Sequential(new Input([3]), new Dense(2));
        var error = Assert.Throws<ArgumentException>(() => model.ToOnnx(opset));
        Assert.Contains($"opset={opset}", error.Message);
        Assert.Contains("17 to 18", error.Message);
    }

    [Fact]
    public void Opset18_MovesReductionAxesToInputs_AndMatchesOnnxRuntime()
    {
        var model = new Sequential(new Input([4, 5, 3]), new LayerNormalization(axis: 1), new UnitNormalization(),
            new GlobalMaxPooling2D(), new Softmax());
        OnnxParity.AssertMatches(model, opset: 18);
    }

    [Fact]
    public void Graph_IsNamedAfterLayersAndVariables_AndStoresSharedWeightsOnce()
    {
        var model = ModelOnnxTests.TwoInTwoOutShared();
        var graph = OnnxModelWalker.Export(model, 17).Graph;
        Assert.Equal(["left", "right"], graph.Inputs.Select(i => i.Name));
        Assert.Equal(["score", "label"], graph.Outputs.Select(o => o.Name));
        Assert.All(graph.Inputs.Concat(graph.Outputs), v => Assert.Null(v.Dims[0]));
        Assert.All(graph.Inputs.Concat(graph.Outputs), v => Assert.Equal("batch_size", v.DimParams[0]));
        var initializers = graph.Initializers.Select(t => t.Name).ToList();
        Assert.Single(initializers, "shared_encoder/kernel");
        Assert.Contains("score/kernel", initializers);
        Assert.Contains("shared_encoder", graph.Nodes.Select(n => n.Name));
        Assert.Equal(graph.Nodes.Count, graph.Nodes.Select(n => n.Name).Distinct().Count());
        Assert.All(graph.Nodes.SelectMany(n => n.Outputs).Where(o => o is not ("score" or "label")),
            o => Assert.Contains('/', o));
    }

    [Fact]
    public void NestedModel_ValuesArePrefixedWithTheNestedModelName()
    {
        var graph = OnnxModelWalker.Export(ModelOnnxTests.NestedSequentialInFunctional(), 17).Graph;
        Assert.Contains(graph.Nodes, n => n.Name.StartsWith("block/", StringComparison.Ordinal));
        Assert.Contains(graph.Nodes.SelectMany(n => n.Outputs), o => o.StartsWith("block/dense", StringComparison.Ordinal));
    }

    [Fact]
    public void UnsupportedLayer_ThrowsNotSupported_NamingTheLayerItsClassAndWhatExports()
    {
        var model = new Sequential(new Input([3]), new Unexportable("mystery"));
        var error = Assert.Throws<NotSupportedException>(() => model.ToOnnx());
        Assert.Contains("\"mystery\"", error.Message);
        Assert.Contains(nameof(Unexportable), error.Message);
        Assert.Contains("Conv2D", error.Message.Replace("BaseConv", "Conv2D", StringComparison.Ordinal));
        Assert.Contains("Dense", error.Message);
    }

    [Fact]
    public void UnsupportedActivation_ThrowsNotSupported_NamingTheActivation()
    {
        var cube = new ActivationFunction("cube", x => x * x * x);
        var model = new Sequential(new Input([3]), new Dense(2, activation: cube, name: "cubic"));
        var error = Assert.Throws<NotSupportedException>(() => model.ToOnnx());
        Assert.Contains("\"cube\"", error.Message);
        Assert.Contains("\"cubic\"", error.Message);
    }

    [Fact]
    public void SubclassedModel_ThrowsNotSupported()
    {
        var model = new Subclassed();
        model.Build(new Shape(null, 3));
        var error = Assert.Throws<NotSupportedException>(() => model.ToOnnx());
        Assert.Contains("subclassed", error.Message);
    }

    [Fact]
    public void UnbuiltSequential_ThrowsInvalidOperation()
    {
        var model = new Sequential(new Dense(2));
        var error = Assert.Throws<InvalidOperationException>(() => model.ToOnnx());
        Assert.Contains("no input shape", error.Message);
    }

    [Fact]
    public void RegisteredCustomExporter_IsUsed()
    {
        OnnxExporters.RegisterUnary<Cube>((_, context, x) => context.AddNode("Mul", [context.AddNode("Mul", [x, x]), x]));
        Assert.True(OnnxExporters.IsSupported(typeof(Cube)));
        OnnxParity.AssertMatches(new Sequential(new Input([4]), new Dense(3), new Cube()));
    }

    [Fact]
    public void ExactGelu_MatchesLibtorch()
    {
        OnnxExporters.RegisterUnary<ExactGelu>((_, context, x) => OnnxActivations.Gelu(context, x, approximate: false));
        OnnxParity.AssertMatches(new Sequential(new Input([5]), new Dense(4), new ExactGelu()));
    }

    private sealed class ExactGelu() : Layer(null)
    {
        protected override Tensor CallCore(Tensor inputs, bool training) => Ops.Gelu(inputs, approximate: false);
    }

    private sealed class Unexportable(string name) : Layer(name)
    {
        protected override Tensor CallCore(Tensor inputs, bool training) => inputs;
    }

    private sealed class Cube() : Layer(null)
    {
        protected override Tensor CallCore(Tensor inputs, bool training) => inputs * inputs * inputs;
    }

    private sealed class Subclassed : Model
    {
        private readonly Dense _dense = new(2);

        public Subclassed() => TrackLayer(_dense);

        protected override Tensor CallCore(Tensor inputs, bool training) => _dense.Call(inputs, training);
    }
}
