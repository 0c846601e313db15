using Keras.Layers;

namespace Keras.Applications;

/// <summary>The MobileNetV3 builder (Keras' <c>mobilenet_v3.py</c> <c>MobileNetV3</c>, <c>_inverted_res_block</c> and
/// <c>_se_block</c>), with Keras' layer names and order.</summary>
internal static class MobileNetV3Builder
{
    /// <summary>Keras' <c>WEIGHTS_HASHES</c>: MD5 of the file with and without the top, by model name.</summary>
    private static readonly Dictionary<string, (string Top, string NoTop)> _hashes = new(StringComparer.Ordinal)
    {
        ["large_224_0.75_float"] = ("765b44a33ad4005b3ac83185abf1d0eb", "40af19a13ebea4e2ee0c676887f69a2e"),
        ["large_224_1.0_float"] = ("59e551e166be033d707958cf9e29a6a7", "07fb09a5933dd0c8eaafa16978110389"),
        ["large_minimalistic_224_1.0_float"] =
            ("675e7b876c45c57e9e63e6d90a36599c", "ec5221f64a2f6d1ef965a614bdae7973"),
        ["small_224_0.75_float"] = ("cb65d4e5be93758266aa0a7f2c6708b7", "ebdb5cc8e0b497cd13a7c275d475c819"),
        ["small_224_1.0_float"] = ("8768d4c2e7dee89b9d02b2d03d65d862", "d3e8ec802a04aa4fc771ee12a9a9b836"),
        ["small_minimalistic_224_1.0_float"] =
            ("99cd97fb2fcdad2bf028eb838de69e37", "cde8136e733e811080d9fcd8a252f7e4"),
    };

    /// <summary>One inverted residual block: expansion, output filters (before alpha), kernel (0: the model's
    /// kernel, 5 or 3 when minimalistic), stride, whether it has squeeze-and-excitation (when not minimalistic) and
    /// whether it uses the model's activation (else ReLU).</summary>
    internal readonly record struct BlockSpec(double Expansion, int Filters, int Kernel, int Stride, bool Se,
        bool ModelActivation);

    /// <summary>Builds MobileNetV3 (Keras' <c>MobileNetV3</c> function).</summary>
    internal static Functional Build(BlockSpec[] stack, int lastPointChannels, string modelType, int?[]? inputShape,
        double alpha, bool minimalistic, bool includeTop, string? weights, KerasTensor? inputTensor, int classes,
        string? pooling, double dropoutRate, string? classifierActivation, bool includePreprocessing, string name)
    {
        ApplicationArguments.Validate(weights, includeTop, classes, pooling);
        if (inputShape is { Length: 3 } && inputTensor is not null && inputTensor.Shape[2] != inputShape[1])
        {
            throw new ArgumentException(
                $"input_shape[1] must equal input_tensor.shape[2].  Received input_shape=" +
                $"{PythonText.Tuple(inputShape)}, input_tensor.shape={PythonText.Tuple(inputTensor.Shape)}",
                nameof(inputShape));
        }
        // Keras' own shape rules (not obtain_input_shape): any size with the top, (cols, rows, 3) from a tensor.
        int?[] shape = inputShape
            ?? (inputTensor is null ? [null, null, 3] : [inputTensor.Shape[2], inputTensor.Shape[1], 3]);
        int? rows = shape[0];
        int? cols = shape[1];
        if (rows is not null && cols is not null && (rows < 32 || cols < 32))
        {
            throw new ArgumentException("Input size must be at least 32x32; Received `input_shape=" +
                $"{PythonText.Tuple(shape)}`", nameof(inputShape));
        }
        if (weights == ApplicationArguments.ImageNet)
        {
            if ((!minimalistic && alpha is not (0.75 or 1.0)) || (minimalistic && alpha != 1.0))
            {
                throw new ArgumentException("If imagenet weights are being loaded, alpha can be one of `0.75`, " +
                    "`1.0` for non minimalistic or `1.0` for minimalistic only.", nameof(alpha));
            }
            if (rows != cols || rows != 224)
            {
                ApplicationArguments.Warn("`input_shape` is undefined or non-square, or `rows` is not 224. " +
                    "Weights for input shape (224, 224) will be loaded as the default.");
            }
        }
        KerasTensor imageInput = ApplicationArguments.ImageInput(inputTensor, shape);
        int kernel = minimalistic ? 3 : 5;
        Func<KerasTensor, KerasTensor> activation = minimalistic ? Relu : HardSwish;
        bool useSe = !minimalistic;

        KerasTensor x = imageInput;
        if (includePreprocessing)
        {
            x = new Rescaling(1.0 / 127.5, offset: -1.0).Call(x);
        }
        x = new Conv2D(16, 3, strides: 2, padding: "same", useBias: false, name: "conv").Call(x);
        x = BatchNorm("conv_bn").Call(x);
        x = activation(x);
        for (int i = 0; i < stack.Length; i++)
        {
            BlockSpec b = stack[i];
            x = InvertedResBlock(x, b.Expansion, Depth(b.Filters * alpha), b.Kernel == 0 ? kernel : b.Kernel,
                b.Stride, b.Se && useSe, b.ModelActivation ? activation : Relu, blockId: i);
        }

        int lastConvChannels = Depth(x.Shape[-1]!.Value * 6);
        if (alpha > 1.0)
        {
            lastPointChannels = Depth(lastPointChannels * alpha);
        }
        x = new Conv2D(lastConvChannels, 1, padding: "same", useBias: false, name: "conv_1").Call(x);
        x = BatchNorm("conv_1_bn").Call(x);
        x = activation(x);
        if (includeTop)
        {
            x = new GlobalAveragePooling2D(keepdims: true).Call(x);
            x = new Conv2D(lastPointChannels, 1, padding: "same", useBias: true, name: "conv_2").Call(x);
            x = activation(x);
            if (dropoutRate > 0)
            {
                x = new Dropout(dropoutRate).Call(x);
            }
            x = new Conv2D(classes, 1, padding: "same", name: "logits").Call(x);
            x = new Flatten().Call(x);
            ActivationFunction top = ApplicationArguments.ClassifierActivation(classifierActivation, weights);
            x = new Activation(top, name: "predictions").Call(x);
        }
        else
        {
            x = ApplicationArguments.Pool(x, pooling, avgName: "avg_pool", maxName: "max_pool");
        }
        Functional model = ApplicationArguments.CreateModel(inputTensor, imageInput, x, name);
        PretrainedWeights.Load(model, weights, () =>
        {
            string modelName = $"{modelType}{(minimalistic ? "_minimalistic" : "")}_224_{PythonText.Float(alpha)}_float";
            (string top, string noTop) = _hashes[modelName];
            string fileName = includeTop
                ? $"weights_mobilenet_v3_{modelName}.h5"
                : $"weights_mobilenet_v3_{modelName}_no_top_v2.h5";
            return WeightsFile.InKerasApplications("mobilenet_v3", fileName, includeTop ? top : noTop);
        });
        return model;
    }

