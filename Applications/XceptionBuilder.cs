using Keras.Layers;

namespace Keras.Applications;

/// <summary>The Xception builder (Keras' <c>xception.py</c>). The residual convolutions, their batch normalizations
/// and the additions have Keras' automatic names, as in Keras.</summary>
internal static class XceptionBuilder
{
    /// <summary>Builds Xception.</summary>
    internal static Functional Build(bool includeTop, string? weights, KerasTensor? inputTensor, int?[]? inputShape,
        string? pooling, int classes, string? classifierActivation, string name)
    {
        ApplicationArguments.Validate(weights, includeTop, classes, pooling);
        int?[] shape = InputShapes.Obtain(inputShape, defaultSize: 299, minSize: 71, requireFlatten: includeTop,
            weights, ApplicationArguments.Warn);
        KerasTensor imageInput = ApplicationArguments.ImageInput(inputTensor, shape);

        KerasTensor x = new Conv2D(32, 3, strides: 2, useBias: false, name: "block1_conv1").Call(imageInput);
        x = new BatchNormalization(name: "block1_conv1_bn").Call(x);
        x = new Activation("relu", name: "block1_conv1_act").Call(x);
        x = new Conv2D(64, 3, useBias: false, name: "block1_conv2").Call(x);
        x = new BatchNormalization(name: "block1_conv2_bn").Call(x);
        x = new Activation("relu", name: "block1_conv2_act").Call(x);

        // Entry flow: blocks 2-4 (block 2 starts without an activation).
        int[] entryFilters = [128, 256, 728];
        for (int i = 0; i < 3; i++)
        {
            int block = i + 2;
            KerasTensor residual = Residual(x, entryFilters[i]);
            if (block > 2)
            {
                x = new Activation("relu", name: $"block{block}_sepconv1_act").Call(x);
            }
            x = SepConvBn(x, entryFilters[i], $"block{block}_sepconv1");
            x = new Activation("relu", name: $"block{block}_sepconv2_act").Call(x);
            x = SepConvBn(x, entryFilters[i], $"block{block}_sepconv2");
            x = new MaxPooling2D((3, 3), strides: (2, 2), padding: "same", name: $"block{block}_pool").Call(x);
            x = new Add().Call([x, residual]);
        }

        // Middle flow: blocks 5-12.
        for (int block = 5; block <= 12; block++)
        {
            KerasTensor residual = x;
            for (int conv = 1; conv <= 3; conv++)
            {
                x = new Activation("relu", name: $"block{block}_sepconv{conv}_act").Call(x);
                x = SepConvBn(x, 728, $"block{block}_sepconv{conv}");
            }
            x = new Add().Call([x, residual]);
        }

        // Exit flow: block 13, then block 14 without a residual.
        {
            KerasTensor residual = Residual(x, 1024);
            x = new Activation("relu", name: "block13_sepconv1_act").Call(x);
            x = SepConvBn(x, 728, "block13_sepconv1");
            x = new Activation("relu", name: "block13_sepconv2_act").Call(x);
            x = SepConvBn(x, 1024, "block13_sepconv2");
            x = new MaxPooling2D((3, 3), strides: (2, 2), padding: "same", name: "block13_pool").Call(x);
            x = new Add().Call([x, residual]);
        }
        x = SepConvBn(x, 1536, "block14_sepconv1");
        x = new Activation("relu", name: "block14_sepconv1_act").Call(x);
        x = SepConvBn(x, 2048, "block14_sepconv2");
        x = new Activation("relu", name: "block14_sepconv2_act").Call(x);

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
            ? WeightsFile.InKerasApplications("xception", "xception_weights_tf_dim_ordering_tf_kernels.h5",
                "0a58e3b7378bc2990ea3b43d5981f1f6")
            : WeightsFile.InKerasApplications("xception", "xception_weights_tf_dim_ordering_tf_kernels_notop.h5",
                "b0042744bf5b25fce3cb969f33bebb97"));
        return model;
    }

    private static KerasTensor Residual(KerasTensor x, int filters)
    {
        KerasTensor residual = new Conv2D(filters, 1, strides: 2, padding: "same", useBias: false).Call(x);
        return new BatchNormalization().Call(residual);
    }

    private static KerasTensor SepConvBn(KerasTensor x, int filters, string name)
    {
        x = new SeparableConv2D(filters, 3, padding: "same", useBias: false, name: name).Call(x);
        return new BatchNormalization(name: $"{name}_bn").Call(x);
    }
}
