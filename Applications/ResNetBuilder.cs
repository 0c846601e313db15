using Keras.Layers;

namespace Keras.Applications;

/// <summary>The ResNet and ResNetV2 builder (Keras' <c>resnet.py</c> <c>ResNet</c>, <c>residual_block_v1/v2</c> and
/// <c>stack_residual_blocks_v1/v2</c>), with Keras' layer names.</summary>
internal static class ResNetBuilder
{
    private const double Epsilon = 1.001e-5;

    /// <summary>Builds a ResNet (<paramref name="preact"/> false) or ResNetV2 (true) from the number of blocks in each
    /// of the four stacks <c>conv2</c>..<c>conv5</c>.</summary>
    internal static Functional Build(int[] blocks, bool preact, string modelName, bool includeTop, string? weights,
        KerasTensor? inputTensor, int?[]? inputShape, string? pooling, int classes, string? classifierActivation,
        string name, (string Top, string NoTop) hashes)
    {
        ApplicationArguments.Validate(weights, includeTop, classes, pooling);
        int?[] shape = InputShapes.Obtain(inputShape, defaultSize: 224, minSize: 32, requireFlatten: includeTop,
            weights, ApplicationArguments.Warn);
        KerasTensor imageInput = ApplicationArguments.ImageInput(inputTensor, shape);

        KerasTensor x = new ZeroPadding2D(((3, 3), (3, 3)), name: "conv1_pad").Call(imageInput);
        x = new Conv2D(64, 7, strides: 2, useBias: true, name: "conv1_conv").Call(x);
        if (!preact)
        {
            x = new BatchNormalization(axis: 3, epsilon: Epsilon, name: "conv1_bn").Call(x);
            x = new Activation("relu", name: "conv1_relu").Call(x);
        }
        x = new ZeroPadding2D(((1, 1), (1, 1)), name: "pool1_pad").Call(x);
        x = new MaxPooling2D(3, strides: 2, name: "pool1_pool").Call(x);

        int[] filters = [64, 128, 256, 512];
        for (int stack = 0; stack < 4; stack++)
        {
            string stackName = $"conv{stack + 2}";
            x = preact
                ? StackV2(x, filters[stack], blocks[stack], stride1: stack == 3 ? 1 : 2, stackName)
                : StackV1(x, filters[stack], blocks[stack], stride1: stack == 0 ? 1 : 2, stackName);
        }
        if (preact)
        {
            x = new BatchNormalization(axis: 3, epsilon: Epsilon, name: "post_bn").Call(x);
            x = new Activation("relu", name: "post_relu").Call(x);
        }
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
            return WeightsFile.InKerasApplications("resnet",
                $"{modelName}_weights_tf_dim_ordering_tf_kernels{suffix}.h5", includeTop ? hashes.Top : hashes.NoTop);
        });
        return model;
    }

    private static KerasTensor StackV1(KerasTensor x, int filters, int blocks, int stride1, string name)
    {
        x = BlockV1(x, filters, stride1, convShortcut: true, $"{name}_block1");
        for (int i = 2; i <= blocks; i++)
        {
            x = BlockV1(x, filters, 1, convShortcut: false, $"{name}_block{i}");
        }
        return x;
    }

    private static KerasTensor BlockV1(KerasTensor x, int filters, int stride, bool convShortcut, string name)
    {
        KerasTensor shortcut = x;
        if (convShortcut)
        {
            shortcut = new Conv2D(4 * filters, 1, strides: stride, name: $"{name}_0_conv").Call(x);
            shortcut = new BatchNormalization(axis: 3, epsilon: Epsilon, name: $"{name}_0_bn").Call(shortcut);
        }
        x = new Conv2D(filters, 1, strides: stride, name: $"{name}_1_conv").Call(x);
        x = new BatchNormalization(axis: 3, epsilon: Epsilon, name: $"{name}_1_bn").Call(x);
        x = new Activation("relu", name: $"{name}_1_relu").Call(x);
        x = new Conv2D(filters, 3, padding: "same", name: $"{name}_2_conv").Call(x);
        x = new BatchNormalization(axis: 3, epsilon: Epsilon, name: $"{name}_2_bn").Call(x);
        x = new Activation("relu", name: $"{name}_2_relu").Call(x);
        x = new Conv2D(4 * filters, 1, name: $"{name}_3_conv").Call(x);
        x = new BatchNormalization(axis: 3, epsilon: Epsilon, name: $"{name}_3_bn").Call(x);
        x = new Add(name: $"{name}_add").Call([shortcut, x]);
        return new Activation("relu", name: $"{name}_out").Call(x);
    }

    private static KerasTensor StackV2(KerasTensor x, int filters, int blocks, int stride1, string name)
    {
        x = BlockV2(x, filters, 1, convShortcut: true, $"{name}_block1");
        for (int i = 2; i < blocks; i++)
        {
            x = BlockV2(x, filters, 1, convShortcut: false, $"{name}_block{i}");
        }
        return BlockV2(x, filters, stride1, convShortcut: false, $"{name}_block{blocks}");
    }

    private static KerasTensor BlockV2(KerasTensor x, int filters, int stride, bool convShortcut, string name)
    {
        KerasTensor preact = new BatchNormalization(axis: 3, epsilon: Epsilon, name: $"{name}_preact_bn").Call(x);
        preact = new Activation("relu", name: $"{name}_preact_relu").Call(preact);
        KerasTensor shortcut = convShortcut
            ? new Conv2D(4 * filters, 1, strides: stride, name: $"{name}_0_conv").Call(preact)
            : stride > 1 ? new MaxPooling2D(1, strides: stride).Call(x) : x;
        x = new Conv2D(filters, 1, strides: 1, useBias: false, name: $"{name}_1_conv").Call(preact);
        x = new BatchNormalization(axis: 3, epsilon: Epsilon, name: $"{name}_1_bn").Call(x);
        x = new Activation("relu", name: $"{name}_1_relu").Call(x);
        x = new ZeroPadding2D(((1, 1), (1, 1)), name: $"{name}_2_pad").Call(x);
        x = new Conv2D(filters, 3, strides: stride, useBias: false, name: $"{name}_2_conv").Call(x);
        x = new BatchNormalization(axis: 3, epsilon: Epsilon, name: $"{name}_2_bn").Call(x);
        x = new Activation("relu", name: $"{name}_2_relu").Call(x);
        x = new Conv2D(4 * filters, 1, name: $"{name}_3_conv").Call(x);
        return new Add(name: $"{name}_out").Call([shortcut, x]);
    }
}
