using System.Globalization;
using Keras.Layers;

namespace Keras.Applications;

/// <summary>MobileNetV2 (Keras' <c>keras.applications.MobileNetV2</c>): "MobileNetV2: Inverted Residuals and Linear
/// Bottlenecks" (CVPR 2018), with Keras' layer names, so Keras' ImageNet weights load unchanged.</summary>
/// <remarks><c>alpha</c> scales the number of filters of every layer (the width); Keras publishes ImageNet weights for
/// alpha 0.35, 0.5, 0.75, 1.0, 1.3 and 1.4 at 96, 128, 160, 192 and 224 pixels. Inputs must be preprocessed with
/// <see cref="PreprocessInput(Tensor, string?)"/> (scaled to [-1, 1]).</remarks>
/// <example><code>
/// Functional model = MobileNetV2.Build();                                 // alpha 1.0, 224x224, ImageNet
/// Functional features = MobileNetV2.Build(inputShape: [160, 160, 3], includeTop: false, weights: null,
///     pooling: "avg");
/// </code></example>
public static class MobileNetV2
{
    private static readonly int[] _sizes = [96, 128, 160, 192, 224];

    /// <summary>Builds the MobileNetV2 model (Keras' <c>keras.applications.MobileNetV2</c>).</summary>
    /// <param name="inputShape">The image shape (rows, cols, channels), only when <paramref name="includeTop"/> is
    /// false or the size is one Keras publishes weights for; at least 32×32. Defaults to <see langword="null"/>: the
    /// input tensor's size when it is square and published, else (224, 224, 3) with the top, (None, None, 3)
    /// without.</param>
    /// <param name="alpha">The width multiplier: below 1 fewer filters in each layer, above 1 more. Defaults to 1.0.
    /// ImageNet weights exist for 0.35, 0.50, 0.75, 1.0, 1.3 and 1.4.</param>
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
    /// <c>mobilenetv2_{alpha:0.2f}_{rows}</c>, such as <c>mobilenetv2_1.00_224</c>.</param>
    /// <returns>The functional model.</returns>
    /// <remarks>With ImageNet weights and a non-square size or one without published weights, Keras' warning is
    /// written and the 224-pixel weights are loaded.</remarks>
    /// <exception cref="ArgumentException">An argument is invalid (Keras' messages).</exception>
    /// <exception cref="WeightsNotAvailableException">ImageNet weights are not cached and cannot be
    /// downloaded.</exception>
    public static Functional Build(int?[]? inputShape = null, double alpha = 1.0, bool includeTop = true,
        string? weights = "imagenet", KerasTensor? inputTensor = null, string? pooling = null, int classes = 1000,
        string? classifierActivation = "softmax", string? name = null)
    {
        ApplicationArguments.Validate(weights, includeTop, classes, pooling);
        if (inputShape is { Length: 3 } && inputTensor is not null && inputTensor.Shape[2] != inputShape[1])
        {
            throw new ArgumentException(
                "input_tensor.shape[2] must equal input_shape[1]; Received `input_tensor.shape=" +
                $"{PythonText.Tuple(inputTensor.Shape)}`, `input_shape={PythonText.Tuple(inputShape)}`",
                nameof(inputTensor));
        }
        int?[]? sized = inputShape ?? (inputTensor is null ? null : [inputTensor.Shape[1], inputTensor.Shape[2]]);
        int defaultSize = sized is { Length: >= 2 } && sized[0] == sized[1] && sized[0] is int side
            && _sizes.Contains(side) ? side : 224;
        int?[] shape = InputShapes.Obtain(inputShape, defaultSize, minSize: 32, requireFlatten: includeTop, weights,
            ApplicationArguments.Warn);
        int? rows = shape[0];
        if (weights == ApplicationArguments.ImageNet)
        {
            if (alpha is not (0.35 or 0.50 or 0.75 or 1.0 or 1.3 or 1.4))
            {
                throw new ArgumentException("If imagenet weights are being loaded, alpha must be one of `0.35`, " +
                    $"`0.50`, `0.75`, `1.0`, `1.3` or `1.4` only; Received `alpha={PythonText.Float(alpha)}`",
                    nameof(alpha));
            }
            if (rows != shape[1] || rows is not int r || !_sizes.Contains(r))
            {
                rows = 224;
                ApplicationArguments.Warn("`input_shape` is undefined or non-square, or `rows` is not in " +
                    "[96, 128, 160, 192, 224]. Weights for input shape (224, 224) will be loaded as the default.");
            }
        }
        KerasTensor imageInput = ApplicationArguments.ImageInput(inputTensor, shape);

        KerasTensor x = new Conv2D(MakeDivisible(32 * alpha, 8), 3, strides: 2, padding: "same", useBias: false,
            name: "Conv1").Call(imageInput);
        x = new BatchNormalization(axis: -1, epsilon: 1e-3, momentum: 0.999, name: "bn_Conv1").Call(x);
        x = new ReLU(6.0, name: "Conv1_relu").Call(x);
        (int Filters, int Stride, int Expansion)[] blocks =
        [
            (16, 1, 1), (24, 2, 6), (24, 1, 6), (32, 2, 6), (32, 1, 6), (32, 1, 6), (64, 2, 6), (64, 1, 6),
            (64, 1, 6), (64, 1, 6), (96, 1, 6), (96, 1, 6), (96, 1, 6), (160, 2, 6), (160, 1, 6), (160, 1, 6),
            (320, 1, 6),
        ];
        for (int i = 0; i < blocks.Length; i++)
        {
            x = InvertedResBlock(x, blocks[i].Expansion, blocks[i].Stride, alpha, blocks[i].Filters, blockId: i);
        }
        // No alpha on the last convolution unless it widens the network (the paper's choice).
        int lastBlockFilters = alpha > 1.0 ? MakeDivisible(1280 * alpha, 8) : 1280;
        x = new Conv2D(lastBlockFilters, 1, useBias: false, name: "Conv_1").Call(x);
        x = new BatchNormalization(axis: -1, epsilon: 1e-3, momentum: 0.999, name: "Conv_1_bn").Call(x);
        x = new ReLU(6.0, name: "out_relu").Call(x);
        if (includeTop)
        {
            x = new GlobalAveragePooling2D().Call(x);
            ActivationFunction activation = ApplicationArguments.ClassifierActivation(classifierActivation, weights);
            x = new Dense(classes, activation: activation, name: "predictions").Call(x);
        }
        else
        {
            x = ApplicationArguments.Pool(x, pooling);
        }
        name ??= string.Create(CultureInfo.InvariantCulture, $"mobilenetv2_{alpha:0.00}_{PythonText.Int(rows)}");
        Functional model = ApplicationArguments.CreateModel(inputTensor, imageInput, x, name);
        PretrainedWeights.Load(model, weights, () =>
        {
            string suffix = includeTop ? "" : "_no_top";
            return WeightsFile.InKerasApplications("mobilenet_v2",
                $"mobilenet_v2_weights_tf_dim_ordering_tf_kernels_{PythonText.Float(alpha)}_{rows}{suffix}.h5",
                hash: null);
        });
        return model;
    }

