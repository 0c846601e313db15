using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace Keras.Applications;

/// <summary>Keras' <c>keras.applications.imagenet_utils</c>: the ImageNet input preprocessing modes and the decoding of
/// ImageNet predictions that every application's <c>PreprocessInput</c> and <c>DecodePredictions</c> use.</summary>
/// <remarks>Each application calls these with its own mode (VGG and ResNet: <c>"caffe"</c>; ResNetV2, MobileNet,
/// MobileNetV2, InceptionV3 and Xception: <c>"tf"</c>; DenseNet: <c>"torch"</c>), exactly as Keras'
/// <c>&lt;module&gt;.preprocess_input</c> does, so prefer the application's own method.</remarks>
/// <example><code>
/// float[,,,] batch = LoadImages();                        // RGB, values in [0, 255], channels last
/// float[,,,] x = ImagenetUtils.PreprocessInput(batch, mode: "torch");
/// var top = ImagenetUtils.DecodePredictions(model.Predict(x), top: 3);
/// </code></example>
public static class ImagenetUtils
{
    private static readonly float[] _caffeMean = [103.939f, 116.779f, 123.68f];
    private static readonly float[] _torchMean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] _torchStd = [0.229f, 0.224f, 0.225f];

    /// <summary>Preprocesses a batch of images (or one image) for an ImageNet model (Keras'
    /// <c>imagenet_utils.preprocess_input</c>).</summary>
    /// <param name="x">Images with RGB values in [0, 255]: 4D (batch) or 3D (one image). Integer tensors are converted
    /// to float32.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to
    /// <see langword="null"/>, which means <c>"channels_last"</c> (Keras' default image data format).</param>
    /// <param name="mode"><c>"caffe"</c>: RGB → BGR, then each channel minus the ImageNet mean (103.939, 116.779,
    /// 123.68), without scaling; <c>"tf"</c>: scaled to [-1, 1] (x / 127.5 - 1); <c>"torch"</c>: scaled to [0, 1],
    /// then each channel normalized with the ImageNet mean (0.485, 0.456, 0.406) and standard deviation (0.229, 0.224,
    /// 0.225). Defaults to <c>"caffe"</c>.</param>
    /// <returns>A new float tensor; <paramref name="x"/> is left unchanged.</returns>
    /// <exception cref="ArgumentException">Unknown <paramref name="mode"/> or <paramref name="dataFormat"/>, or not 3
    /// channels for the caffe and torch modes.</exception>
    public static Tensor PreprocessInput(Tensor x, string? dataFormat = null, string mode = "caffe")
    {
        ArgumentNullException.ThrowIfNull(x);
        int channelAxis = ChannelAxis(checked((int)x.dim()), Check(dataFormat, mode));
        using var scope = NewDisposeScope();
        Tensor y = x.is_floating_point() ? x.clone() : x.to_type(ScalarType.Float32);
        if (mode == "tf")
        {
            return (y / 127.5 - 1.0).MoveToOuterDisposeScope();
        }
        CheckChannels(y.shape.Select(d => (int)d).ToArray(), channelAxis);
        long[] broadcast = Enumerable.Repeat(1L, (int)y.dim()).ToArray();
        broadcast[channelAxis] = 3;
        if (mode == "caffe")
        {
            y = y.flip(channelAxis) - tensor(_caffeMean, y.dtype).reshape(broadcast);
            return y.MoveToOuterDisposeScope();
        }
        y = (y / 255.0 - tensor(_torchMean, y.dtype).reshape(broadcast)) / tensor(_torchStd, y.dtype).reshape(broadcast);
        return y.MoveToOuterDisposeScope();
    }

    /// <summary>Preprocesses a batch of images held in an array; see <see cref="PreprocessInput(Tensor, string?,
    /// string)"/> for the modes.</summary>
    /// <param name="x">Images (batch, rows, cols, channels) with RGB values in [0, 255].</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to
    /// <see langword="null"/>, which means <c>"channels_last"</c>.</param>
    /// <param name="mode"><c>"caffe"</c>, <c>"tf"</c> or <c>"torch"</c>. Defaults to <c>"caffe"</c>.</param>
    /// <returns>A new array; <paramref name="x"/> is left unchanged.</returns>
    /// <exception cref="ArgumentException">Unknown mode or data format, or not 3 channels for caffe and torch.</exception>
    public static float[,,,] PreprocessInput(float[,,,] x, string? dataFormat = null, string mode = "caffe")
    {
        ArgumentNullException.ThrowIfNull(x);
        var result = (float[,,,])x.Clone();
        PreprocessInPlace(result, dataFormat, mode);
        return result;
    }

    /// <summary>Preprocesses one image held in an array; see <see cref="PreprocessInput(Tensor, string?, string)"/>
    /// for the modes.</summary>
    /// <param name="x">One image (rows, cols, channels) with RGB values in [0, 255].</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to
    /// <see langword="null"/>, which means <c>"channels_last"</c>.</param>
    /// <param name="mode"><c>"caffe"</c>, <c>"tf"</c> or <c>"torch"</c>. Defaults to <c>"caffe"</c>.</param>
    /// <returns>A new array; <paramref name="x"/> is left unchanged.</returns>
    /// <exception cref="ArgumentException">Unknown mode or data format, or not 3 channels for caffe and torch.</exception>
    public static float[,,] PreprocessInput(float[,,] x, string? dataFormat = null, string mode = "caffe")
    {
        ArgumentNullException.ThrowIfNull(x);
        var result = (float[,,])x.Clone();
        PreprocessInPlace(result, dataFormat, mode);
        return result;
    }

    /// <summary>Decodes the predictions of an ImageNet model into its top classes (Keras'
    /// <c>imagenet_utils.decode_predictions</c>).</summary>
    /// <param name="preds">Predictions of shape (samples, 1000).</param>
    /// <param name="top">How many top guesses to return per sample. Defaults to 5.</param>
    /// <returns>For each sample, its <paramref name="top"/> classes by decreasing score.</returns>
    /// <remarks>The class names come from Keras' <c>imagenet_class_index.json</c>, embedded in this library (no
    /// download).</remarks>
    /// <exception cref="ArgumentException"><paramref name="preds"/> is not of shape (samples, 1000).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="top"/> is less than 1.</exception>
    public static IReadOnlyList<IReadOnlyList<ImagenetPrediction>> DecodePredictions(Tensor preds, int top = 5)
    {
        ArgumentNullException.ThrowIfNull(preds);
        int[] shape = preds.shape.Select(d => (int)d).ToArray();
        CheckPredictions(shape);
        using var scope = NewDisposeScope();
        float[] scores = preds.detach().to_type(ScalarType.Float32).cpu().contiguous().data<float>().ToArray();
        return Decode(scores, shape[0], top);
    }

    /// <summary>Decodes predictions held in an array; see <see cref="DecodePredictions(Tensor, int)"/>.</summary>
    /// <param name="preds">Predictions of shape (samples, 1000).</param>
    /// <param name="top">How many top guesses to return per sample. Defaults to 5.</param>
    /// <returns>For each sample, its <paramref name="top"/> classes by decreasing score.</returns>
    /// <exception cref="ArgumentException"><paramref name="preds"/> is not of shape (samples, 1000).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="top"/> is less than 1.</exception>
    public static IReadOnlyList<IReadOnlyList<ImagenetPrediction>> DecodePredictions(float[,] preds, int top = 5)
    {
        ArgumentNullException.ThrowIfNull(preds);
        CheckPredictions([preds.GetLength(0), preds.GetLength(1)]);
        return Decode(FlatSpan(preds).ToArray(), preds.GetLength(0), top);
    }

    private static IReadOnlyList<IReadOnlyList<ImagenetPrediction>> Decode(float[] scores, int samples, int top)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var classes = ImagenetClassIndex.Classes;
        var results = new List<IReadOnlyList<ImagenetPrediction>>(samples);
        for (int s = 0; s < samples; s++)
        {
            ReadOnlySpan<float> row = scores.AsSpan(s * 1000, 1000);
            float[] copy = row.ToArray();
            // numpy's argsort()[-top:][::-1] then a stable sort by descending score: ties keep the higher index first.
            results.Add(Enumerable.Range(0, 1000)
                .OrderByDescending(i => copy[i])
                .ThenByDescending(i => i)
                .Take(top)
                .Select(i => new ImagenetPrediction(classes[i].ClassName, classes[i].Description, copy[i]))
                .ToList());
        }
        return results;
    }

    private static void CheckPredictions(int[] shape)
    {
        if (shape.Length != 2 || shape[1] != 1000)
        {
            throw new ArgumentException(
                "`decode_predictions` expects a batch of predictions (i.e. a 2D array of shape (samples, 1000)). " +
                $"Received array with shape: {PythonText.Tuple(shape.Select(d => (int?)d))}", "preds");
        }
    }

    private static void PreprocessInPlace(Array x, string? dataFormat, string mode)
    {
        int[] dims = Enumerable.Range(0, x.Rank).Select(x.GetLength).ToArray();
        int channelAxis = ChannelAxis(x.Rank, Check(dataFormat, mode));
        Span<float> data = FlatSpan(x);
        if (mode == "tf")
        {
            foreach (ref float v in data)
            {
                v = v / 127.5f - 1f;
            }
            return;
        }
        CheckChannels(dims, channelAxis);
        int stride = dims.Skip(channelAxis + 1).Aggregate(1, (a, b) => a * b);
        if (mode == "caffe")
        {
            // RGB -> BGR: swap channel 0 and 2 of every pixel.
            for (int i = 0; i < data.Length; i++)
            {
                if ((i / stride) % 3 == 0)
                {
                    (data[i], data[i + 2 * stride]) = (data[i + 2 * stride], data[i]);
                }
            }
        }
        for (int i = 0; i < data.Length; i++)
        {
            int c = (i / stride) % 3;
            data[i] = mode == "caffe" ? data[i] - _caffeMean[c] : (data[i] / 255f - _torchMean[c]) / _torchStd[c];
        }
    }

    private static Span<float> FlatSpan(Array array) => MemoryMarshal.CreateSpan(
        ref Unsafe.As<byte, float>(ref MemoryMarshal.GetArrayDataReference(array)), array.Length);

    private static string Check(string? dataFormat, string mode)
    {
        if (mode is not ("caffe" or "tf" or "torch"))
        {
            throw new ArgumentException(
                $"Expected mode to be one of `caffe`, `tf` or `torch`. Received: mode={mode}", nameof(mode));
        }
        if (dataFormat is not (null or "channels_first" or "channels_last"))
        {
            throw new ArgumentException(
                "Expected data_format to be one of `channels_first` or `channels_last`. " +
                $"Received: data_format={dataFormat}", nameof(dataFormat));
        }
        return dataFormat ?? "channels_last";
    }

    private static int ChannelAxis(int rank, string dataFormat) =>
        dataFormat == "channels_first" ? (rank == 3 ? 0 : 1) : rank - 1;

    private static void CheckChannels(int[] dims, int channelAxis)
    {
        if (dims.Length is not (3 or 4) || dims[channelAxis] != 3)
        {
            throw new ArgumentException(
                "The caffe and torch modes expect 3D or 4D images with 3 (RGB) channels. Received: shape=" +
                PythonText.Tuple(dims.Select(d => (int?)d)), "x");
        }
    }
}
