using Keras.Layers;

namespace Keras.Applications;

/// <summary>The VGG16/VGG19 builder (Keras' <c>vgg16.py</c>/<c>vgg19.py</c>): five blocks of 3×3 convolutions and
/// max pooling, then Flatten and three dense layers.</summary>
internal static class Vgg
{
    private static readonly int[] _filters = [64, 128, 256, 512, 512];

    /// <summary>Builds a VGG with <paramref name="convsPerBlock"/> convolutions in each of the five blocks.</summary>
    internal static Functional Build(int[] convsPerBlock, bool includeTop, string? weights, KerasTensor? inputTensor,
        int?[]? inputShape, string? pooling, int classes, string? classifierActivation, string name,
        Func<bool, WeightsFile> imageNetFile)
    {
        ApplicationArguments.Validate(weights, includeTop, classes, pooling);
        int?[] shape = InputShapes.Obtain(inputShape, defaultSize: 224, minSize: 32, requireFlatten: includeTop,
            weights, ApplicationArguments.Warn);
        KerasTensor imageInput = ApplicationArguments.ImageInput(inputTensor, shape);
        KerasTensor x = imageInput;
        for (int block = 1; block <= 5; block++)
        {
            for (int conv = 1; conv <= convsPerBlock[block - 1]; conv++)
            {
                x = new Conv2D(_filters[block - 1], 3, activation: "relu", padding: "same",
                    name: $"block{block}_conv{conv}").Call(x);
            }
            x = new MaxPooling2D((2, 2), strides: (2, 2), name: $"block{block}_pool").Call(x);
        }
        if (includeTop)
        {
            x = new Flatten(name: "flatten").Call(x);
            x = new Dense(4096, activation: "relu", name: "fc1").Call(x);
            x = new Dense(4096, activation: "relu", name: "fc2").Call(x);
            ActivationFunction activation = ApplicationArguments.ClassifierActivation(classifierActivation, weights);
            x = new Dense(classes, activation: activation, name: "predictions").Call(x);
        }
        else
        {
            x = ApplicationArguments.Pool(x, pooling);
        }
        Functional model = ApplicationArguments.CreateModel(inputTensor, imageInput, x, name);
        PretrainedWeights.Load(model, weights, () => imageNetFile(includeTop));
        return model;
    }
}
