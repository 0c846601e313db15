using Keras.Layers;

namespace Keras.Applications;

/// <summary>The DenseNet builder (Keras' <c>densenet.py</c> <c>DenseNet</c>, <c>dense_block</c>,
/// <c>transition_block</c> and <c>conv_block</c>), with Keras' layer names.</summary>
internal static class DenseNetBuilder
{
    private const double Epsilon = 1.001e-5;
    private const int GrowthRate = 32;

    /// <summary>Builds a DenseNet from the number of building blocks in each of the four dense blocks.</summary>
    internal static Functional Build(int[] blocks, string modelName, bool includeTop, string? weights,
        KerasTensor? inputTensor, int?[]? inputShape, string? pooling, int classes, string? classifierActivation,
        string name, (string Top, string NoTop) hashes)
    {
        ApplicationArguments.Validate(weights, includeTop, classes, pooling);
        int?[] shape = InputShapes.Obtain(inputShape, defaultSize: 224, minSize: 32, requireFlatten: includeTop,
            weights, ApplicationArguments.Warn);
        KerasTensor imageInput = ApplicationArguments.ImageInput(inputTensor, shape);

        KerasTensor x = new ZeroPadding2D(((3, 3), (3, 3))).Call(imageInput);
        x = new Conv2D(64, 7, strides: 2, useBias: false, name: "conv1_conv").Call(x);
        x = new BatchNormalization(axis: 3, epsilon: Epsilon, name: "conv1_bn").Call(x);
        x = new Activation("relu", name: "conv1_relu").Call(x);
        x = new ZeroPadding2D(((1, 1), (1, 1))).Call(x);
        x = new MaxPooling2D(3, strides: 2, name: "pool1").Call(x);
        for (int i = 0; i < 4; i++)
        {
            x = DenseBlock(x, blocks[i], $"conv{i + 2}");
            if (i < 3)
            {
                x = TransitionBlock(x, 0.5, $"pool{i + 2}");
            }
        }
        x = new BatchNormalization(axis: 3, epsilon: Epsilon, name: "bn").Call(x);
        x = new Activation("relu", name: "relu").Call(x);
        if (includeTop)
        {
            x = new GlobalAveragePooling2D(name: "avg_pool").Call(x);
            ActivationFunction activation = ApplicationArguments.ClassifierActivation(classifierActivation, weights);
            x = new Dense(classes, activation: activation, name: "predictions").Call(x);
        }
        else
        {
            x = ApplicationArguments.Pool(x, pooling, "avg_pool", "max_pool");
        }
        Functional model = ApplicationArguments.CreateModel(inputTensor, imageInput, x, name);
        PretrainedWeights.Load(model, weights, () =>
        {
            string suffix = includeTop ? "" : "_notop";
            return WeightsFile.InKerasApplications("densenet",
                $"{modelName}_weights_tf_dim_ordering_tf_kernels{suffix}.h5", includeTop ? hashes.Top : hashes.NoTop);
        });
        return model;
    }

    private static KerasTensor DenseBlock(KerasTensor x, int blocks, string name)
    {
        for (int i = 1; i <= blocks; i++)
        {
            x = ConvBlock(x, $"{name}_block{i}");
        }
        return x;
    }

    private static KerasTensor TransitionBlock(KerasTensor x, double reduction, string name)
    {
        x = new BatchNormalization(axis: 3, epsilon: Epsilon, name: $"{name}_bn").Call(x);
        x = new Activation("relu", name: $"{name}_relu").Call(x);
        int filters = (int)(x.Shape[3]!.Value * reduction);
        x = new Conv2D(filters, 1, useBias: false, name: $"{name}_conv").Call(x);
        return new AveragePooling2D(2, strides: 2, name: $"{name}_pool").Call(x);
    }

    private static KerasTensor ConvBlock(KerasTensor x, string name)
    {
        KerasTensor x1 = new BatchNormalization(axis: 3, epsilon: Epsilon, name: $"{name}_0_bn").Call(x);
        x1 = new Activation("relu", name: $"{name}_0_relu").Call(x1);
        x1 = new Conv2D(4 * GrowthRate, 1, useBias: false, name: $"{name}_1_conv").Call(x1);
        x1 = new BatchNormalization(axis: 3, epsilon: Epsilon, name: $"{name}_1_bn").Call(x1);
        x1 = new Activation("relu", name: $"{name}_1_relu").Call(x1);
        x1 = new Conv2D(GrowthRate, 3, padding: "same", useBias: false, name: $"{name}_2_conv").Call(x1);
        return new Concatenate(axis: 3, name: $"{name}_concat").Call([x, x1]);
    }
}
