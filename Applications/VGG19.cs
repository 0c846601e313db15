using Keras.Layers;

namespace Keras.Applications;

/// <summary>VGG19 (Keras' <c>keras.applications.VGG19</c>): "Very Deep Convolutional Networks for Large-Scale Image
/// Recognition" (ICLR 2015), with Keras' layer names, so Keras' ImageNet weights load unchanged.</summary>
/// <remarks>The default input size is 224×224. Inputs must be preprocessed with <see cref="PreprocessInput(Tensor,
/// string?)"/> (RGB → BGR, minus the ImageNet mean, no scaling).</remarks>
/// <example><code>
/// Functional model = VGG19.Build();                                  // ImageNet weights, 1000 classes
/// Tensor predictions = model.Predict(VGG19.PreprocessInput(images));
/// var top5 = VGG19.DecodePredictions(predictions);
///
/// Functional features = VGG19.Build(includeTop: false, weights: null, inputShape: [160, 160, 3], pooling: "avg");
/// </code></example>
public static class VGG19
{
    /// <summary>Builds the VGG19 model (Keras' <c>keras.applications.VGG19</c>).</summary>
    /// <param name="includeTop">Include the 3 fully connected layers at the top. Defaults to true.</param>
    /// <param name="weights"><see langword="null"/> (random initialization), <c>"imagenet"</c> (Keras' ImageNet
    /// weights, from the Keras cache or downloaded) or the path of a weights file. Defaults to <c>"imagenet"</c>.</param>
    /// <param name="inputTensor">A Keras tensor (for example an <see cref="Input"/>) to use as the image input.
    /// Defaults to <see langword="null"/> (a new input).</param>
    /// <param name="inputShape">The image shape (rows, cols, channels), only when <paramref name="includeTop"/> is
    /// false (otherwise it must be (224, 224, 3)); at least 32×32, 3 channels for ImageNet weights. Defaults to
    /// <see langword="null"/>: (224, 224, 3) with the top, (None, None, 3) without.</param>
    /// <param name="pooling">Without the top: <see langword="null"/> (the 4D output of the last block), <c>"avg"</c>
    /// or <c>"max"</c> (global pooling to a 2D output). Defaults to <see langword="null"/>.</param>
    /// <param name="classes">The number of classes, with the top and without ImageNet weights. Defaults to 1000.</param>
    /// <param name="classifierActivation">The top layer's activation; <see langword="null"/> returns logits. Only
    /// <see langword="null"/> or <c>"softmax"</c> with pretrained weights. Defaults to <c>"softmax"</c>.</param>
    /// <param name="name">The model's name. Defaults to <c>"vgg19"</c>.</param>
    /// <returns>The functional model.</returns>
    /// <exception cref="ArgumentException">An argument is invalid (Keras' messages).</exception>
    /// <exception cref="WeightsNotAvailableException">ImageNet weights are not cached and cannot be
    /// downloaded.</exception>
    public static Functional Build(bool includeTop = true, string? weights = "imagenet",
        KerasTensor? inputTensor = null, int?[]? inputShape = null, string? pooling = null, int classes = 1000,
        string? classifierActivation = "softmax", string name = "vgg19") =>
        Vgg.Build([2, 2, 4, 4, 4], includeTop, weights, inputTensor, inputShape, pooling, classes,
            classifierActivation, name, top => top
                ? WeightsFile.InKerasApplications("vgg19", "vgg19_weights_tf_dim_ordering_tf_kernels.h5",
                    "cbe5617147190e668d6c5d5026f83318")
                : WeightsFile.InKerasApplications("vgg19", "vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5",
                    "253f8cb515780f3b799900260a226db6"));

    /// <summary>Preprocesses images for VGG19: Keras' <c>vgg19.preprocess_input</c>, the <c>"caffe"</c> mode.</summary>
    /// <param name="x">RGB images with values in [0, 255], channels last.</param>
    /// <param name="dataFormat">Defaults to <see langword="null"/> (<c>"channels_last"</c>).</param>
    /// <returns>A new tensor.</returns>
    public static Tensor PreprocessInput(Tensor x, string? dataFormat = null) =>
        ImagenetUtils.PreprocessInput(x, dataFormat, "caffe");

    /// <summary>Preprocesses images for VGG19: Keras' <c>vgg19.preprocess_input</c>, the <c>"caffe"</c> mode.</summary>
    /// <param name="x">RGB images with values in [0, 255], channels last.</param>
    /// <param name="dataFormat">Defaults to <see langword="null"/> (<c>"channels_last"</c>).</param>
    /// <returns>A new array.</returns>
    public static float[,,,] PreprocessInput(float[,,,] x, string? dataFormat = null) =>
        ImagenetUtils.PreprocessInput(x, dataFormat, "caffe");

    /// <inheritdoc cref="ImagenetUtils.DecodePredictions(Tensor, int)"/>
    public static IReadOnlyList<IReadOnlyList<ImagenetPrediction>> DecodePredictions(Tensor preds, int top = 5) =>
        ImagenetUtils.DecodePredictions(preds, top);

    /// <inheritdoc cref="ImagenetUtils.DecodePredictions(float[,], int)"/>
    public static IReadOnlyList<IReadOnlyList<ImagenetPrediction>> DecodePredictions(float[,] preds, int top = 5) =>
        ImagenetUtils.DecodePredictions(preds, top);
}
