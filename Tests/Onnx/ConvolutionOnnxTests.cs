using Keras.Layers;
using Keras.Tests.Onnx.Support;

namespace Keras.Tests.Onnx;

/// <summary>ONNX Runtime parity of the convolutions: strides, same/valid/causal padding, dilation, groups,
/// channels_first, no bias, activations, transposed output padding.</summary>
public class ConvolutionOnnxTests : IOnnxCaseSource
{
    public static TheoryData<string> Names => OnnxCaseSource.Names<ConvolutionOnnxTests>();

    public IEnumerable<OnnxCase> Cases()
    {
        yield return new("conv1d_valid", () => S([9, 3], new Conv1D(4, 3)));
        yield return new("conv1d_same_stride2", () => S([9, 3], new Conv1D(4, 4, strides: 2, padding: "same")));
        yield return new("conv1d_causal_dilated", () => S([9, 3], new Conv1D(2, 3, padding: "causal", dilationRate: 2)));
        yield return new("conv1d_groups", () => S([8, 4], new Conv1D(6, 3, groups: 2, activation: "relu")));
        yield return new("conv1d_channels_first", () => S([3, 9], new Conv1D(4, 3, dataFormat: "channels_first")));
        yield return new("conv2d_valid", () => S([7, 6, 3], new Conv2D(5, 3)));
        yield return new("conv2d_same_even_kernel_stride2", () =>
            S([8, 7, 3], new Conv2D(4, 2, strides: 2, padding: "same", activation: "tanh")));
        yield return new("conv2d_same_stride_3x2", () => S([7, 8, 2], new Conv2D(3, [3, 2], strides: [3, 2], padding: "same")));
        yield return new("conv2d_dilated_same", () => S([8, 8, 2], new Conv2D(3, 3, padding: "same", dilationRate: 2)));
        yield return new("conv2d_no_bias_channels_first", () =>
            S([3, 7, 6], new Conv2D(4, 3, dataFormat: "channels_first", useBias: false)));
        yield return new("conv2d_groups_same", () => S([6, 6, 4], new Conv2D(8, 3, padding: "same", groups: 4)));
        yield return new("conv3d", () => S([5, 6, 4, 2], new Conv3D(3, 2, strides: [1, 2, 1], padding: "same")));
        yield return new("conv3d_channels_first", () => S([2, 5, 4, 4], new Conv3D(3, 3, dataFormat: "channels_first")));
        yield return new("conv1d_same_unknown_length", () =>
            S([null, 3], new Conv1D(4, 3, strides: 2, padding: "same", dilationRate: 1)));
        yield return new("conv2d_same_unknown_size_dilated", () =>
            S([null, null, 2], new Conv2D(3, 3, padding: "same", dilationRate: 2)));
        yield return new("conv1d_transpose", () => S([5, 3], new Conv1DTranspose(4, 3, strides: 2)));
        yield return new("conv1d_transpose_same", () => S([5, 3], new Conv1DTranspose(2, 4, strides: 2, padding: "same")));
        yield return new("conv2d_transpose_valid", () => S([4, 5, 3], new Conv2DTranspose(2, 3, strides: 2)));
        yield return new("conv2d_transpose_same", () => S([4, 5, 3], new Conv2DTranspose(2, 3, strides: 2, padding: "same")));
        yield return new("conv2d_transpose_output_padding", () =>
            S([4, 4, 2], new Conv2DTranspose(3, 3, strides: 3, outputPadding: [2, 1], activation: "relu")));
        yield return new("conv2d_transpose_same_output_padding", () =>
            S([4, 4, 2], new Conv2DTranspose(3, 3, strides: 2, padding: "same", outputPadding: 1)));
        yield return new("conv2d_transpose_dilated_channels_first", () =>
            S([2, 4, 5], new Conv2DTranspose(3, 3, dilationRate: 2, dataFormat: "channels_first", useBias: false)));
        yield return new("conv3d_transpose", () => S([3, 3, 3, 2], new Conv3DTranspose(2, 2, strides: 2, padding: "same")));
        yield return new("depthwise1d", () => S([8, 3], new DepthwiseConv1D(3, depthMultiplier: 2)));
        yield return new("depthwise2d_same_stride2", () =>
            S([7, 6, 3], new DepthwiseConv2D(3, strides: 2, padding: "same", depthMultiplier: 2, activation: "relu")));
        yield return new("depthwise2d_channels_first_dilated", () =>
            S([3, 7, 7], new DepthwiseConv2D(3, dilationRate: 2, dataFormat: "channels_first", useBias: false)));
        yield return new("separable1d", () => S([9, 3], new SeparableConv1D(4, 3, padding: "same", depthMultiplier: 2)));
        yield return new("separable2d", () => S([7, 6, 3], new SeparableConv2D(5, 3, strides: 2, activation: "relu")));
        yield return new("separable2d_channels_first_no_bias", () =>
            S([3, 6, 6], new SeparableConv2D(4, 2, dataFormat: "channels_first", useBias: false, padding: "same")));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Export_MatchesOnnxRuntime(string name) =>
        OnnxParity.AssertMatches(OnnxCaseSource.Get<ConvolutionOnnxTests>(name));

    private static Sequential S(Shape input, Layer layer) => CoreLayerOnnxTests.Stack(input, layer);
}
