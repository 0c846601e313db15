using System.Globalization;
using Keras.Layers;

namespace Keras.Applications;

/// <summary>MobileNet (Keras' <c>keras.applications.MobileNet</c>): "MobileNets: Efficient Convolutional Neural
/// Networks for Mobile Vision Applications", with Keras' layer names, so Keras' ImageNet weights load unchanged.
/// </summary>
/// <remarks><c>alpha</c> scales the number of filters of every layer (the width); Keras publishes ImageNet weights for
/// alpha 0.25, 0.5, 0.75 and 1.0 at 128, 160, 192 and 224 pixels. Inputs must be preprocessed with
/// <see cref="PreprocessInput(Tensor, string?)"/> (scaled to [-1, 1]).</remarks>
/// <example><code>
/// Functional model = MobileNet.Build();                                   // alpha 1.0, 224x224, ImageNet
/// Functional small = MobileNet.Build(inputShape: [128, 128, 3], alpha: 0.25, weights: null, classes: 10);
/// </code></example>
public static class MobileNet
{
    private static readonly int[] _sizes = [128, 160, 192, 224];

    /// <summary>Builds the MobileNet model (Keras' <c>keras.applications.MobileNet</c>).</summary>
    /// <param name="inputShape">The image shape (rows, cols, channels), only when <paramref name="includeTop"/> is
    /// false or the size is one Keras publishes weights for; at least 32×32. Defaults to <see langword="null"/>:
    /// (224, 224, 3) with the top, (None, None, 3) without.</param>
    /// <param name="alpha">The width multiplier: below 1 fewer filters in each layer, above 1 more. Defaults to 1.0.
    /// ImageNet weights exist for 0.25, 0.50, 0.75 and 1.0.</param>
    /// <param name="depthMultiplier">The depth multiplier of the depthwise convolutions. Defaults to 1 (the only value
    /// with ImageNet weights).</param>
    /// <param name="dropout">The dropout rate before the classifier. Defaults to 1e-3.</param>
    /// <param name="includeTop">Include the classifier at the top. Defaults to true.</param>
    /// <param name="weights"><see langword="null"/> (random initialization), <c>"imagenet"</c> (Keras' ImageNet
    /// weights, from the Keras cache or downloaded) or the path of a weights file. Defaults to <c>"imagenet"</c>.</param>
    /// <param name="inputTensor">A Keras tensor to use as the image input. Defaults to <see langword="null"/>.</param>
    /// <param name="pooling">Without the top: <see langword="null"/>, <c>"avg"</c> or <c>"max"</c>. Defaults to
    /// <see langword="null"/>.</param>
    /// <param name="classes">The number of classes, with the top and without ImageNet weights. Defaults to 1000.</param>
    /// <param name="classifierActivation">The top layer's activation; <see langword="null"/> returns logits. Only
    /// <see langword="null"/> or <c>"softmax"</c> with pretrained weights. Defaults to <c>"softmax"</c>.</param>
    /// <param name="name">The model's name. Defaults to <see langword="null"/>: Keras'
    /// <c>mobilenet_{alpha:0.2f}_{rows}</c>, such as <c>mobilenet_1.00_224</c>.</param>
    /// <returns>The functional model.</returns>
    /// <remarks>With ImageNet weights and a non-square size or one without published weights, Keras' warning is
    /// written and the 224-pixel weights are loaded.</remarks>
    /// <exception cref="ArgumentException">An argument is invalid (Keras' messages).</exception>
    /// <exception cref="WeightsNotAvailableException">ImageNet weights are not cached and cannot be
    /// downloaded.</exception>
    public static Functional Build(int?[]? inputShape = null, double alpha = 1.0, int depthMultiplier = 1,
        double dropout = 1e-3, bool includeTop = true, string? weights = "imagenet", KerasTensor? inputTensor = null,
        string? pooling = null, int classes = 1000, string? classifierActivation = "softmax", string? name = null)
    {
        ApplicationArguments.Validate(weights, includeTop, classes, pooling);
        int defaultSize = inputShape is { Length: >= 2 } && inputShape[0] == inputShape[1]
            && inputShape[0] is int side && _sizes.Contains(side) ? side : 224;
        int?[] shape = InputShapes.Obtain(inputShape, defaultSize, minSize: 32, requireFlatten: includeTop, weights,
            ApplicationArguments.Warn);
        int? rows = shape[0];
        if (weights == ApplicationArguments.ImageNet)
        {
            if (depthMultiplier != 1)
            {
                throw new ArgumentException("If imagenet weights are being loaded, depth multiplier must be 1.  " +
                    $"Received depth_multiplier={depthMultiplier}", nameof(depthMultiplier));
            }
            if (alpha is not (0.25 or 0.50 or 0.75 or 1.0))
            {
                throw new ArgumentException("If imagenet weights are being loaded, alpha can be one of`0.25`, " +
                    $"`0.50`, `0.75` or `1.0` only.  Received alpha={PythonText.Float(alpha)}", nameof(alpha));
            }
            if (rows != shape[1] || rows is not int r || !_sizes.Contains(r))
            {
                rows = 224;
                ApplicationArguments.Warn("`input_shape` is undefined or non-square, or `rows` is not in " +
                    "[128, 160, 192, 224]. Weights for input shape (224, 224) will be loaded as the default.");
            }
        }
        KerasTensor imageInput = ApplicationArguments.ImageInput(inputTensor, shape);

        KerasTensor x = ConvBlock(imageInput, 32, alpha, strides: 2);
        (int Filters, int Strides)[] blocks =
        [
            (64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2), (512, 1), (512, 1), (512, 1), (512, 1),
            (512, 1), (1024, 2), (1024, 1),
        ];
        for (int i = 0; i < blocks.Length; i++)
        {
            x = DepthwiseConvBlock(x, blocks[i].Filters, alpha, depthMultiplier, blocks[i].Strides, blockId: i + 1);
        }
        if (includeTop)
        {
            x = new GlobalAveragePooling2D(keepdims: true).Call(x);
            x = new Dropout(dropout, name: "dropout").Call(x);
            x = new Conv2D(classes, 1, padding: "same", name: "conv_preds").Call(x);
            x = new Reshape([classes], name: "reshape_2").Call(x);
            ActivationFunction activation = ApplicationArguments.ClassifierActivation(classifierActivation, weights);
            x = new Activation(activation, name: "predictions").Call(x);
        }
        else
        {
            x = ApplicationArguments.Pool(x, pooling);
        }
        name ??= string.Create(CultureInfo.InvariantCulture, $"mobilenet_{alpha:0.00}_{PythonText.Int(rows)}");
        Functional model = ApplicationArguments.CreateModel(inputTensor, imageInput, x, name);
        PretrainedWeights.Load(model, weights, () => ImageNetFile(alpha, rows!.Value, includeTop));
        return model;
    }

