using Keras.Layers;

namespace Keras.Applications;

/// <summary>MobileNetV3Small (Keras' <c>keras.applications.MobileNetV3Small</c>): "Searching for MobileNetV3"
/// (ICCV 2019), with Keras' layer names, so Keras' ImageNet weights load unchanged.</summary>
/// <remarks>The preprocessing is part of the model (a <see cref="Rescaling"/> to [-1, 1]): inputs are RGB values in
/// [0, 255] and <see cref="PreprocessInput(Tensor, string?)"/> returns them unchanged, as Keras' does. Keras publishes
/// ImageNet weights for alpha 0.75 and 1.0, and for the minimalistic model at alpha 1.0 (224 pixels).</remarks>
/// <example><code>
/// Functional model = MobileNetV3Small.Build();                                // ImageNet weights, 1000 classes
/// var top5 = MobileNetV3Small.DecodePredictions(model.Predict(images));      // images: RGB 0-255
///
/// Functional features = MobileNetV3Small.Build(inputShape: [160, 160, 3], includeTop: false, weights: null,
///     pooling: "avg");
/// </code></example>
public static class MobileNetV3Small
{
    // Keras' stack_fn: (expansion, filters, kernel (0: the model's 5, or 3 when minimalistic), stride, SE, the
    // model's activation (hard swish, or ReLU when minimalistic) rather than ReLU).
    private static readonly MobileNetV3Builder.BlockSpec[] _stack =
    [
        new(1, 16, 3, 2, Se: true, ModelActivation: false), new(72.0 / 16, 24, 3, 2, false, false),
        new(88.0 / 24, 24, 3, 1, false, false), new(4, 40, 0, 2, true, true), new(6, 40, 0, 1, true, true),
        new(6, 40, 0, 1, true, true), new(3, 48, 0, 1, true, true), new(3, 48, 0, 1, true, true),
        new(6, 96, 0, 2, true, true), new(6, 96, 0, 1, true, true), new(6, 96, 0, 1, true, true),
    ];

    /// <summary>Builds the MobileNetV3Small model (Keras' <c>keras.applications.MobileNetV3Small</c>).</summary>
    /// <param name="inputShape">The image shape (rows, cols, channels), any size of at least 32×32, with or without
    /// the top. Defaults to <see langword="null"/>: the input tensor's shape, else (None, None, 3).</param>
    /// <param name="alpha">The width multiplier (the paper's depth multiplier): below 1 fewer filters in each
    /// layer, above 1 more. Defaults to 1.0.</param>
    /// <param name="minimalistic">Build the minimalistic model: no squeeze-and-excitation, no hard swish, 3×3
    /// convolutions only. Defaults to false.</param>
    /// <param name="includeTop">Include the classifier at the top. Defaults to true.</param>
    /// <param name="weights"><see langword="null"/> (random initialization), <c>"imagenet"</c> (Keras' ImageNet
    /// weights, from the Keras cache or downloaded) or the path of a weights file. Defaults to <c>"imagenet"</c>.</param>
    /// <param name="inputTensor">A Keras tensor to use as the image input. Defaults to <see langword="null"/>.</param>
    /// <param name="classes">The number of classes, with the top and without ImageNet weights. Defaults to 1000.</param>
    /// <param name="pooling">Without the top: <see langword="null"/>, <c>"avg"</c> or <c>"max"</c>. Defaults to
    /// <see langword="null"/>.</param>
    /// <param name="dropoutRate">The dropout rate before the logits. Defaults to 0.2.</param>
    /// <param name="classifierActivation">The top layer's activation; <see langword="null"/> returns logits. Only
    /// <see langword="null"/> or <c>"softmax"</c> with pretrained weights. Defaults to <c>"softmax"</c>.</param>
    /// <param name="includePreprocessing">Start with the <see cref="Rescaling"/> of [0, 255] to [-1, 1]. Defaults to
    /// true.</param>
    /// <param name="name">The model's name. Defaults to <c>"MobileNetV3Small"</c>.</param>
    /// <returns>The functional model.</returns>
    /// <exception cref="ArgumentException">An argument is invalid (Keras' messages).</exception>
    /// <exception cref="WeightsNotAvailableException">ImageNet weights are not cached and cannot be
    /// downloaded.</exception>
    public static Functional Build(int?[]? inputShape = null, double alpha = 1.0, bool minimalistic = false,
        bool includeTop = true, string? weights = "imagenet", KerasTensor? inputTensor = null, int classes = 1000,
        string? pooling = null, double dropoutRate = 0.2, string? classifierActivation = "softmax",
        bool includePreprocessing = true, string name = "MobileNetV3Small") =>
        MobileNetV3Builder.Build(_stack, 1024, "small", inputShape, alpha, minimalistic, includeTop, weights,
            inputTensor, classes, pooling, dropoutRate, classifierActivation, includePreprocessing, name);

    /// <summary>Keras' <c>mobilenet_v3.preprocess_input</c>: returns <paramref name="x"/> unchanged (the model
    /// rescales itself).</summary>
    /// <param name="x">RGB images with values in [0, 255].</param>
    /// <param name="dataFormat">Ignored, as in Keras. Defaults to <see langword="null"/>.</param>
    /// <returns><paramref name="x"/>.</returns>
    public static Tensor PreprocessInput(Tensor x, string? dataFormat = null) => x;

    /// <summary>Keras' <c>mobilenet_v3.preprocess_input</c>: returns <paramref name="x"/> unchanged (the model
    /// rescales itself).</summary>
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
