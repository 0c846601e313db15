using Keras.Initializers;
using Keras.Layers;

namespace Keras.Applications;

/// <summary>The EfficientNet B0..B7 builder (Keras' <c>efficientnet.py</c> <c>EfficientNet</c> and <c>block</c>), with
/// Keras' layer names, order and initializers.</summary>
internal static class EfficientNetBuilder
{
    /// <summary>Keras' <c>BASE_WEIGHTS_PATH</c> for EfficientNet (not the <c>tensorflow/</c> folder of the others).</summary>
    private const string WeightsBase = "https://storage.googleapis.com/keras-applications/";

    private const double DropConnectRate = 0.2;
    private const int DepthDivisor = 8;

    // Keras' IMAGENET_STDDEV_RGB: the original models divide by the variance, Keras' Normalization by its square
    // root, so the ImageNet models add a Rescaling by 1/sqrt(stddev) (tensorflow/tensorflow#49930).
    private static readonly double[] _imagenetStddevRgb = [0.229, 0.224, 0.225];

    // Keras' DEFAULT_BLOCKS_ARGS: (kernel, repeats, filters in, filters out, expand ratio, strides); se_ratio 0.25
    // and id_skip everywhere.
    private static readonly (int Kernel, int Repeats, int FiltersIn, int FiltersOut, int Expand, int Strides)[]
        _blocks =
        [
            (3, 1, 32, 16, 1, 1), (3, 2, 16, 24, 6, 2), (5, 2, 24, 40, 6, 2), (3, 3, 40, 80, 6, 2),
            (5, 3, 80, 112, 6, 1), (5, 4, 112, 192, 6, 2), (3, 1, 192, 320, 6, 1),
        ];

    /// <summary>Keras' <c>CONV_KERNEL_INITIALIZER</c>.</summary>
    internal static Initializer ConvInitializer() =>
        new VarianceScaling(scale: 2.0, mode: "fan_out", distribution: "truncated_normal");

    /// <summary>Keras' <c>DENSE_KERNEL_INITIALIZER</c>.</summary>
    internal static Initializer DenseInitializer() =>
        new VarianceScaling(scale: 1.0 / 3.0, mode: "fan_out", distribution: "uniform");

    /// <summary>Builds EfficientNet with the given scaling (Keras' <c>EfficientNet</c> function).</summary>
    internal static Functional Build(double widthCoefficient, double depthCoefficient, int defaultSize,
        double dropoutRate, string modelName, (string Top, string NoTop) hashes, bool includeTop, string? weights,
        KerasTensor? inputTensor, int?[]? inputShape, string? pooling, int classes, string? classifierActivation,
        string name)
    {
        ApplicationArguments.Validate(weights, includeTop, classes, pooling);
        int?[] shape = InputShapes.Obtain(inputShape, defaultSize, minSize: 32, requireFlatten: includeTop, weights,
            ApplicationArguments.Warn);
        KerasTensor imageInput = ApplicationArguments.ImageInput(inputTensor, shape);
        int RoundFilters(int filters) => MobileNetV2.MakeDivisible(filters * widthCoefficient, DepthDivisor);
        int RoundRepeats(int repeats) => (int)Math.Ceiling(depthCoefficient * repeats);

        KerasTensor x = new Rescaling(1.0 / 255.0).Call(imageInput);
        x = new Normalization(axis: [3]).Call(x);
        if (weights == ApplicationArguments.ImageNet)
        {
            x = new Rescaling(_imagenetStddevRgb.Select(s => 1.0 / Math.Sqrt(s)).ToArray()).Call(x);
        }
        x = new ZeroPadding2D(InputShapes.CorrectPad(x, 3), name: "stem_conv_pad").Call(x);
        x = new Conv2D(RoundFilters(32), 3, strides: 2, padding: "valid", useBias: false,
            kernelInitializer: ConvInitializer(), name: "stem_conv").Call(x);
        x = new BatchNormalization(axis: 3, name: "stem_bn").Call(x);
        x = new Activation("swish", name: "stem_activation").Call(x);

        int blockIndex = 0;
        double blockCount = _blocks.Sum(b => RoundRepeats(b.Repeats));
        for (int i = 0; i < _blocks.Length; i++)
        {
            var args = _blocks[i];
            int filtersIn = RoundFilters(args.FiltersIn);
            int filtersOut = RoundFilters(args.FiltersOut);
            int repeats = RoundRepeats(args.Repeats);
            for (int j = 0; j < repeats; j++)
            {
                x = Block(x, DropConnectRate * blockIndex / blockCount, $"block{i + 1}{(char)('a' + j)}_",
                    j == 0 ? filtersIn : filtersOut, filtersOut, args.Kernel, j == 0 ? args.Strides : 1,
                    args.Expand, seRatio: 0.25);
                blockIndex++;
            }
        }

        x = new Conv2D(RoundFilters(1280), 1, padding: "same", useBias: false, kernelInitializer: ConvInitializer(),
            name: "top_conv").Call(x);
        x = new BatchNormalization(axis: 3, name: "top_bn").Call(x);
        x = new Activation("swish", name: "top_activation").Call(x);
        if (includeTop)
        {
            x = new GlobalAveragePooling2D(name: "avg_pool").Call(x);
            if (dropoutRate > 0)
            {
                x = new Dropout(dropoutRate, name: "top_dropout").Call(x);
            }
            ActivationFunction activation = ApplicationArguments.ClassifierActivation(classifierActivation, weights);
            x = new Dense(classes, activation: activation, kernelInitializer: DenseInitializer(),
                name: "predictions").Call(x);
        }
        else
        {
            x = ApplicationArguments.Pool(x, pooling, avgName: "avg_pool", maxName: "max_pool");
        }
        Functional model = ApplicationArguments.CreateModel(inputTensor, imageInput, x, name);
        PretrainedWeights.Load(model, weights, () =>
        {
            string fileName = modelName + (includeTop ? ".h5" : "_notop.h5");
            return new WeightsFile(fileName, WeightsBase + fileName, includeTop ? hashes.Top : hashes.NoTop);
        });
        return model;
    }