    /// <summary>Preprocesses images for MobileNetV2: Keras' <c>mobilenet_v2.preprocess_input</c>, the <c>"tf"</c>
    /// mode.</summary>
    /// <param name="x">RGB images with values in [0, 255], channels last.</param>
    /// <param name="dataFormat">Defaults to <see langword="null"/> (<c>"channels_last"</c>).</param>
    /// <returns>A new tensor.</returns>
    public static Tensor PreprocessInput(Tensor x, string? dataFormat = null) =>
        ImagenetUtils.PreprocessInput(x, dataFormat, "tf");

    /// <summary>Preprocesses images for MobileNetV2: Keras' <c>mobilenet_v2.preprocess_input</c>, the <c>"tf"</c>
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

    /// <summary>Keras' <c>_make_divisible</c>: rounds to the nearest multiple of <paramref name="divisor"/>, never
    /// below it and never more than 10% down.</summary>
    internal static int MakeDivisible(double value, int divisor)
    {
        int rounded = Math.Max(divisor, (int)(value + divisor / 2.0) / divisor * divisor);
        return rounded < 0.9 * value ? rounded + divisor : rounded;
    }

    private static KerasTensor InvertedResBlock(KerasTensor inputs, int expansion, int stride, double alpha,
        int filters, int blockId)
    {
        int inChannels = inputs.Shape[-1]!.Value;
        int pointwiseFilters = MakeDivisible((int)(filters * alpha), 8);
        KerasTensor x = inputs;
        string prefix = $"block_{blockId}_";
        if (blockId != 0)
        {
            x = new Conv2D(expansion * inChannels, 1, padding: "same", useBias: false, name: $"{prefix}expand")
                .Call(x);
            x = new BatchNormalization(axis: -1, epsilon: 1e-3, momentum: 0.999, name: $"{prefix}expand_BN").Call(x);
            x = new ReLU(6.0, name: $"{prefix}expand_relu").Call(x);
        }
        else
        {
            prefix = "expanded_conv_";
        }
        if (stride == 2)
        {
            x = new ZeroPadding2D(InputShapes.CorrectPad(x, 3), name: $"{prefix}pad").Call(x);
        }
        x = new DepthwiseConv2D(3, strides: stride, useBias: false, padding: stride == 1 ? "same" : "valid",
            name: $"{prefix}depthwise").Call(x);
        x = new BatchNormalization(axis: -1, epsilon: 1e-3, momentum: 0.999, name: $"{prefix}depthwise_BN").Call(x);
        x = new ReLU(6.0, name: $"{prefix}depthwise_relu").Call(x);
        x = new Conv2D(pointwiseFilters, 1, padding: "same", useBias: false, name: $"{prefix}project").Call(x);
        x = new BatchNormalization(axis: -1, epsilon: 1e-3, momentum: 0.999, name: $"{prefix}project_BN").Call(x);
        return inChannels == pointwiseFilters && stride == 1
            ? new Add(name: $"{prefix}add").Call([inputs, x])
            : x;
    }
}
