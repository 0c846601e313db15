using Keras.Layers;

namespace Keras.Applications;

/// <summary>EfficientNetV2S (Keras' <c>keras.applications.EfficientNetV2S</c>): "EfficientNetV2: Smaller Models and
/// Faster Training" (ICML 2021), with Keras' layer names, so Keras' ImageNet weights load unchanged.</summary>
/// <remarks>Width ×1.0, depth ×1.0, default input 384×384. With <c>includePreprocessing</c> (the default) the model
/// starts with a <see cref="Rescaling"/> to [-1, 1]: inputs are RGB values in [0, 255] and <see cref="PreprocessInput(Tensor, string?)"/> returns
/// them unchanged, as Keras' does.</remarks>
/// <example><code>
/// Functional model = EfficientNetV2S.Build();                              // ImageNet weights, 1000 classes
/// var top5 = EfficientNetV2S.DecodePredictions(model.Predict(images));    // images: RGB 0-255
///
/// Functional features = EfficientNetV2S.Build(includeTop: false, weights: null, pooling: "avg");
/// </code></example>
public static class EfficientNetV2S
{
    /// <summary>Builds the EfficientNetV2S model (Keras' <c>keras.applications.EfficientNetV2S</c>).</summary>
    /// <param name="includeTop">Include the fully connected classifier at the top. Defaults to true.</param>
    /// <param name="weights"><see langword="null"/> (random initialization), <c>"imagenet"</c> (Keras' ImageNet
    /// weights, from the Keras cache or downloaded) or the path of a weights file. Defaults to <c>"imagenet"</c>.</param>
    /// <param name="inputTensor">A Keras tensor (for example an <see cref="Input"/>) to use as the image input.
    /// Defaults to <see langword="null"/> (a new input).</param>
    /// <param name="inputShape">The image shape (rows, cols, channels), only when <paramref name="includeTop"/> is
    /// false (otherwise it must be (384, 384, 3)); at least 32×32, 3 channels for ImageNet weights. Defaults to
    /// <see langword="null"/>: (384, 384, 3) with the top, (None, None, 3) without.</param>
    /// <param name="pooling">Without the top: <see langword="null"/> (the 4D output of <c>top_activation</c>),
    /// <c>"avg"</c> or <c>"max"</c> (global pooling to a 2D output). Defaults to <see langword="null"/>.</param>
    /// <param name="classes">The number of classes, with the top and without ImageNet weights. Defaults to 1000.</param>
    /// <param name="classifierActivation">The top layer's activation; <see langword="null"/> returns logits. Only
    /// <see langword="null"/> or <c>"softmax"</c> with pretrained weights. Defaults to <c>"softmax"</c>.</param>
    /// <param name="includePreprocessing">Start with the preprocessing layers (inputs in [0, 255]); false expects
    /// inputs already in [-1, 1]. Defaults to true.</param>
    /// <param name="name">The model's name. Defaults to <c>"efficientnetv2-s"</c>.</param>
    /// <returns>The functional model.</returns>
    /// <exception cref="ArgumentException">An argument is invalid (Keras' messages).</exception>
    /// <exception cref="WeightsNotAvailableException">ImageNet weights are not cached and cannot be
    /// downloaded.</exception>
    public static Functional Build(bool includeTop = true, string? weights = "imagenet",
        KerasTensor? inputTensor = null, int?[]? inputShape = null, string? pooling = null, int classes = 1000,
        string? classifierActivation = "softmax", bool includePreprocessing = true, string name = "efficientnetv2-s") =>
        EfficientNetV2Builder.Build("s", 1.0, 1.0, 384, ("e1d88a8495beba45748fedd0cecbe016", "af0682fb74e8c54910f2d4393339c070"), includeTop,
            weights, inputTensor, inputShape, pooling, classes, classifierActivation, includePreprocessing, name);

    /// <summary>Keras' <c>efficientnet_v2.preprocess_input</c>: returns <paramref name="x"/> unchanged (the model
    /// preprocesses itself).</summary>
    /// <param name="x">RGB images with values in [0, 255].</param>
    /// <param name="dataFormat">Ignored, as in Keras. Defaults to <see langword="null"/>.</param>
    /// <returns><paramref name="x"/>.</returns>
    public static Tensor PreprocessInput(Tensor x, string? dataFormat = null) => x;

    /// <summary>Keras' <c>efficientnet_v2.preprocess_input</c>: returns <paramref name="x"/> unchanged (the model
    /// preprocesses itself).</summary>
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