    /// <summary>Keras' <c>_depth</c>: the same rounding as MobileNetV2's <c>_make_divisible</c>, divisor 8.</summary>
    internal static int Depth(double value) => MobileNetV2.MakeDivisible(value, 8);

    private static BatchNormalization BatchNorm(string name) =>
        new(axis: -1, epsilon: 1e-3, momentum: 0.999, name: name);

    // Keras' relu and hard_swish helpers: unnamed layers (Keras' automatic names).
    private static KerasTensor Relu(KerasTensor x) => new ReLU().Call(x);

    private static KerasTensor HardSwish(KerasTensor x) => new Activation("hard_swish").Call(x);

    private static KerasTensor SeBlock(KerasTensor inputs, int filters, double seRatio, string prefix)
    {
        KerasTensor x = new GlobalAveragePooling2D(keepdims: true, name: $"{prefix}squeeze_excite_avg_pool")
            .Call(inputs);
        x = new Conv2D(Depth(filters * seRatio), 1, padding: "same", name: $"{prefix}squeeze_excite_conv").Call(x);
        x = new ReLU(name: $"{prefix}squeeze_excite_relu").Call(x);
        x = new Conv2D(filters, 1, padding: "same", name: $"{prefix}squeeze_excite_conv_1").Call(x);
        // Keras writes relu6(x + 3) / 6 with a ReLU layer and two tensor operations; the same function as one
        // weightless layer.
        x = new Activation("hard_sigmoid").Call(x);
        return new Multiply(name: $"{prefix}squeeze_excite_mul").Call([inputs, x]);
    }

    private static KerasTensor InvertedResBlock(KerasTensor x, double expansion, int filters, int kernelSize,
        int stride, bool se, Func<KerasTensor, KerasTensor> activation, int blockId)
    {
        KerasTensor shortcut = x;
        string prefix = "expanded_conv_";
        int inFilters = x.Shape[-1]!.Value;
        if (blockId != 0)
        {
            prefix = $"expanded_conv_{blockId}_";
            x = new Conv2D(Depth(inFilters * expansion), 1, padding: "same", useBias: false, name: $"{prefix}expand")
                .Call(x);
            x = BatchNorm($"{prefix}expand_bn").Call(x);
            x = activation(x);
        }
        if (stride == 2)
        {
            x = new ZeroPadding2D(InputShapes.CorrectPad(x, kernelSize), name: $"{prefix}depthwise_pad").Call(x);
        }
        x = new DepthwiseConv2D(kernelSize, strides: stride, padding: stride == 1 ? "same" : "valid", useBias: false,
            name: $"{prefix}depthwise").Call(x);
        x = BatchNorm($"{prefix}depthwise_bn").Call(x);
        x = activation(x);
        if (se)
        {
            x = SeBlock(x, Depth(inFilters * expansion), 0.25, prefix);
        }
        x = new Conv2D(filters, 1, padding: "same", useBias: false, name: $"{prefix}project").Call(x);
        x = BatchNorm($"{prefix}project_bn").Call(x);
        return stride == 1 && inFilters == filters
            ? new Add(name: $"{prefix}add").Call([shortcut, x])
            : x;
    }
}
