using Keras.Layers;
using Keras.Tests.Onnx.Support;

namespace Keras.Tests.Onnx;

/// <summary>ONNX Runtime parity of the image preprocessing layers (random augmentations are identities at
/// inference).</summary>
public class ImagePreprocessingOnnxTests : IOnnxCaseSource
{
    public static TheoryData<string> Names => OnnxCaseSource.Names<ImagePreprocessingOnnxTests>();

    public IEnumerable<OnnxCase> Cases()
    {
        yield return new("rescaling", () => S([4, 4, 3], new Rescaling(1.0 / 255, offset: -0.5)));
        yield return new("rescaling_per_channel", () => S([4, 4, 3], new Rescaling([0.5, 2.0, 3.0], [0.1, 0.2, 0.3])));
        yield return new("normalization_given", () =>
            S([4, 3], new Normalization(mean: [1.0, 2.0, 3.0], variance: [4.0, 0.25, 1.0])));
        yield return new("normalization_invert", () =>
            S([3], new Normalization(mean: [1.0, 2.0, 3.0], variance: [4.0, 0.25, 1.0], invert: true)));
        yield return new("normalization_adapted", () =>
        {
            var layer = new Normalization();
            layer.Adapt(torch.arange(24, dtype: torch.float32).reshape(6, 4) * 0.3);
            return S([4], layer);
        });
        yield return new("resizing_bilinear_down", () => S([8, 6, 2], new Resizing(5, 4)));
        yield return new("resizing_bilinear_up", () => S([4, 3, 2], new Resizing(7, 5)));
        yield return new("resizing_nearest", () => S([6, 6, 2], new Resizing(4, 9, interpolation: "nearest")));
        yield return new("resizing_crop_to_aspect_ratio", () => S([8, 5, 2], new Resizing(4, 4, cropToAspectRatio: true)));
        yield return new("resizing_pad_to_aspect_ratio", () =>
            S([4, 8, 2], new Resizing(6, 6, padToAspectRatio: true, fillValue: 0.5)));
        yield return new("resizing_channels_first", () => S([2, 6, 5], new Resizing(3, 4, dataFormat: "channels_first")));
        yield return new("center_crop", () => S([7, 6, 2], new CenterCrop(4, 3)));
        yield return new("center_crop_upscale", () => S([3, 4, 2], new CenterCrop(5, 5)));
        yield return new("random_crop_inference", () => S([7, 6, 2], new RandomCrop(4, 4)));
        yield return new("random_augmentations_inference", () => S([6, 6, 3],
            new RandomFlip(), new RandomRotation(0.2), new RandomTranslation(0.1, 0.1), new RandomZoom(0.2),
            new RandomBrightness(0.2), new RandomContrast(0.3)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Export_MatchesOnnxRuntime(string name) =>
        OnnxParity.AssertMatches(OnnxCaseSource.Get<ImagePreprocessingOnnxTests>(name));

    private static Sequential S(Shape input, params Layer[] layers) => CoreLayerOnnxTests.Stack(input, layers);
}
