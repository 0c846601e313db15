using Keras.Initializers;
using Keras.Layers;

namespace Keras.Applications;

/// <summary>The EfficientNetV2 builder (Keras' <c>efficientnet_v2.py</c> <c>EfficientNetV2</c>, <c>MBConvBlock</c> and
/// <c>FusedMBConvBlock</c>), with Keras' layer names, order and initializers.</summary>
internal static class EfficientNetV2Builder
{
    private const string WeightsBase =
        "https://storage.googleapis.com/tensorflow/keras-applications/efficientnet_v2/";

    private const double DropConnectRate = 0.2;
    private const double DropoutRate = 0.2;
    private const int DepthDivisor = 8;
    private const int MinDepth = 8;
    private const double BatchNormMomentum = 0.9;

    /// <summary>One row of Keras' <c>DEFAULT_BLOCKS_ARGS</c>.</summary>
    private readonly record struct Stage(int Repeats, int FiltersIn, int FiltersOut, int Expand, double SeRatio,
        int Strides, bool Fused);

    // Keras' DEFAULT_BLOCKS_ARGS (kernel_size 3 everywhere): efficientnetv2-b0..b3 share one table.
    private static readonly Stage[] _bStages =
    [
        new(1, 32, 16, 1, 0, 1, true), new(2, 16, 32, 4, 0, 2, true), new(2, 32, 48, 4, 0, 2, true),
        new(3, 48, 96, 4, 0.25, 2, false), new(5, 96, 112, 6, 0.25, 1, false), new(8, 112, 192, 6, 0.25, 2, false),
    ];

    private static readonly Stage[] _sStages =
    [
        new(2, 24, 24, 1, 0, 1, true), new(4, 24, 48, 4, 0, 2, true), new(4, 48, 64, 4, 0, 2, true),
        new(6, 64, 128, 4, 0.25, 2, false), new(9, 128, 160, 6, 0.25, 1, false),
        new(15, 160, 256, 6, 0.25, 2, false),
    ];

    private static readonly Stage[] _mStages =
    [
        new(3, 24, 24, 1, 0, 1, true), new(5, 24, 48, 4, 0, 2, true), new(5, 48, 80, 4, 0, 2, true),
        new(7, 80, 160, 4, 0.25, 2, false), new(14, 160, 176, 6, 0.25, 1, false),
        new(18, 176, 304, 6, 0.25, 2, false), new(5, 304, 512, 6, 0.25, 1, false),
    ];

    private static readonly Stage[] _lStages =
    [
        new(4, 32, 32, 1, 0, 1, true), new(7, 32, 64, 4, 0, 2, true), new(7, 64, 96, 4, 0, 2, true),
        new(10, 96, 192, 4, 0.25, 2, false), new(19, 192, 224, 6, 0.25, 1, false),
        new(25, 224, 384, 6, 0.25, 2, false), new(7, 384, 640, 6, 0.25, 1, false),
    ];

