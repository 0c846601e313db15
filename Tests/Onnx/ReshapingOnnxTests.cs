using Keras.Layers;
using Keras.Tests.Onnx.Support;

namespace Keras.Tests.Onnx;

/// <summary>ONNX Runtime parity of cropping, zero padding and up-sampling.</summary>
public class ReshapingOnnxTests : IOnnxCaseSource
{
    public static TheoryData<string> Names => OnnxCaseSource.Names<ReshapingOnnxTests>();

    public IEnumerable<OnnxCase> Cases()
    {
        yield return new("cropping1d", () => S([7, 2], new Cropping1D((1, 2))));
        yield return new("cropping1d_end_zero", () => S([7, 2], new Cropping1D((2, 0))));
        yield return new("cropping2d", () => S([6, 7, 2], new Cropping2D(((1, 0), (2, 1)))));
        yield return new("cropping2d_channels_first", () =>
            S([2, 6, 7], new Cropping2D((1, 2), dataFormat: "channels_first")));
        yield return new("cropping3d", () => S([5, 5, 5, 2], new Cropping3D(((1, 1), (0, 2), (2, 0)))));
        yield return new("zero_padding1d", () => S([4, 2], new ZeroPadding1D((1, 3))));
        yield return new("zero_padding2d", () => S([3, 4, 2], new ZeroPadding2D(((1, 0), (2, 1)))));
        yield return new("zero_padding2d_channels_first", () =>
            S([2, 3, 4], new ZeroPadding2D(1, dataFormat: "channels_first")));
        yield return new("zero_padding3d", () => S([2, 3, 2, 2], new ZeroPadding3D((1, 0, 2))));
        yield return new("upsampling1d", () => S([4, 3], new UpSampling1D(3)));
        yield return new("upsampling2d_nearest", () => S([3, 4, 2], new UpSampling2D((2, 3))));
        yield return new("upsampling2d_nearest_channels_first", () =>
            S([2, 3, 4], new UpSampling2D(2, dataFormat: "channels_first")));
        yield return new("upsampling2d_bilinear", () => S([3, 4, 2], new UpSampling2D((2, 3), interpolation: "bilinear")));
        yield return new("upsampling2d_bilinear_channels_first", () =>
            S([2, 3, 4], new UpSampling2D(2, dataFormat: "channels_first", interpolation: "bilinear")));
        yield return new("upsampling3d", () => S([2, 3, 2, 2], new UpSampling3D((2, 1, 3))));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Export_MatchesOnnxRuntime(string name) =>
        OnnxParity.AssertMatches(OnnxCaseSource.Get<ReshapingOnnxTests>(name));

    private static Sequential S(Shape input, Layer layer) => CoreLayerOnnxTests.Stack(input, layer);
}
