using Keras.Layers;

namespace Keras.Applications;

/// <summary>The ConvNeXt builder (Keras' <c>convnext.py</c> <c>ConvNeXt</c>, <c>ConvNeXtBlock</c>, <c>PreStem</c> and
/// <c>Head</c>), with Keras' layer names and order.</summary>
internal static class ConvNeXtBuilder
{
    private const string WeightsBase = "https://storage.googleapis.com/tensorflow/keras-applications/convnext/";
    private const double LayerScaleInitValue = 1e-6;

    /// <summary>Builds ConvNeXt (Keras' <c>ConvNeXt</c> function; drop path rate 0, as all Keras variants).</summary>
    internal static Functional Build(int[] depths, int[] projectionDims, (string Top, string NoTop) hashes,
        bool includeTop, bool includePreprocessing, string? weights, KerasTensor? inputTensor, int?[]? inputShape,
        string? pooling, int classes, string? classifierActivation, string name)
    {
        ApplicationArguments.Validate(weights, includeTop, classes, pooling);
        int?[] shape = InputShapes.Obtain(inputShape, 224, minSize: 32, requireFlatten: includeTop, weights,
            ApplicationArguments.Warn);
        KerasTensor imageInput = ApplicationArguments.ImageInput(inputTensor, shape);
        // As Keras, the model starts from the first source input of the given tensor.
        KerasTensor inputs = inputTensor is null ? imageInput : ApplicationArguments.SourceInputs(inputTensor)[0];

        KerasTensor x = inputs;
        if (includePreprocessing && shape[2] == 3)
        {
            // Keras' PreStem: ImageNet-1k mean and standard deviation, in [0, 255] units.
            x = new Normalization(mean: [0.485 * 255, 0.456 * 255, 0.406 * 255],
                variance: [Math.Pow(0.229 * 255, 2), Math.Pow(0.224 * 255, 2), Math.Pow(0.225 * 255, 2)],
                name: name + "_prestem_normalization").Call(x);
        }

        var downsampling = new List<Sequential>
        {
            new([
                new Conv2D(projectionDims[0], 4, strides: 4, name: name + "_stem_conv"),
                new LayerNormalization(epsilon: 1e-6, name: name + "_stem_layernorm"),
            ], name + "_stem"),
        };
        for (int i = 0; i < 3; i++)
        {
            downsampling.Add(new([
                new LayerNormalization(epsilon: 1e-6, name: $"{name}_downsampling_layernorm_{i}"),
                new Conv2D(projectionDims[i + 1], 2, strides: 2, name: $"{name}_downsampling_conv_{i}"),
            ], $"{name}_downsampling_block_{i}"));
        }

        for (int i = 0; i < depths.Length; i++)
        {
            x = downsampling[i].Call(x);
            for (int j = 0; j < depths[i]; j++)
            {
                x = Block(x, projectionDims[i], $"{name}_stage_{i}_block_{j}");
            }
        }

        if (includeTop)
        {
            ActivationFunction activation = ApplicationArguments.ClassifierActivation(classifierActivation, weights);
            x = new GlobalAveragePooling2D(name: name + "_head_gap").Call(x);
            x = new LayerNormalization(epsilon: 1e-6, name: name + "_head_layernorm").Call(x);
            x = new Dense(classes, activation: activation, name: name + "_head_dense").Call(x);
        }
        else
        {
            x = ApplicationArguments.Pool(x, pooling);
            // Keras normalizes the features with or without pooling (the head's LayerNormalization).
            x = new LayerNormalization(epsilon: 1e-6).Call(x);
        }
        Functional model = new(inputs, x, name);
        PretrainedWeights.Load(model, weights, () =>
        {
            string fileName = name + (includeTop ? ".h5" : "_notop.h5");
            return new WeightsFile(fileName, WeightsBase + fileName, includeTop ? hashes.Top : hashes.NoTop);
        });
        return model;
    }

    /// <summary>Keras' <c>ConvNeXtBlock</c> with drop path rate 0: an identity <see cref="Activation"/> instead of
    /// <see cref="StochasticDepth"/>.</summary>
    private static KerasTensor Block(KerasTensor inputs, int projectionDim, string name)
    {
        KerasTensor x = new Conv2D(projectionDim, 7, padding: "same", groups: projectionDim,
            name: name + "_depthwise_conv").Call(inputs);
        x = new LayerNormalization(epsilon: 1e-6, name: name + "_layernorm").Call(x);
        x = new Dense(4 * projectionDim, name: name + "_pointwise_conv_1").Call(x);
        x = new Activation("gelu", name: name + "_gelu").Call(x);
        x = new Dense(projectionDim, name: name + "_pointwise_conv_2").Call(x);
        x = new LayerScale(LayerScaleInitValue, projectionDim, name: name + "_layer_scale").Call(x);
        x = new Activation("linear", name: name + "_identity").Call(x);
        // Keras writes `inputs + x`.
        return new Add().Call([inputs, x]);
    }
}