    /// <summary>Builds EfficientNetV2 (Keras' <c>EfficientNetV2</c> function) for Keras' variant suffix
    /// <c>b0</c>..<c>b3</c>, <c>s</c>, <c>m</c> or <c>l</c>.</summary>
    internal static Functional Build(string variant, double widthCoefficient, double depthCoefficient,
        int defaultSize, (string Top, string NoTop) hashes, bool includeTop, string? weights,
        KerasTensor? inputTensor, int?[]? inputShape, string? pooling, int classes, string? classifierActivation,
        bool includePreprocessing, string name)
    {
        Stage[] stages = variant switch
        {
            "s" => _sStages,
            "m" => _mStages,
            "l" => _lStages,
            _ => _bStages,
        };
        ApplicationArguments.Validate(weights, includeTop, classes, pooling);
        int?[] shape = InputShapes.Obtain(inputShape, defaultSize, minSize: 32, requireFlatten: includeTop, weights,
            ApplicationArguments.Warn);
        KerasTensor imageInput = ApplicationArguments.ImageInput(inputTensor, shape);
        int RoundFilters(int filters) =>
            Math.Max(MinDepth, (int)(filters * widthCoefficient + DepthDivisor / 2.0) / DepthDivisor * DepthDivisor);

        KerasTensor x = imageInput;
        if (includePreprocessing)
        {
            // The B variants keep EfficientNet (V1)'s ImageNet normalization when the input has 3 channels.
            if (variant.StartsWith('b') && shape[2] == 3)
            {
                x = new Rescaling(1.0 / 255).Call(x);
                x = new Normalization(axis: [3], mean: [0.485, 0.456, 0.406],
                    variance: [0.229 * 0.229, 0.224 * 0.224, 0.225 * 0.225]).Call(x);
            }
            else
            {
                x = new Rescaling(1.0 / 128.0, offset: -1).Call(x);
            }
        }
        x = new Conv2D(RoundFilters(stages[0].FiltersIn), 3, strides: 2, padding: "same", useBias: false,
            kernelInitializer: EfficientNetBuilder.ConvInitializer(), name: "stem_conv").Call(x);
        x = new BatchNormalization(axis: 3, momentum: BatchNormMomentum, name: "stem_bn").Call(x);
        x = new Activation("swish", name: "stem_activation").Call(x);

        int blockIndex = 0;
        // Keras divides by the unscaled repeat total here (unlike EfficientNet V1).
        double blockCount = stages.Sum(s => s.Repeats);
        for (int i = 0; i < stages.Length; i++)
        {
            Stage stage = stages[i];
            int filtersIn = RoundFilters(stage.FiltersIn);
            int filtersOut = RoundFilters(stage.FiltersOut);
            int repeats = (int)Math.Ceiling(depthCoefficient * stage.Repeats);
            for (int j = 0; j < repeats; j++)
            {
                var block = new BlockArgs(j == 0 ? filtersIn : filtersOut, filtersOut, stage.Expand,
                    j == 0 ? stage.Strides : 1, stage.SeRatio, DropConnectRate * blockIndex / blockCount,
                    $"block{i + 1}{(char)('a' + j)}_");
                x = stage.Fused ? FusedMBConv(x, block) : MBConv(x, block);
                blockIndex++;
            }
        }

        x = new Conv2D(RoundFilters(1280), 1, padding: "same", useBias: false,
            kernelInitializer: EfficientNetBuilder.ConvInitializer(), name: "top_conv").Call(x);
        x = new BatchNormalization(axis: 3, momentum: BatchNormMomentum, name: "top_bn").Call(x);
        x = new Activation("swish", name: "top_activation").Call(x);
        if (includeTop)
        {
            x = new GlobalAveragePooling2D(name: "avg_pool").Call(x);
            x = new Dropout(DropoutRate, name: "top_dropout").Call(x);
            ActivationFunction activation = ApplicationArguments.ClassifierActivation(classifierActivation, weights);
            x = new Dense(classes, activation: activation, kernelInitializer: EfficientNetBuilder.DenseInitializer(),
                biasInitializer: new Constant(0.0), name: "predictions").Call(x);
        }
        else
        {
            x = ApplicationArguments.Pool(x, pooling, avgName: "avg_pool", maxName: "max_pool");
        }
        Functional model = ApplicationArguments.CreateModel(inputTensor, imageInput, x, name);
        PretrainedWeights.Load(model, weights, () =>
        {
            // Keras names the file after the model's name; the default name is used so a renamed model still
            // finds Keras' file.
            string fileName = $"efficientnetv2-{variant}" + (includeTop ? ".h5" : "_notop.h5");
            return new WeightsFile(fileName, WeightsBase + fileName, includeTop ? hashes.Top : hashes.NoTop);
        });
        return model;
    }

    /// <summary>The arguments of one block.</summary>
    private readonly record struct BlockArgs(int FiltersIn, int FiltersOut, int Expand, int Strides, double SeRatio,
        double SurvivalProbability, string Name);

