using System.Security.Cryptography;
using Keras.Applications;
using Keras.Tests.Datasets;

namespace Keras.Tests.Applications;

/// <summary><c>weights: "imagenet"</c> end to end: Keras' cache layout and file names, topological loading of a Keras 2
/// weights file written by an independent h5py script, the offline error, hash checks and atomic downloads.</summary>
public sealed class PretrainedWeightsTests : IDisposable
{
    private const string MobileNetFile = "mobilenet_2_5_128_tf_no_top.h5";
    private readonly DatasetTestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    private string CacheModels => Path.Combine(_env.CacheRoot, "models");

    [Fact]
    public void Imagenet_CachedKerasFile_LoadsEveryWeightByTopology()
    {
        Directory.CreateDirectory(CacheModels);
        File.Copy(GoldenFile(), Path.Combine(CacheModels, MobileNetFile));

        using (WeightsSources.Use(Sources(DatasetTestEnvironment.UnreachableOrigin)))
        {
            using Functional model = MobileNet.Build(inputShape: [128, 128, 3], alpha: 0.25, includeTop: false);

            CheckGoldenValues(model);
        }
    }

    [Fact]
    public void WeightsPath_LoadsTheFileLikeKeras()
    {
        using Functional model = MobileNet.Build(inputShape: [128, 128, 3], alpha: 0.25, includeTop: false,
            weights: GoldenFile());

        CheckGoldenValues(model);
    }

    [Fact]
    public void KerasLayoutFile_LoadsByName_IntoAFreshModel()
    {
        using Functional model = MobileNet.Build(inputShape: [128, 128, 3], alpha: 0.25, includeTop: false,
            weights: null);

        model.LoadWeights(GoldenFile(), byName: true);

        CheckGoldenValues(model);
    }

    [Fact]
    public void Imagenet_AbsentAndOffline_SaysWhichFileToPlaceWhere()
    {
        string origin = DatasetTestEnvironment.UnreachableOrigin;
        using var scope = WeightsSources.Use(Sources(origin));

        var e = Assert.Throws<WeightsNotAvailableException>(
            () => MobileNet.Build(inputShape: [128, 128, 3], alpha: 0.25, includeTop: false));

        string expectedPath = Path.Combine(CacheModels, MobileNetFile);
        Assert.Equal(expectedPath, e.CachePath);
        Assert.Equal(origin + MobileNetFile, e.Origin);
        Assert.Contains($"{expectedPath} (not found)", e.Message);
        Assert.Contains("Download https://storage.googleapis.com/tensorflow/keras-applications/mobilenet/" +
            $"{MobileNetFile} on a machine with network access and place it at {expectedPath}", e.Message);
        Assert.DoesNotContain(DatasetTestEnvironment.FilesUnder(_env.Root), f => f.EndsWith(".part", StringComparison.Ordinal));
    }

    [Fact]
    public void Imagenet_FileNamesFollowKerasForAlphaAndSize()
    {
        using var scope = WeightsSources.Use(Sources(DatasetTestEnvironment.UnreachableOrigin));

        // A size without published weights falls back to the 224 file, with Keras' warning.
        var mobileNet = Assert.Throws<WeightsNotAvailableException>(
            () => MobileNet.Build(inputShape: [100, 100, 3], alpha: 0.25, includeTop: false));
        var mobileNetV2 = Assert.Throws<WeightsNotAvailableException>(
            () => MobileNetV2.Build(inputShape: [96, 96, 3], alpha: 0.35, includeTop: false));

        Assert.Equal(Path.Combine(CacheModels, "mobilenet_2_5_224_tf_no_top.h5"), mobileNet.CachePath);
        Assert.Equal(Path.Combine(CacheModels, "mobilenet_v2_weights_tf_dim_ordering_tf_kernels_0.35_96_no_top.h5"),
            mobileNetV2.CachePath);
    }

