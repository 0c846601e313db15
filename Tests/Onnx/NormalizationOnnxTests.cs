using Keras.Layers;
using Keras.Tests.Onnx.Support;

namespace Keras.Tests.Onnx;

/// <summary>ONNX Runtime parity of the normalization and (identity at inference) regularization layers.</summary>
public class NormalizationOnnxTests : IOnnxCaseSource
{
    public static TheoryData<string> Names => OnnxCaseSource.Names<NormalizationOnnxTests>();

    public IEnumerable<OnnxCase> Cases()
    {
        yield return new("batch_norm_last", () => S([4, 3], new BatchNormalization()));
        yield return new("batch_norm_axis1", () => S([3, 4, 2], new BatchNormalization(axis: 1)));
        yield return new("batch_norm_no_scale_no_center", () =>
            S([5], new BatchNormalization(center: false, scale: false, epsilon: 0.01)));
        yield return new("layer_norm_last", () => S([3, 6], new LayerNormalization()));
        yield return new("layer_norm_trailing_two", () => S([3, 4], new LayerNormalization(axis: [1, 2])));
        yield return new("layer_norm_middle_axis", () => S([3, 4, 2], new LayerNormalization(axis: 1)));
        yield return new("layer_norm_no_scale", () => S([6], new LayerNormalization(scale: false)));
        yield return new("layer_norm_rms", () => S([3, 6], new LayerNormalization(rmsScaling: true)));
        yield return new("group_norm_last", () => S([5, 6], new GroupNormalization(groups: 3)));
        yield return new("group_norm_axis1", () => S([4, 3, 3], new GroupNormalization(groups: 2, axis: 1)));
        yield return new("group_norm_image", () => S([3, 3, 8], new GroupNormalization(groups: 4, epsilon: 1e-5)));
        yield return new("unit_norm", () => S([3, 5], new UnitNormalization()));
        yield return new("unit_norm_two_axes", () => S([3, 5], new UnitNormalization(axis: [1, 2])));
        yield return new("regularization_identities", () => S([4, 3],
            new SpatialDropout1D(0.5), new GaussianNoise(0.3), new GaussianDropout(0.2), new AlphaDropout(0.1),
            new ActivityRegularization(l1: 0.1), new Dense(2)));
        yield return new("spatial_dropout2d", () => S([3, 3, 2], new SpatialDropout2D(0.5), new Flatten()));
        yield return new("spatial_dropout3d", () => S([2, 2, 2, 2], new SpatialDropout3D(0.5), new Flatten()));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Export_MatchesOnnxRuntime(string name) =>
        OnnxParity.AssertMatches(OnnxCaseSource.Get<NormalizationOnnxTests>(name));

    private static Sequential S(Shape input, params Layer[] layers) => CoreLayerOnnxTests.Stack(input, layers);
}