    /// <summary>Keras' <c>MBConvBlock</c>: expansion, depthwise convolution, squeeze-and-excitation, projection.</summary>
    private static KerasTensor MBConv(KerasTensor inputs, BlockArgs a)
    {
        int filters = a.FiltersIn * a.Expand;
        KerasTensor x = inputs;
        if (a.Expand != 1)
        {
            x = ConvBnActivation(x, filters, 1, 1, a.Name + "expand_conv", a.Name + "expand_bn",
                a.Name + "expand_activation");
        }
        x = new DepthwiseConv2D(3, strides: a.Strides, padding: "same", useBias: false,
            depthwiseInitializer: EfficientNetBuilder.ConvInitializer(), name: a.Name + "dwconv2").Call(x);
        x = new BatchNormalization(axis: 3, momentum: BatchNormMomentum, name: a.Name + "bn").Call(x);
        x = new Activation("swish", name: a.Name + "activation").Call(x);
        x = SqueezeExcite(x, a, filters);
        x = new Conv2D(a.FiltersOut, 1, padding: "same", useBias: false,
            kernelInitializer: EfficientNetBuilder.ConvInitializer(), name: a.Name + "project_conv").Call(x);
        x = new BatchNormalization(axis: 3, momentum: BatchNormMomentum, name: a.Name + "project_bn").Call(x);
        return Residual(inputs, x, a);
    }

    /// <summary>Keras' <c>FusedMBConvBlock</c>: one full convolution replaces the expansion and the depthwise
    /// convolution.</summary>
    private static KerasTensor FusedMBConv(KerasTensor inputs, BlockArgs a)
    {
        int filters = a.FiltersIn * a.Expand;
        KerasTensor x = inputs;
        if (a.Expand != 1)
        {
            x = ConvBnActivation(x, filters, 3, a.Strides, a.Name + "expand_conv", a.Name + "expand_bn",
                a.Name + "expand_activation");
        }
        x = SqueezeExcite(x, a, filters);
        x = new Conv2D(a.FiltersOut, a.Expand != 1 ? 1 : 3, strides: a.Expand != 1 ? 1 : a.Strides, padding: "same",
            useBias: false, kernelInitializer: EfficientNetBuilder.ConvInitializer(), name: a.Name + "project_conv")
            .Call(x);
        x = new BatchNormalization(axis: 3, momentum: BatchNormMomentum, name: a.Name + "project_bn").Call(x);
        if (a.Expand == 1)
        {
            x = new Activation("swish", name: a.Name + "project_activation").Call(x);
        }
        return Residual(inputs, x, a);
    }

    private static KerasTensor ConvBnActivation(KerasTensor x, int filters, int kernel, int strides, string conv,
        string bn, string activation)
    {
        x = new Conv2D(filters, kernel, strides: strides, padding: "same", useBias: false,
            kernelInitializer: EfficientNetBuilder.ConvInitializer(), name: conv).Call(x);
        x = new BatchNormalization(axis: 3, momentum: BatchNormMomentum, name: bn).Call(x);
        return new Activation("swish", name: activation).Call(x);
    }

    private static KerasTensor SqueezeExcite(KerasTensor x, BlockArgs a, int filters)
    {
        if (a.SeRatio is not (> 0 and <= 1))
        {
            return x;
        }
        int filtersSe = Math.Max(1, (int)(a.FiltersIn * a.SeRatio));
        KerasTensor se = new GlobalAveragePooling2D(name: a.Name + "se_squeeze").Call(x);
        se = new Reshape([1, 1, filters], name: a.Name + "se_reshape").Call(se);
        se = new Conv2D(filtersSe, 1, padding: "same", activation: "swish",
            kernelInitializer: EfficientNetBuilder.ConvInitializer(), name: a.Name + "se_reduce").Call(se);
        se = new Conv2D(filters, 1, padding: "same", activation: "sigmoid",
            kernelInitializer: EfficientNetBuilder.ConvInitializer(), name: a.Name + "se_expand").Call(se);
        return new Multiply(name: a.Name + "se_excite").Call([x, se]);
    }

    private static KerasTensor Residual(KerasTensor inputs, KerasTensor x, BlockArgs a)
    {
        if (a.Strides != 1 || a.FiltersIn != a.FiltersOut)
        {
            return x;
        }
        if (a.SurvivalProbability > 0)
        {
            // Keras passes its "survival_probability" as the Dropout rate (one draw per sample).
            x = new Dropout(a.SurvivalProbability, noiseShape: [null, 1, 1, 1], name: a.Name + "drop").Call(x);
        }
        return new Add(name: a.Name + "add").Call([x, inputs]);
    }
}