    [Fact]
    public void Imagenet_CachedCopyWithWrongHash_IsNotUsed()
    {
        byte[] bytes = [1, 2, 3];
        Directory.CreateDirectory(CacheModels);
        File.WriteAllBytes(Path.Combine(CacheModels, "f.h5"), bytes);
        var file = new WeightsFile("f.h5", "https://example.invalid/f.h5", "00000000000000000000000000000000");

        var e = Assert.Throws<WeightsNotAvailableException>(
            () => PretrainedWeights.Resolve(file, Sources(DatasetTestEnvironment.UnreachableOrigin)));

        Assert.Contains($"md5 {Md5(bytes)} does not match the expected 00000000000000000000000000000000",
            e.Message);
    }

    [Fact]
    public void Download_MatchingMd5_IsCachedAtomically()
    {
        byte[] bytes = RandomNumberGenerator.GetBytes(5000);
        using var server = new TestFileServer(new Dictionary<string, byte[]> { ["w.h5"] = bytes });
        var file = new WeightsFile("w.h5", "https://example.invalid/w.h5", Md5(bytes));

        string path = PretrainedWeights.Resolve(file, Sources(server.BaseUrl));
        string again = PretrainedWeights.Resolve(file, Sources(DatasetTestEnvironment.UnreachableOrigin));

        Assert.Equal(Path.Combine(CacheModels, "w.h5"), path);
        Assert.Equal(path, again);
        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.Equal(1, server.Requests);
        Assert.Equal([path], DatasetTestEnvironment.FilesUnder(_env.Root));
        Assert.Contains($"Downloading data from {server.BaseUrl}w.h5", _env.Progress.ToString());
    }

    [Fact]
    public void Download_WrongHash_IsDeletedAndRejected()
    {
        byte[] bytes = RandomNumberGenerator.GetBytes(100);
        using var server = new TestFileServer(new Dictionary<string, byte[]> { ["w.h5"] = bytes });
        string sha256 = new('a', 64);
        var file = new WeightsFile("w.h5", "https://example.invalid/w.h5", sha256);

        var e = Assert.Throws<InvalidDataException>(() => PretrainedWeights.Resolve(file, Sources(server.BaseUrl)));

        Assert.StartsWith("Incomplete or corrupted file detected. The sha256 file hash does not match the provided " +
            $"value of {sha256}.", e.Message);
        Assert.Empty(DatasetTestEnvironment.FilesUnder(_env.Root));
    }

    private WeightsSources Sources(string origin) => new()
    {
        CacheRoot = _env.CacheRoot,
        FallbackCacheRoot = _env.FallbackRoot,
        OriginOverride = origin,
        ProgressWriter = _env.Progress,
        ProgressInteractive = false,
    };

    // Recomputes write_mobilenet_weights.py's value(): each value depends on the layer name, the weight's index in
    // the layer (Keras' legacy order) and the element index, so a weight loaded into the wrong layer cannot match.
    private static void CheckGoldenValues(Functional model)
    {
        int weightedLayers = 0;
        foreach (var layer in model.Layers.Where(l => l.Weights.Count > 0))
        {
            weightedLayers++;
            long seed = layer.Name.Select((c, k) => (long)(k + 1) * c).Sum() % 10007;
            var weights = layer.TrainableWeights.Concat(layer.NonTrainableWeights).ToList();
            for (int w = 0; w < weights.Count; w++)
            {
                float[] actual = weights[w].ToArray();
                float[] expected = Enumerable.Range(0, actual.Length)
                    .Select(i => (float)((seed * 31 + w * 7919L + i) % 2003 / 2003.0 - 0.5))
                    .ToArray();
                Assert.True(expected.SequenceEqual(actual), $"{weights[w].Path} differs from the file");
            }
        }
        Assert.Equal(54, weightedLayers);
        Assert.Equal(218_544, model.CountParams());
    }

    private static string GoldenFile([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "../Golden/Applications/Fixtures", MobileNetFile));

    private static string Md5(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));
}
