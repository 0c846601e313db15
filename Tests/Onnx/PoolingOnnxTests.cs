using Keras.Layers;
using Keras.Tests.Onnx.Support;

namespace Keras.Tests.Onnx;

/// <summary>ONNX Runtime parity of pooling: valid/same, strides, channels_first, global keepdims.</summary>
public class PoolingOnnxTests : IOnnxCaseSource
{
    public static TheoryData<string> Names => OnnxCaseSource.Names<PoolingOnnxTests>();

    public IEnumerable<OnnxCase> Cases()
    {
        yield return new("max1d", () => S([9, 3], new MaxPooling1D(2)));
        yield return new("max1d_same_stride1", () => S([9, 3], new MaxPooling1D(3, strides: 1, padding: "same")));
        yield return new("avg1d_same", () => S([9, 3], new AveragePooling1D(2, padding: "same")));
        yield return new("max2d", () => S([6, 7, 2], new MaxPooling2D(2)));
        yield return new("max2d_same_3x3_stride2", () => S([7, 6, 2], new MaxPooling2D((3, 3), (2, 2), padding: "same")));
        yield return new("avg2d_same", () => S([7, 5, 2], new AveragePooling2D((3, 2), padding: "same")));
        yield return new("avg2d_channels_first", () =>
            S([2, 6, 6], new AveragePooling2D((2, 2), dataFormat: "channels_first")));
        yield return new("max3d_same", () => S([5, 4, 3, 2], new MaxPooling3D(2, padding: "same")));
        yield return new("avg3d", () => S([4, 4, 4, 2], new AveragePooling3D(2)));
        yield return new("max2d_same_unknown_size", () =>
            S([null, null, 2], new MaxPooling2D((3, 3), (2, 2), padding: "same")));
        yield return new("avg1d_same_unknown_length", () => S([null, 2], new AveragePooling1D(2, padding: "same")));
        yield return new("global_max1d", () => S([5, 3], new GlobalMaxPooling1D()));
        yield return new("global_avg1d_keepdims", () => S([5, 3], new GlobalAveragePooling1D(keepdims: true)));
        yield return new("global_avg2d", () => S([4, 5, 3], new GlobalAveragePooling2D()));
        yield return new("global_max2d_channels_first", () =>
            S([3, 4, 5], new GlobalMaxPooling2D(dataFormat: "channels_first")));
        yield return new("global_avg3d_keepdims", () => S([3, 3, 3, 2], new GlobalAveragePooling3D(keepdims: true)));
        yield return new("global_max3d", () => S([3, 3, 3, 2], new GlobalMaxPooling3D()));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Export_MatchesOnnxRuntime(string name) =>
        OnnxParity.AssertMatches(OnnxCaseSource.Get<PoolingOnnxTests>(name));

    private static Sequential S(Shape input, Layer layer) => CoreLayerOnnxTests.Stack(input, layer);
}
