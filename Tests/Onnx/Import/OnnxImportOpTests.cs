using Keras.Onnx;
using A = Keras.Onnx.OnnxAttribute;

namespace Keras.Tests.Onnx.Import;

/// <summary>Hand-built graphs covering each imported op, in opset 8 (attribute forms: Clip min/max, Pad pads) and
/// opset 13 (input forms), compared with ONNX Runtime.</summary>
public class OnnxImportOpTests
{
    private const double Tolerance = 1e-4;

    public static TheoryData<int> Opsets => new() { 8, 13 };

    private static void AssertParity(byte[] onnx, long[] inputShape)
    {
        var x = OnnxImportParity.RandomInput(inputShape, seed: 3);
        double worst = OnnxImportParity.MaxAbsDifference(onnx, x);
        Assert.True(worst <= Tolerance, $"Import differs from ONNX Runtime by {worst:G4}.");
    }

    private static string BatchNorm(OnnxTestGraph g, string x, long channels) =>
        g.Node("BatchNormalization",
            [x, g.Weight([channels], 0.5, 1.5), g.Weight([channels]), g.Weight([channels]),
                g.Weight([channels], 0.5, 1.5)],
            A.Float("epsilon", 1e-3f), A.Float("momentum", 0.95f));

    [Theory]
    [MemberData(nameof(Opsets))]
    public void ConvBatchNormPoolGemm_MatchesOnnxRuntime(int opset)
    {
        var g = new OnnxTestGraph(opset, [null, 3, 11, 10]);
        var y = g.Node("Conv", [g.X, g.Weight([4, 3, 3, 3]), g.Weight([4])], A.Ints("kernel_shape", [3, 3]),
            A.Ints("strides", [2, 2]), A.Ints("pads", [1, 0, 2, 1]));
        y = g.Node("Relu", [BatchNorm(g, y, 4)]);
        y = g.Node("MaxPool", [y], A.Ints("kernel_shape", [3, 3]), A.Ints("strides", [2, 2]),
            A.Ints("pads", [1, 1, 1, 1]));
        y = g.Node("GlobalAveragePool", [y]);
        y = g.Node("Flatten", [y]);
        y = g.Node("Gemm", [y, g.Weight([5, 4]), g.Weight([5])], A.Int("transB", 1), A.Float("alpha", 0.5f),
            A.Float("beta", 2f));
        y = g.Node("Softmax", [y], A.Int("axis", 1));
        AssertParity(g.Build((y, 2)), [2, 3, 11, 10]);
    }

    [Theory]
    [MemberData(nameof(Opsets))]
    public void GroupedDepthwiseDilatedConvAndActivations_MatchOnnxRuntime(int opset)
    {
        var g = new OnnxTestGraph(opset, [null, 4, 9, 9]);
        var y = g.Node("Conv", [g.X, g.Weight([6, 2, 3, 3])], A.Ints("kernel_shape", [3, 3]), A.Int("group", 2),
            A.Ints("pads", [1, 1, 1, 1]));
        y = g.Node("LeakyRelu", [y], A.Float("alpha", 0.2f));
        y = g.Node("Conv", [y, g.Weight([12, 1, 3, 3]), g.Weight([12])], A.Ints("kernel_shape", [3, 3]),
            A.Int("group", 6), A.Ints("dilations", [2, 2]), A.Ints("pads", [2, 2, 2, 2]));
        y = opset >= 11
            ? g.Node("Clip", [y, g.Scalar(0), g.Scalar(6)])
            : g.Node("Clip", [y], A.Float("min", 0), A.Float("max", 6));
        y = g.Node("AveragePool", [y], A.Ints("kernel_shape", [2, 2]), A.Ints("strides", [2, 2]),
            A.Ints("pads", [0, 0, 1, 1]), A.Int("count_include_pad", 1));
        var s = g.Node("Sigmoid", [y]);
        var t = g.Node("Tanh", [y]);
        AssertParity(g.Build((s, 4), (t, 4)), [2, 4, 9, 9]);
    }

    [Theory]
    [MemberData(nameof(Opsets))]
    public void SpatialFlattenGemmAndMatMul_MatchOnnxRuntime(int opset)
    {
        var g = new OnnxTestGraph(opset, [null, 2, 5, 4]);
        var y = g.Node("Conv", [g.X, g.Weight([3, 2, 1, 1])], A.Ints("kernel_shape", [1, 1]));
        y = g.Node("Relu", [y]);
        y = g.Node("Flatten", [y], A.Int("axis", 1));
        y = g.Node("Gemm", [y, g.Weight([60, 7]), g.Weight([7])]);
        y = g.Node("MatMul", [y, g.Weight([7, 3])]);
        y = g.Node("Add", [y, g.Weight([3])]);
        y = g.Node("Softmax", [y], A.Int("axis", opset >= 13 ? -1 : 1));
        AssertParity(g.Build((y, 2)), [2, 2, 5, 4]);
    }

