using Keras.Layers;
using Keras.Tests.Onnx.Support;

namespace Keras.Tests.Onnx;

/// <summary>ONNX Runtime parity of the activation layers.</summary>
public class ActivationLayerOnnxTests : IOnnxCaseSource
{
    public static TheoryData<string> Names => OnnxCaseSource.Names<ActivationLayerOnnxTests>();

    public IEnumerable<OnnxCase> Cases()
    {
        yield return new("relu_default", () => CoreLayerOnnxTests.Stack([6], new ReLU()));
        yield return new("relu_max_value", () => CoreLayerOnnxTests.Stack([6], new ReLU(maxValue: 1.0)));
        yield return new("relu6", () => CoreLayerOnnxTests.Stack([6], new ReLU(maxValue: 6.0)));
        yield return new("relu_threshold", () => CoreLayerOnnxTests.Stack([6], new ReLU(threshold: 0.5)));
        yield return new("relu_negative_slope", () => CoreLayerOnnxTests.Stack([6], new ReLU(negativeSlope: 0.1)));
        yield return new("relu_all", () =>
            CoreLayerOnnxTests.Stack([6], new ReLU(maxValue: 1.5, negativeSlope: 0.2, threshold: 0.5)));
        yield return new("leaky_relu", () => CoreLayerOnnxTests.Stack([6], new LeakyReLU()));
        yield return new("prelu", () => CoreLayerOnnxTests.Stack([3, 4], new PReLU()));
        yield return new("prelu_shared", () => CoreLayerOnnxTests.Stack([3, 4], new PReLU(sharedAxes: [1])));
        yield return new("elu", () => CoreLayerOnnxTests.Stack([6], new ELU(alpha: 0.7)));
        yield return new("softmax_last", () => CoreLayerOnnxTests.Stack([3, 4], new Softmax()));
        yield return new("softmax_axis1", () => CoreLayerOnnxTests.Stack([3, 4], new Softmax(axis: 1)));
        yield return new("softmax_two_axes", () => CoreLayerOnnxTests.Stack([3, 4], new Softmax(axis: [1, 2])));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Export_MatchesOnnxRuntime(string name) =>
        OnnxParity.AssertMatches(OnnxCaseSource.Get<ActivationLayerOnnxTests>(name));
}