    /// <summary>Keras' <c>block</c>: an inverted residual (MBConv) block with squeeze-and-excitation.</summary>
    private static KerasTensor Block(KerasTensor inputs, double dropRate, string name, int filtersIn, int filtersOut,
        int kernelSize, int strides, int expandRatio, double seRatio)
    {
        int filters = filtersIn * expandRatio;
        KerasTensor x = inputs;
        if (expandRatio != 1)
        {
            x = new Conv2D(filters, 1, padding: "same", useBias: false, kernelInitializer: ConvInitializer(),
                name: name + "expand_conv").Call(x);
            x = new BatchNormalization(axis: 3, name: name + "expand_bn").Call(x);
            x = new Activation("swish", name: name + "expand_activation").Call(x);
        }
        string convPad = "same";
        if (strides == 2)
        {
            x = new ZeroPadding2D(InputShapes.CorrectPad(x, kernelSize), name: name + "dwconv_pad").Call(x);
            convPad = "valid";
        }
        x = new DepthwiseConv2D(kernelSize, strides: strides, padding: convPad, useBias: false,
            depthwiseInitializer: ConvInitializer(), name: name + "dwconv").Call(x);
        x = new BatchNormalization(axis: 3, name: name + "bn").Call(x);
        x = new Activation("swish", name: name + "activation").Call(x);

        if (seRatio is > 0 and <= 1)
        {
            int filtersSe = Math.Max(1, (int)(filtersIn * seRatio));
            KerasTensor se = new GlobalAveragePooling2D(name: name + "se_squeeze").Call(x);
            se = new Reshape([1, 1, filters], name: name + "se_reshape").Call(se);
            se = new Conv2D(filtersSe, 1, padding: "same", activation: "swish", kernelInitializer: ConvInitializer(),
                name: name + "se_reduce").Call(se);
            se = new Conv2D(filters, 1, padding: "same", activation: "sigmoid", kernelInitializer: ConvInitializer(),
                name: name + "se_expand").Call(se);
            x = new Multiply(name: name + "se_excite").Call([x, se]);
        }

        x = new Conv2D(filtersOut, 1, padding: "same", useBias: false, kernelInitializer: ConvInitializer(),
            name: name + "project_conv").Call(x);
        x = new BatchNormalization(axis: 3, name: name + "project_bn").Call(x);
        if (strides == 1 && filtersIn == filtersOut)
        {
            if (dropRate > 0)
            {
                // Keras' drop-connect: one Bernoulli draw per sample (noise_shape (None, 1, 1, 1)).
                x = new Dropout(dropRate, noiseShape: [null, 1, 1, 1], name: name + "drop").Call(x);
            }
            x = new Add(name: name + "add").Call([x, inputs]);
        }
        return x;
    }
}
