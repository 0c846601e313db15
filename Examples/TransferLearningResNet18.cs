using Microsoft.ML.OnnxRuntime;

namespace Keras.Examples;

/// <summary>ML.NET's pretrained ResNet18 (Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1, copied next to the
/// binaries by eng/ResNet18Onnx.targets) and the preprocessing it was trained with.</summary>
/// <remarks>The package's <c>ResNetPreprocess.onnx</c> is <c>Split</c> (R, G, B) → <c>Concat</c> (B, G, R) →
/// <c>Sub</c> a per-pixel 3 × 224 × 224 mean image (about 114 everywhere), on pixels 0 to 255. <see cref="Preprocess"/>
/// does the same on NHWC images; at other sizes the mean image is resized bilinearly.</remarks>
internal static class TransferLearningResNet18
{
    /// <summary>The backbone: NCHW (1, 3, 224, 224) → (1, 512, 1, 1) pooled features, opset 8.</summary>
    internal static string ModelPath =>
        Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNet18Onnx", "ResNet18.onnx");

    /// <summary>The preprocessing graph.</summary>
    internal static string PreprocessPath =>
        Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNetPrepOnnx", "ResNetPreprocess.onnx");

    /// <summary>The mean image in BGR NHWC order, (1, size, size, 3): read by running the preprocessing graph on a
    /// black image (its output is then minus the mean), resized bilinearly when size is not 224.</summary>
    internal static Tensor MeanImage(int size)
    {
        using var session = new InferenceSession(PreprocessPath);
        var zeros = new float[3 * 224 * 224];
        using var input = OrtValue.CreateTensorValueFromMemory(zeros, [1, 3, 224, 224]);
        using var results = session.Run(new RunOptions(), session.InputNames, [input], session.OutputNames);
        using var scope = torch.NewDisposeScope();
        var mean = -torch.tensor(results[0].GetTensorDataAsSpan<float>().ToArray(), [1, 3, 224, 224]);
        if (size != 224)
        {
            mean = torch.nn.functional.interpolate(mean, [size, size], mode: torch.InterpolationMode.Bilinear,
                align_corners: false);
        }
        return mean.permute(0, 2, 3, 1).contiguous().MoveToOuterDisposeScope();
    }

    /// <summary>RGB NHWC pixels (0 to 255) → the network's input: BGR minus the mean image.</summary>
    internal static Tensor Preprocess(Tensor rgb, Tensor meanImage) => rgb.flip(3) - meanImage;

    /// <summary>Grayscale images (0 to 255) → RGB NHWC float images of size × size, resized bilinearly.</summary>
    internal static Tensor ToRgb(byte[,,] images, int start, int count, int size)
    {
        int height = images.GetLength(1), width = images.GetLength(2);
        var pixels = new float[count * height * width];
        for (int n = 0; n < count; n++)
        {
            for (int i = 0; i < height; i++)
            {
                for (int j = 0; j < width; j++)
                {
                    pixels[(n * height + i) * width + j] = images[start + n, i, j];
                }
            }
        }
        using var scope = torch.NewDisposeScope();
        var gray = torch.tensor(pixels, [count, 1, height, width]);
        var resized = torch.nn.functional.interpolate(gray, [size, size], mode: torch.InterpolationMode.Bilinear,
            align_corners: false);
        return resized.permute(0, 2, 3, 1).expand(-1, -1, -1, 3).contiguous().MoveToOuterDisposeScope();
    }
}