    /// <summary>Preprocesses images for MobileNet: Keras' <c>mobilenet.preprocess_input</c>, the <c>"tf"</c>
    /// mode.</summary>
    /// <param name="x">RGB images with values in [0, 255], channels last.</param>
    /// <param name="dataFormat">Defaults to <see langword="null"/> (<c>"channels_last"</c>).</param>
    /// <returns>A new tensor.</returns>
    public static Tensor PreprocessInput(Tensor x, string? dataFormat = null) =>
        ImagenetUtils.PreprocessInput(x, dataFormat, "tf");

    /// <summary>Preprocesses images for MobileNet: Keras' <c>mobilenet.preprocess_input</c>, the <c>"tf"</c>
    /// mode.</summary>
    /// <param name="x">RGB images with values in [0, 255], channels last.</param>
    /// <param name="dataFormat">Defaults to <see langword="null"/> (<c>"channels_last"</c>).</param>
    /// <returns>A new array.</returns>
    public static float[,,,] PreprocessInput(float[,,,] x, string? dataFormat = null) =>
        ImagenetUtils.PreprocessInput(x, dataFormat, "tf");

    /// <inheritdoc cref="ImagenetUtils.DecodePredictions(Tensor, int)"/>
    public static IReadOnlyList<IReadOnlyList<ImagenetPrediction>> DecodePredictions(Tensor preds, int top = 5) =>
        ImagenetUtils.DecodePredictions(preds, top);

    /// <inheritdoc cref="ImagenetUtils.DecodePredictions(float[,], int)"/>
    public static IReadOnlyList<IReadOnlyList<ImagenetPrediction>> DecodePredictions(float[,] preds, int top = 5) =>
        ImagenetUtils.DecodePredictions(preds, top);

    /// <summary>Keras' weight file for an alpha and size: <c>mobilenet_{2_5|5_0|7_5|1_0}_{rows}_tf[_no_top].h5</c>
    /// (Keras publishes no hash for them).</summary>
    internal static WeightsFile ImageNetFile(double alpha, int rows, bool includeTop)
    {
        string alphaText = alpha switch { 1.0 => "1_0", 0.75 => "7_5", 0.50 => "5_0", _ => "2_5" };
        string suffix = includeTop ? "tf" : "tf_no_top";
        return WeightsFile.InKerasApplications("mobilenet", $"mobilenet_{alphaText}_{rows}_{suffix}.h5", hash: null);
    }

    private static KerasTensor ConvBlock(KerasTensor inputs, int filters, double alpha, int strides)
    {
        KerasTensor x = new Conv2D((int)(filters * alpha), 3, padding: "same", useBias: false, strides: strides,
            name: "conv1").Call(inputs);
        x = new BatchNormalization(axis: -1, name: "conv1_bn").Call(x);
        return new ReLU(6.0, name: "conv1_relu").Call(x);
    }

    private static KerasTensor DepthwiseConvBlock(KerasTensor inputs, int pointwiseFilters, double alpha,
        int depthMultiplier, int strides, int blockId)
    {
        KerasTensor x = strides == 1
            ? inputs
            : new ZeroPadding2D(((0, 1), (0, 1)), name: $"conv_pad_{blockId}").Call(inputs);
        x = new DepthwiseConv2D(3, padding: strides == 1 ? "same" : "valid", depthMultiplier: depthMultiplier,
            strides: strides, useBias: false, name: $"conv_dw_{blockId}").Call(x);
        x = new BatchNormalization(axis: -1, name: $"conv_dw_{blockId}_bn").Call(x);
        x = new ReLU(6.0, name: $"conv_dw_{blockId}_relu").Call(x);
        x = new Conv2D((int)(pointwiseFilters * alpha), 1, padding: "same", useBias: false, strides: 1,
            name: $"conv_pw_{blockId}").Call(x);
        x = new BatchNormalization(axis: -1, name: $"conv_pw_{blockId}_bn").Call(x);
        return new ReLU(6.0, name: $"conv_pw_{blockId}_relu").Call(x);
    }
}
