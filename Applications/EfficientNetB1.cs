using Keras.Layers;

namespace Keras.Applications;

/// <summary>EfficientNetB1 (Keras' <c>keras.applications.EfficientNetB1</c>): "EfficientNet: Rethinking Model Scaling
/// for Convolutional Neural Networks" (ICML 2019), with Keras' layer names, so Keras' ImageNet weights load
/// unchanged.</summary>
/// <remarks>Width ×1.0, depth ×1.1, default input 240×240, top dropout 0.2. The preprocessing is part of the
/// model (a <see cref="Rescaling"/> and a <see cref="Normalization"/> layer): inputs are RGB values in [0, 255] and
/// <see cref="PreprocessInput(Tensor, string?)"/> returns them unchanged, as Keras' does.</remarks>
/// <example><code>
/// Functional model = EfficientNetB1.Build();                               // ImageNet weights, 1000 classes
/// var top5 = EfficientNetB1.DecodePredictions(model.Predict(images));     // images: RGB 0-255
///
/// Functional features = EfficientNetB1.Build(includeTop: false, weights: null, pooling: "avg");
/// </code></example>
public static class EfficientNetB1
{
    /// <summary>Builds the EfficientNetB1 model (Keras' <c>keras.applications.EfficientNetB1</c>).</summary>
    /// <param name="includeTop">Include the fully connected classifier at the top. Defaults to true.</param>
    /// <param name="weights"><see langword="null"/> (random initialization), <c>"imagenet"</c> (Keras' ImageNet
    /// weights, from the Keras cache or downloaded) or the path of a weights file. Defaults to <c>"imagenet"</c>.</param>
    /// <param name="inputTensor">A Keras tensor (for example an <see cref="Input"/>) to use as the image input.
    /// Defaults to <see langword="null"/> (a new input).</param>
    /// <param name="inputShape">The image shape (rows, cols, channels), only when <paramref name="includeTop"/> is
    /// false (otherwise it must be (240, 240, 3)); at least 32×32, 3 channels for ImageNet weights. Defaults to
    /// <see langword="null"/>: (240, 240, 3) with the top, (None, None, 3) without.</param>
    /// <param name="pooling">Without the top: <see langword="null"/> (the 4D output of <c>top_activation</c>),
    /// <c>"avg"</c> or <c>"max"</c> (global pooling to a 2D output). Defaults to <see langword="null"/>.</param>
    /// <param name="classes">The number of classes, with the top and without ImageNet weights. Defaults to 1000.</param>
    /// <param name="classifierActivation">The top layer's activation; <see langword="null"/> returns logits. Only
    /// <see langword="null"/> or <c>"softmax"</c> with pretrained weights. Defaults to <c>"softmax"</c>.</param>
    /// <param name="name">The model's name. Defaults to <c>"efficientnetb1"</c>.</param>
    /// <returns>The functional model.</returns>
    /// <remarks>With <c>weights: null</c> the <see cref="Normalization"/> layer has no statistics until weights are
    /// loaded or it is adapted.</remarks>
    /// <exception cref="ArgumentException">An argument is invalid (Keras' messages).</exception>
    /// <exception cref="WeightsNotAvailableException">ImageNet weights are not cached and cannot be
    /// downloaded.</exception>
    public static Functional Build(bool includeTop = true, string? weights = "imagenet",
        KerasTensor? inputTensor = null, int?[]? inputShape = null, string? pooling = null, int classes = 1000,
        string? classifierActivation = "softmax", string name = "efficientnetb1") =>
        EfficientNetBuilder.Build(1.0, 1.1, 240, 0.2, "efficientnetb1",
            ("1d254153d4ab51201f1646940f018540", "74c4e6b3e1f6a1eea24c589628592432"), includeTop, weights, inputTensor, inputShape, pooling, classes,
            classifierActivation, name);

    /// <summary>Keras' <c>efficientnet.preprocess_input</c>: returns <paramref name="x"/> unchanged (the model
    /// rescales and normalizes itself).</summary>
    /// <param name="x">RGB images with values in [0, 255].</param>
    /// <param name="dataFormat">Ignored, as in Keras. Defaults to <see langword="null"/>.</param>
    /// <returns><paramref name="x"/>.</returns>
    public static Tensor PreprocessInput(Tensor x, string? dataFormat = null) => x;

    /// <summary>Keras' <c>efficientnet.preprocess_input</c>: returns <paramref name="x"/> unchanged (the model
    /// rescales and normalizes itself).</summary>
    /// <param name="x">RGB images with values in [0, 255].</param>
    /// <param name="dataFormat">Ignored, as in Keras. Defaults to <see langword="null"/>.</param>
    /// <returns><paramref name="x"/>.</returns>
    public static float[,,,] PreprocessInput(float[,,,] x, string? dataFormat = null) => x;

    /// <inheritdoc cref="ImagenetUtils.DecodePredictions(Tensor, int)"/>
    public static IReadOnlyList<IReadOnlyList<ImagenetPrediction>> DecodePredictions(Tensor preds, int top = 5) =>
        ImagenetUtils.DecodePredictions(preds, top);

    /// <inheritdoc cref="ImagenetUtils.DecodePredictions(float[,], int)"/>
    public static IReadOnlyList<IReadOnlyList<ImagenetPrediction>> DecodePredictions(float[,] preds, int top = 5) =>
        ImagenetUtils.DecodePredictions(preds, top);
}
