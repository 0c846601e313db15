using System.Security.Cryptography;
using Keras.Applications;
using static TorchSharp.torch;

namespace Keras.Tests.Applications;

/// <summary>Preprocessing modes against Keras' formulas (imagenet_utils._preprocess_numpy_input, written out per
/// element here), the tensor and array paths against each other, and decode_predictions with Keras' class index.</summary>
public sealed class ImagenetUtilsTests
{
    private static readonly float[] _caffeMean = [103.939f, 116.779f, 123.68f];
    private static readonly float[] _torchMean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] _torchStd = [0.229f, 0.224f, 0.225f];

    [Theory]
    [InlineData("caffe")]
    [InlineData("tf")]
    [InlineData("torch")]
    public void PreprocessInput_ArrayAndTensor_FollowKerasFormula(string mode)
    {
        float[,,,] images = RandomImages(batch: 2, rows: 3, cols: 4, seed: 7);

        float[,,,] fromArray = ImagenetUtils.PreprocessInput(images, mode: mode);
        using Tensor input = tensor(images);
        using Tensor fromTensor = ImagenetUtils.PreprocessInput(input, mode: mode);
        float[] tensorValues = fromTensor.data<float>().ToArray();

        int k = 0;
        for (int b = 0; b < 2; b++)
        for (int r = 0; r < 3; r++)
        for (int c = 0; c < 4; c++)
        for (int ch = 0; ch < 3; ch++)
        {
            float expected = mode switch
            {
                // RGB -> BGR, then minus the BGR mean.
                "caffe" => images[b, r, c, 2 - ch] - _caffeMean[ch],
                "tf" => images[b, r, c, ch] / 127.5f - 1f,
                _ => (images[b, r, c, ch] / 255f - _torchMean[ch]) / _torchStd[ch],
            };
            Assert.Equal(expected, fromArray[b, r, c, ch], 4);
            Assert.Equal(expected, tensorValues[k++], 4);
        }
        Assert.Equal(RandomImages(2, 3, 4, seed: 7), images);
    }

    [Fact]
    public void PreprocessInput_ChannelsFirstAndIntegerTensors()
    {
        float[,,,] channelsLast = RandomImages(batch: 1, rows: 2, cols: 2, seed: 3);
        using Tensor last = tensor(channelsLast);
        using Tensor first = last.permute(0, 3, 1, 2).contiguous();
        using Tensor bytes = tensor(new byte[] { 0, 255, 51, 102 }).reshape(1, 1, 1, 4);

        using Tensor expected = ImagenetUtils.PreprocessInput(last, mode: "caffe").permute(0, 3, 1, 2);
        using Tensor actual = ImagenetUtils.PreprocessInput(first, dataFormat: "channels_first", mode: "caffe");
        using Tensor scaled = ImagenetUtils.PreprocessInput(bytes, mode: "tf");

        Assert.True(actual.allclose(expected));
        Assert.Equal(ScalarType.Float32, scaled.dtype);
        Assert.Equal([-1f, 1f, 51 / 127.5f - 1, 102 / 127.5f - 1], scaled.data<float>().ToArray());
    }

    [Fact]
    public void PreprocessInput_BadArguments_UseKerasMessages()
    {
        using Tensor x = zeros(1, 2, 2, 3);

        var mode = Assert.Throws<ArgumentException>(() => ImagenetUtils.PreprocessInput(x, mode: "keras"));
        var format = Assert.Throws<ArgumentException>(() => ImagenetUtils.PreprocessInput(x, dataFormat: "nhwc"));
        var channels = Assert.Throws<ArgumentException>(
            () => ImagenetUtils.PreprocessInput(new float[1, 2, 2, 4], mode: "caffe"));

        Assert.StartsWith("Expected mode to be one of `caffe`, `tf` or `torch`. Received: mode=keras", mode.Message);
        Assert.StartsWith("Expected data_format to be one of `channels_first` or `channels_last`. " +
            "Received: data_format=nhwc", format.Message);
        Assert.Contains("shape=(1, 2, 2, 4)", channels.Message);
    }

    [Fact]
    public void ApplicationPreprocessors_UseTheirKerasModes()
    {
        float[,,,] images = RandomImages(batch: 1, rows: 2, cols: 2, seed: 5);

        Assert.Equal(ImagenetUtils.PreprocessInput(images, mode: "caffe"), VGG16.PreprocessInput(images));
        Assert.Equal(ImagenetUtils.PreprocessInput(images, mode: "caffe"), ResNet152.PreprocessInput(images));
        Assert.Equal(ImagenetUtils.PreprocessInput(images, mode: "tf"), ResNet50V2.PreprocessInput(images));
        Assert.Equal(ImagenetUtils.PreprocessInput(images, mode: "tf"), MobileNet.PreprocessInput(images));
        Assert.Equal(ImagenetUtils.PreprocessInput(images, mode: "tf"), Xception.PreprocessInput(images));
        Assert.Equal(ImagenetUtils.PreprocessInput(images, mode: "tf"), InceptionV3.PreprocessInput(images));
        Assert.Equal(ImagenetUtils.PreprocessInput(images, mode: "torch"), DenseNet201.PreprocessInput(images));
    }

    [Fact]
    public void ClassIndex_IsKerasFileByteForByte()
    {
        using Stream stream = typeof(ImagenetUtils).Assembly
            .GetManifestResourceStream("Keras.Applications.imagenet_class_index.json")!;

        // Keras' decode_predictions downloads this file with file_hash="c2c37ea517e94d9795004a39431a14cb".
        Assert.Equal("c2c37ea517e94d9795004a39431a14cb", Convert.ToHexStringLower(MD5.HashData(stream)));
        Assert.Equal(1000, ImagenetClassIndex.Classes.Count);
        Assert.Equal(("n01440764", "tench"), ImagenetClassIndex.Classes[0]);
        Assert.Equal(("n15075141", "toilet_tissue"), ImagenetClassIndex.Classes[999]);
    }

    [Fact]
    public void DecodePredictions_ReturnsTopClassesByDecreasingScore()
    {
        var preds = new float[2, 1000];
        preds[0, 281] = 0.7f;
        preds[0, 285] = 0.2f;
        preds[0, 1] = 0.1f;
        preds[1, 999] = 0.9f;

        var fromArray = ImagenetUtils.DecodePredictions(preds, top: 3);
        using Tensor predictions = tensor(preds);
        var fromTensor = ResNet50.DecodePredictions(predictions, top: 3);

        Assert.Equal(
            [
                new ImagenetPrediction("n02123045", "tabby", 0.7f),
                new ImagenetPrediction("n02124075", "Egyptian_cat", 0.2f),
                new ImagenetPrediction("n01443537", "goldfish", 0.1f),
            ],
            fromArray[0]);
        Assert.Equal(new ImagenetPrediction("n15075141", "toilet_tissue", 0.9f), fromArray[1][0]);
        Assert.Equal(fromArray[0], fromTensor[0]);
        Assert.Equal(5, ImagenetUtils.DecodePredictions(preds)[1].Count);
    }

    [Fact]
    public void DecodePredictions_WrongShape_UsesKerasMessage()
    {
        var e = Assert.Throws<ArgumentException>(() => ImagenetUtils.DecodePredictions(new float[2, 10]));
        using Tensor flat = zeros(1000);
        var rank = Assert.Throws<ArgumentException>(() => ImagenetUtils.DecodePredictions(flat));

        Assert.StartsWith("`decode_predictions` expects a batch of predictions (i.e. a 2D array of shape " +
            "(samples, 1000)). Received array with shape: (2, 10)", e.Message);
        Assert.Contains("Received array with shape: (1000,)", rank.Message);
    }

    private static float[,,,] RandomImages(int batch, int rows, int cols, int seed)
    {
        var random = new Random(seed);
        var images = new float[batch, rows, cols, 3];
        for (int b = 0; b < batch; b++)
        for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++)
        for (int ch = 0; ch < 3; ch++)
        {
            images[b, r, c, ch] = random.Next(0, 256);
        }
        return images;
    }
}