    [Theory]
    [MemberData(nameof(Opsets))]
    public void ResidualConcatScalePadTransposeReshape_MatchOnnxRuntime(int opset)
    {
        var g = new OnnxTestGraph(opset, [null, 3, 6, 6]);
        var a = g.Node("Conv", [g.X, g.Weight([3, 3, 3, 3])], A.Ints("kernel_shape", [3, 3]),
            A.Ints("pads", [1, 1, 1, 1]));
        var sum = g.Node("Add", [a, g.X]);
        var both = g.Node("Concat", [sum, g.X], A.Int("axis", 1));
        var scaled = g.Node("Mul", [both, g.Weight([1, 6, 1, 1])]);
        var shifted = g.Node("Sub", [scaled, g.Scalar(0.25f)]);
        var total = g.Node("Sum", [shifted, both]);
        var product = g.Node("Mul", [total, both]);
        var padded = opset >= 11
            ? g.Node("Pad", [product, g.Int64s([0, 0, 1, 0, 0, 0, 0, 2])])
            : g.Node("Pad", [product], A.Ints("pads", [0, 0, 1, 0, 0, 0, 0, 2]));
        var dropped = g.Node("Dropout", [padded]);
        var nhwc = g.Node("Transpose", [dropped], A.Ints("perm", [0, 2, 3, 1]));
        var flat = g.Node("Reshape", [nhwc, g.Int64s([0, -1])]);
        var map = g.Node("Reshape", [g.Node("Identity", [padded]), g.Int64s([0, 12, 7, 4])]);
        var conv = g.Node("Conv", [map, g.Weight([2, 12, 3, 3])], A.Ints("kernel_shape", [3, 3]),
            A.String("auto_pad", "SAME_UPPER"), A.Ints("strides", [2, 2]));
        var transposed = g.Node("Transpose", [conv], A.Ints("perm", [0, 1, 3, 2]));
        AssertParity(g.Build((flat, 2), (transposed, 4)), [2, 3, 6, 6]);
    }

    [Fact]
    public void ImportedLayers_AreKerasLayersWithConvertedWeights()
    {
        var g = new OnnxTestGraph(13, [1, 3, 8, 8]);
        var y = g.Node("Conv", [g.X, g.Weight([4, 3, 3, 3])], A.Ints("kernel_shape", [3, 3]),
            A.Ints("pads", [1, 1, 1, 1]));
        y = g.Node("Relu", [BatchNorm(g, y, 4)]);
        var model = Models.ImportOnnx(g.Build((y, 4)), name: "tiny");

        Assert.Equal("tiny", model.Name);
        Assert.Equal(new Shape(null, 8, 8, 3), model.Inputs[0].Shape);
        var conv = Assert.Single(model.Layers.OfType<Keras.Layers.Conv2D>());
        Assert.Equal("same", conv.Padding);
        Assert.Equal([3, 3, 3, 4], conv.Kernel!.Shape.ToArray().Select(d => d!.Value));
        var bn = Assert.Single(model.Layers.OfType<Keras.Layers.BatchNormalization>());
        Assert.Equal(1e-3, bn.Epsilon, 1e-9);
        Assert.Equal(0.95, bn.Momentum, 1e-6);
        Assert.Single(model.Layers.OfType<Keras.Layers.ReLU>());
        Assert.All(model.Layers.Skip(1), l => Assert.Matches("^[a-z]+_[0-9]+$", l.Name));
    }

    [Fact]
    public void FullWindowPooling_BecomesGlobalAndAcceptsOtherSizes()
    {
        var g = new OnnxTestGraph(8, [1, 3, 6, 6]);
        var y = g.Node("Conv", [g.X, g.Weight([4, 3, 3, 3])], A.Ints("kernel_shape", [3, 3]));
        y = g.Node("AveragePool", [g.Node("Relu", [y])], A.Ints("kernel_shape", [4, 4]));
        var onnx = g.Build(y, [1, 4, 1, 1]);
        AssertParity(onnx, [1, 3, 6, 6]);

        var resized = Models.ImportOnnx(onnx, inputShape: [10, 10, 3]);
        Assert.Single(resized.Layers.OfType<Keras.Layers.GlobalAveragePooling2D>());
        Assert.Equal(new Shape(null, 1, 1, 4), resized.Outputs[0].Shape);
        Assert.Equal([2L, 1, 1, 4], resized.Predict(torch.rand(2, 10, 10, 3), verbose: 0).shape);
    }
}
