using System.Text.Json.Nodes;
using Keras.Layers;
using Keras.Saving;

namespace Keras.Tests.Core.Layers.Preprocessing.Image;

/// <summary>The image preprocessing layers against golden fixtures (Tests/Golden/ImagePreprocessing): tfjs for
/// Rescaling, half-pixel resizing and even-margin center crops; PyTorch's <c>interpolate</c> (Keras 3's torch resize)
/// and numpy transcriptions of the Keras 3 layer code for the rest, including the random layers applied with fixed
/// transform parameters.</summary>
public sealed class ImagePreprocessingGoldenTests
{
    private const string Tfjs = "../../../../Golden/ImagePreprocessing/tfjs.json";
    private const string Resizing = "../../../../Golden/ImagePreprocessing/resizing.json";
    private const string Cropping = "../../../../Golden/ImagePreprocessing/cropping.json";
    private const string NormalizationFixture = "../../../../Golden/ImagePreprocessing/normalization.json";
    private const string Adapt = "../../../../Golden/ImagePreprocessing/adapt.json";
    private const string Transforms = "../../../../Golden/ImagePreprocessing/transforms.json";

    public static TheoryData<string> TfjsCases => GoldenFixtures.CaseNames(Tfjs);

    public static TheoryData<string> ResizingCases => GoldenFixtures.CaseNames(Resizing);

    public static TheoryData<string> CroppingCases => GoldenFixtures.CaseNames(Cropping);

    public static TheoryData<string> NormalizationCases => GoldenFixtures.CaseNames(NormalizationFixture);

    public static TheoryData<string> AdaptCases => GoldenFixtures.CaseNames(Adapt);

    public static TheoryData<string> TransformCases => GoldenFixtures.CaseNames(Transforms);

    [Theory]
    [MemberData(nameof(TfjsCases))]
    public void MatchesTfjs(string caseName) => GoldenFixtures.Check(Tfjs, caseName);

    [Theory]
    [MemberData(nameof(ResizingCases))]
    public void Resizing_MatchesKeras3TorchResize(string caseName) => GoldenFixtures.Check(Resizing, caseName);

    [Theory]
    [MemberData(nameof(CroppingCases))]
    public void Cropping_MatchesKeras3(string caseName) => GoldenFixtures.Check(Cropping, caseName);

    [Theory]
    [MemberData(nameof(NormalizationCases))]
    public void RescalingAndNormalization_MatchKeras3(string caseName) =>
        GoldenFixtures.Check(NormalizationFixture, caseName);

    [Theory]
    [MemberData(nameof(AdaptCases))]
    public void Adapt_MatchesNumpyMeanAndVariance(string caseName)
    {
        var golden = Case(Adapt, caseName);
        using var scope = torch.NewDisposeScope();
        var layer = (Keras.Layers.Normalization)KerasSerialization.DeserializeLayer(golden["layer"]!.DeepClone());
        var batches = golden["batches"]!.AsArray().Select(GoldenRunner.ToTensor).ToList();
        if (golden["as_batches"]!.GetValue<bool>())
        {
            layer.Adapt(batches);
        }
        else
        {
            layer.Adapt(batches[0]);
        }
        GoldenRunner.AssertClose(golden["mean"]!.AsObject(), layer.AdaptMean!.Value, 1e-6, $"{caseName}: mean");
        GoldenRunner.AssertClose(golden["variance"]!.AsObject(), layer.AdaptVariance!.Value, 1e-6,
            $"{caseName}: variance");
        if (golden["inputs"] is JsonArray inputs)
        {
            var output = layer.Call(GoldenRunner.ToTensor(inputs[0]));
            GoldenRunner.AssertClose(golden["outputs"]![0]!.AsObject(), output, 1e-6, $"{caseName}: output");
        }
    }

    [Theory]
    [MemberData(nameof(TransformCases))]
    public void RandomLayers_WithFixedParameters_MatchKeras3Formulas(string caseName)
    {
        var golden = Case(Transforms, caseName);
        using var scope = torch.NewDisposeScope();
        var layer = KerasSerialization.DeserializeLayer(golden["layer"]!.DeepClone());
        var x = GoldenRunner.ToTensor(golden["inputs"]![0]);
        var parameters = golden["params"]!.AsObject();
        Tensor P(string key) => GoldenRunner.ToTensor(parameters[key]);
        long P0(string key) => (long)parameters[key]!["data"]![0]!.GetValue<double>();
        bool wantsGrads = golden["upstream"] is JsonArray;
        if (wantsGrads)
        {
            x.requires_grad_(true);
        }
        bool unbatched = x.dim() == 3;
        var batch = unbatched ? x.unsqueeze(0) : x;
        var output = layer switch
        {
            RandomRotation rotation => rotation.Rotate(batch, P("angle")),
            RandomZoom zoom => zoom.Zoom(batch, P("height_zoom"), P("width_zoom")),
            RandomTranslation translation => translation.Translate(batch, P("dy"), P("dx")),
            RandomFlip flip => flip.Flip(batch, P("flips").to_type(torch.ScalarType.Bool)),
            RandomContrast contrast => contrast.AdjustContrast(batch, P("contrast")),
            RandomBrightness brightness => brightness.AdjustBrightness(batch, P("delta")),
            RandomCrop crop => crop.Crop(batch, P0("top"), P0("left"), crop.Height, crop.Width),
            _ => throw new InvalidOperationException($"{caseName}: no transform for {layer.ClassName}."),
        };
        if (unbatched)
        {
            output = output.squeeze(0);
        }
        GoldenRunner.AssertClose(golden["outputs"]![0]!.AsObject(), output, 1e-5, $"{caseName}: output");
        if (!wantsGrads)
        {
            return;
        }
        var upstream = GoldenRunner.ToTensor(golden["upstream"]![0]);
        var grad = torch.autograd.grad([(output * upstream).sum()], [x])[0];
        GoldenRunner.AssertClose(golden["input_gradients"]![0]!.AsObject(), grad, 1e-5, $"{caseName}: gradient");
    }

    private static JsonObject Case(string relativePath, string caseName,
        [System.Runtime.CompilerServices.CallerFilePath] string here = "")
    {
        string path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, relativePath));
        return GoldenFixtures.Load(path).Single(c => (string?)c["name"] == caseName);
    }
}
