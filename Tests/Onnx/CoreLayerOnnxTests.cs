using Keras.Layers;
using Keras.Tests.Onnx.Support;

namespace Keras.Tests.Onnx;

/// <summary>ONNX Runtime parity of the core layers and activations.</summary>
public class CoreLayerOnnxTests : IOnnxCaseSource
{
    public static TheoryData<string> Names => OnnxCaseSource.Names<CoreLayerOnnxTests>();

    public IEnumerable<OnnxCase> Cases()
    {
        foreach (var activation in new[]
        {
            "linear", "relu", "sigmoid", "tanh", "softmax", "elu", "selu", "gelu", "silu", "swish", "softplus",
            "softsign", "leaky_relu", "hard_sigmoid", "exponential",
        })
        {
            yield return new($"dense_{activation}", () => Stack([6], new Dense(4, activation: activation)));
        }
        // Names the ONNX exporter maps beyond Keras.Net's registry, checked against libtorch's definitions.
        foreach (var (activation, function) in new (string, Func<Tensor, Tensor>)[]
        {
            ("relu6", x => torch.nn.functional.relu6(x)),
            ("hard_silu", x => torch.nn.functional.hardswish(x)),
            ("hard_swish", x => torch.nn.functional.hardswish(x)),
            ("log_softmax", x => torch.nn.functional.log_softmax(x, -1)),
            ("mish", x => x * torch.tanh(torch.nn.functional.softplus(x))),
        })
        {
            yield return new($"dense_{activation}", () =>
                Stack([6], new Dense(4, activation: new ActivationFunction(activation, function))));
        }
        yield return new("dense_no_bias", () => Stack([6], new Dense(3, useBias: false)));
        yield return new("dense_rank3", () => Stack([3, 6], new Dense(4, activation: "relu")));
        yield return new("dense_rank4", () => Stack([2, 3, 6], new Dense(2)));
        yield return new("activation_layer", () => Stack([5], new Activation("tanh")));
        yield return new("dropout", () => Stack([5], new Dense(3), new Dropout(0.5)));
        yield return new("flatten", () => Stack([3, 4, 2], new Flatten()));
        yield return new("flatten_channels_first", () => Stack([3, 4, 2], new Flatten(dataFormat: "channels_first")));
        yield return new("reshape", () => Stack([12], new Reshape([3, 4])));
        yield return new("reshape_inferred", () => Stack([3, 4], new Reshape([-1, 2])));
        yield return new("permute", () => Stack([2, 3, 4], new Permute([3, 1, 2])));
        yield return new("repeat_vector", () => Stack([4], new RepeatVector(3)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Export_MatchesOnnxRuntime(string name) =>
        OnnxParity.AssertMatches(OnnxCaseSource.Get<CoreLayerOnnxTests>(name));

    internal static Sequential Stack(Shape inputShape, params Layer[] layers) =>
        new(new Input(inputShape), layers);
}
