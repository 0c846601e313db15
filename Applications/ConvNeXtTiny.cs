using Keras.Layers;

namespace Keras.Applications;

/// <summary>ConvNeXtTiny (Keras' <c>keras.applications.ConvNeXtTiny</c>): "A ConvNet for the 2020s" (CVPR 2022), with
/// Keras' layer names, so Keras' ImageNet weights load unchanged.</summary>
/// <remarks>Depths 3, 3, 9, 3, widths 96, 192, 384, 768, default input 224×224. The preprocessing is part of the model (a
/// <see cref="Normalization"/> with ImageNet's mean and variance): inputs are RGB values in [0, 255] and
/// <see cref="PreprocessInput(Tensor, string?)"/> returns them unchanged, as Keras' does.</remarks>
/// <example><code>
/// Functional model = ConvNeXtTiny.Build();                                  // ImageNet weights, 1000 classes
/// var top5 = ConvNeXtTiny.DecodePredictions(model.Predict(images));        // images: RGB 0-255
///
/// Functional features = ConvNeXtTiny.Build(includeTop: false, weights: null, pooling: "avg");
/// </code></example>
public static class ConvNeXtTiny
{
    /// <summary>Builds the ConvNeXtTiny model (Keras' <c>keras.applications.ConvNeXtTiny</c>).</summary>
    /// <param name="includeTop">Include the classification head. Defaults to true.</param>
    /// <param name="includePreprocessing">Start with the ImageNet <see cref="Normalization"/> (always with ImageNet
    /// weights). Defaults to true.</param>
    /// <param name="weights"><see langword="null"/> (random initialization), <c>"imagenet"</c> (Keras' ImageNet
    /// weights, from the Keras cache or downloaded) or the path of a weights file. Defaults to <c>"imagenet"</c>.</param>
    /// <param name="inputTensor">A Keras tensor (for example an <see cref="Input"/>) to use as the image input.
    /// Defaults to <see langword="null"/> (a new input).</param>
    /// <param name="inputShape">The image shape (rows, cols, channels), only when <paramref name="includeTop"/> is
    /// false (otherwise it must be (224, 224, 3)); at least 32×32. Defaults to <see langword="null"/>: (224, 224, 3)
    /// with the top, (None, None, 3) without.</param>
    /// <param name="pooling">Without the top: <see langword="null"/> (4D features), <c>"avg"</c> or <c>"max"</c>;
    /// followed by a <see cref="LayerNormalization"/> either way, as Keras. Defaults to <see langword="null"/>.</param>
    /// <param name="classes">The number of classes, with the top and without ImageNet weights. Defaults to 1000.</param>
    /// <param name="classifierActivation">The head's activation; <see langword="null"/> returns logits. Only
    /// <see langword="null"/> or <c>"softmax"</c> with pretrained weights. Defaults to <c>"softmax"</c>.</param>
    /// <param name="name">The model's name and the prefix of its layer names. Defaults to
    /// <c>"convnext_tiny"</c>.</param>
    /// <returns>The functional model.</returns>
    /// <exception cref="ArgumentException">An argument is invalid (Keras' messages).</exception>
    /// <exception cref="WeightsNotAvailableException">ImageNet weights are not cached and cannot be
    /// downloaded.</exception>
    public static Functional Build(bool includeTop = true, bool includePreprocessing = true,
        string? weights = "imagenet", KerasTensor? inputTensor = null, int?[]? inputShape = null,
        string? pooling = null, int classes = 1000, string? classifierActivation = "softmax",
        string name = "convnext_tiny") =>
        ConvNeXtBuilder.Build([3, 3, 9, 3], [96, 192, 384, 768],
            ("8ae6e78ce2933352b1ef4008e6dd2f17bc40771563877d156bc6426c7cf503ff",
                "d547c096cabd03329d7be5562c5e14798aa39ed24b474157cef5e85ab9e49ef1"),
            includeTop, includePreprocessing, weights, inputTensor, inputShape, pooling, classes, classifierActivation,
            name);

    /// <summary>Keras' <c>convnext.preprocess_input</c>: returns <paramref name="x"/> unchanged (the model normalizes
    /// itself).</summary>
    /// <param name="x">RGB images with values in [0, 255].</param>
    /// <param name="dataFormat">Ignored, as in Keras. Defaults to <see langword="null"/>.</param>
    /// <returns><paramref name="x"/>.</returns>
    public static Tensor PreprocessInput(Tensor x, string? dataFormat = null) => x;

    /// <summary>Keras' <c>convnext.preprocess_input</c>: returns <paramref name="x"/> unchanged (the model normalizes
    /// itself).</summary>
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
