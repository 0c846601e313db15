using Keras.Layers;

namespace Keras.Applications;

/// <summary>The InceptionV3 builder (Keras' <c>inception_v3.py</c>). Its convolutions, batch normalizations and
/// activations have Keras' automatic names (<c>conv2d</c>, <c>batch_normalization_1</c>, ...), as in Keras, and the
/// mixed blocks are named <c>mixed0</c>..<c>mixed10</c>.</summary>
internal static class InceptionV3Builder
{
    /// <summary>Builds InceptionV3.</summary>
    internal static Functional Build(bool includeTop, string? weights, KerasTensor? inputTensor, int?[]? inputShape,
        string? pooling, int classes, string? classifierActivation, string name)
    {
        ApplicationArguments.Validate(weights, includeTop, classes, pooling);
        int?[] shape = InputShapes.Obtain(inputShape, defaultSize: 299, minSize: 75, requireFlatten: includeTop,
            weights, ApplicationArguments.Warn);
        KerasTensor imageInput = ApplicationArguments.ImageInput(inputTensor, shape);

        KerasTensor x = ConvBn(imageInput, 32, 3, 3, strides: 2, padding: "valid");
        x = ConvBn(x, 32, 3, 3, padding: "valid");
        x = ConvBn(x, 64, 3, 3);
        x = new MaxPooling2D((3, 3), strides: (2, 2)).Call(x);
        x = ConvBn(x, 80, 1, 1, padding: "valid");
        x = ConvBn(x, 192, 3, 3, padding: "valid");
        x = new MaxPooling2D((3, 3), strides: (2, 2)).Call(x);

        // mixed 0, 1, 2: 35 x 35 x 256/288/288
        for (int i = 0; i < 3; i++)
        {
            KerasTensor branch1x1 = ConvBn(x, 64, 1, 1);
            KerasTensor branch5x5 = ConvBn(ConvBn(x, 48, 1, 1), 64, 5, 5);
            KerasTensor branch3x3dbl = ConvBn(ConvBn(ConvBn(x, 64, 1, 1), 96, 3, 3), 96, 3, 3);
            KerasTensor branchPool = ConvBn(AveragePool3x3(x), i == 0 ? 32 : 64, 1, 1);
            x = Concat([branch1x1, branch5x5, branch3x3dbl, branchPool], $"mixed{i}");
        }

        // mixed 3: 17 x 17 x 768
        {
            KerasTensor branch3x3 = ConvBn(x, 384, 3, 3, strides: 2, padding: "valid");
            KerasTensor branch3x3dbl = ConvBn(ConvBn(ConvBn(x, 64, 1, 1), 96, 3, 3), 96, 3, 3, strides: 2,
                padding: "valid");
            KerasTensor branchPool = new MaxPooling2D((3, 3), strides: (2, 2)).Call(x);
            x = Concat([branch3x3, branch3x3dbl, branchPool], "mixed3");
        }

        // mixed 4, 5, 6, 7: 17 x 17 x 768
        int[] width7x7 = [128, 160, 160, 192];
        for (int i = 0; i < 4; i++)
        {
            int f = width7x7[i];
            KerasTensor branch1x1 = ConvBn(x, 192, 1, 1);
            KerasTensor branch7x7 = ConvBn(ConvBn(ConvBn(x, f, 1, 1), f, 1, 7), 192, 7, 1);
            KerasTensor branch7x7dbl = ConvBn(x, f, 1, 1);
            branch7x7dbl = ConvBn(branch7x7dbl, f, 7, 1);
            branch7x7dbl = ConvBn(branch7x7dbl, f, 1, 7);
            branch7x7dbl = ConvBn(branch7x7dbl, f, 7, 1);
            branch7x7dbl = ConvBn(branch7x7dbl, 192, 1, 7);
            KerasTensor branchPool = ConvBn(AveragePool3x3(x), 192, 1, 1);
            x = Concat([branch1x1, branch7x7, branch7x7dbl, branchPool], $"mixed{i + 4}");
        }

        // mixed 8: 8 x 8 x 1280
        {
            KerasTensor branch3x3 = ConvBn(ConvBn(x, 192, 1, 1), 320, 3, 3, strides: 2, padding: "valid");
            KerasTensor branch7x7x3 = ConvBn(ConvBn(ConvBn(x, 192, 1, 1), 192, 1, 7), 192, 7, 1);
            branch7x7x3 = ConvBn(branch7x7x3, 192, 3, 3, strides: 2, padding: "valid");
            KerasTensor branchPool = new MaxPooling2D((3, 3), strides: (2, 2)).Call(x);
            x = Concat([branch3x3, branch7x7x3, branchPool], "mixed8");
        }

        // mixed 9, 10: 8 x 8 x 2048
        for (int i = 0; i < 2; i++)
        {
            KerasTensor branch1x1 = ConvBn(x, 320, 1, 1);
            KerasTensor branch3x3 = ConvBn(x, 384, 1, 1);
            KerasTensor branch3x3First = ConvBn(branch3x3, 384, 1, 3);
            KerasTensor branch3x3Second = ConvBn(branch3x3, 384, 3, 1);
            branch3x3 = Concat([branch3x3First, branch3x3Second], $"mixed9_{i}");
            KerasTensor branch3x3dbl = ConvBn(ConvBn(x, 448, 1, 1), 384, 3, 3);
            KerasTensor branch3x3dblFirst = ConvBn(branch3x3dbl, 384, 1, 3);
            KerasTensor branch3x3dblSecond = ConvBn(branch3x3dbl, 384, 3, 1);
            branch3x3dbl = Concat([branch3x3dblFirst, branch3x3dblSecond], name: null);
            KerasTensor branchPool = ConvBn(AveragePool3x3(x), 192, 1, 1);
            x = Concat([branch1x1, branch3x3, branch3x3dbl, branchPool], $"mixed{9 + i}");
        }

        if (includeTop)
        {
            x = new GlobalAveragePooling2D(name: "avg_pool").Call(x);
            ActivationFunction activation = ApplicationArguments.ClassifierActivation(classifierActivation, weights);
            x = new Dense(classes, activation: activation, name: "predictions").Call(x);
        }
        else
        {
            x = ApplicationArguments.Pool(x, pooling);
        }
        Functional model = ApplicationArguments.CreateModel(inputTensor, imageInput, x, name);
        PretrainedWeights.Load(model, weights, () => includeTop
            ? WeightsFile.InKerasApplications("inception_v3", "inception_v3_weights_tf_dim_ordering_tf_kernels.h5",
                "9a0d58056eeedaa3f26cb7ebd46da564")
            : WeightsFile.InKerasApplications("inception_v3",
                "inception_v3_weights_tf_dim_ordering_tf_kernels_notop.h5", "bcbd6486424b2319ff4ef7d526e38f63"));
        return model;
    }

    // Keras' conv2d_bn: a bias-free convolution, a batch normalization without scale, and a ReLU.
    private static KerasTensor ConvBn(KerasTensor x, int filters, int rows, int cols, int strides = 1,
        string padding = "same")
    {
        x = new Conv2D(filters, [rows, cols], strides: strides, padding: padding, useBias: false).Call(x);
        x = new BatchNormalization(axis: 3, scale: false).Call(x);
        return new Activation("relu").Call(x);
    }

    private static KerasTensor AveragePool3x3(KerasTensor x) =>
        new AveragePooling2D((3, 3), strides: (1, 1), padding: "same").Call(x);

    private static KerasTensor Concat(IReadOnlyList<KerasTensor> branches, string? name) =>
        new Concatenate(axis: 3, name: name).Call(branches);
}
