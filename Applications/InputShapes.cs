namespace Keras.Applications;

/// <summary>Keras' <c>imagenet_utils.obtain_input_shape</c> and <c>correct_pad</c> for channels-last images (the
/// only image layout Keras.Net's applications build).</summary>
internal static class InputShapes
{
    /// <summary>Computes and validates an application's input shape (without the batch axis).</summary>
    /// <param name="inputShape">The shape the user asked for, or <see langword="null"/> for the default.</param>
    /// <param name="defaultSize">The default height and width.</param>
    /// <param name="minSize">The smallest height and width the architecture accepts.</param>
    /// <param name="requireFlatten">Whether the top is included (the input must then be static).</param>
    /// <param name="weights">The <c>weights</c> argument; <c>"imagenet"</c> requires 3 channels.</param>
    /// <param name="warn">Receives Keras' warning about unusual channel counts.</param>
    /// <returns>The shape to build the model on; <see langword="null"/> entries are dynamic.</returns>
    /// <exception cref="ArgumentException">The shape does not suit the architecture or the weights.</exception>
    internal static int?[] Obtain(int?[]? inputShape, int defaultSize, int minSize, bool requireFlatten,
        string? weights, Action<string> warn)
    {
        int?[] defaultShape = [defaultSize, defaultSize, 3];
        if (weights != "imagenet" && inputShape is { Length: 3 })
        {
            if (inputShape[^1] is not (1 or 3))
            {
                warn("This model usually expects 1 or 3 input channels. However, it was passed an input_shape " +
                    $"with {PythonText.Int(inputShape[^1])} input channels.");
            }
            defaultShape = [defaultSize, defaultSize, inputShape[^1]];
        }
        if (weights == "imagenet" && requireFlatten)
        {
            if (inputShape is not null && !inputShape.SequenceEqual(defaultShape))
            {
                throw new ArgumentException(
                    "When setting `include_top=True` and loading `imagenet` weights, `input_shape` should be " +
                    $"{PythonText.Tuple(defaultShape)}.  Received: input_shape={PythonText.Tuple(inputShape)}",
                    nameof(inputShape));
            }
            return defaultShape;
        }
        if (inputShape is { Length: > 0 })
        {
            if (inputShape.Length != 3)
            {
                throw new ArgumentException("`input_shape` must be a tuple of three integers.", nameof(inputShape));
            }
            if (inputShape[^1] != 3 && weights == "imagenet")
            {
                throw new ArgumentException(
                    $"The input must have 3 channels; Received `input_shape={PythonText.Tuple(inputShape)}`",
                    nameof(inputShape));
            }
            if (inputShape[0] < minSize || inputShape[1] < minSize)
            {
                throw new ArgumentException(
                    $"Input size must be at least {minSize}x{minSize}; Received: " +
                    $"input_shape={PythonText.Tuple(inputShape)}", nameof(inputShape));
            }
        }
        else
        {
            inputShape = requireFlatten ? defaultShape : [null, null, 3];
        }
        if (requireFlatten && inputShape.Contains(null))
        {
            throw new ArgumentException(
                "If `include_top` is True, you should specify a static `input_shape`. " +
                $"Received: input_shape={PythonText.Tuple(inputShape)}", nameof(inputShape));
        }
        return (int?[])inputShape.Clone();
    }

    /// <summary>The zero padding that makes a strided <paramref name="kernelSize"/> convolution with "valid" padding
    /// match TensorFlow's "same" padding (Keras' <c>correct_pad</c>).</summary>
    /// <param name="inputs">The tensor to pad (batch, height, width, channels).</param>
    /// <param name="kernelSize">The square kernel size.</param>
    /// <returns>((top, bottom), (left, right)).</returns>
    internal static ((int Top, int Bottom) Rows, (int Left, int Right) Cols) CorrectPad(KerasTensor inputs,
        int kernelSize)
    {
        int? height = inputs.Shape[1];
        int? width = inputs.Shape[2];
        (int rows, int cols) adjust = height is null ? (1, 1) : (1 - height.Value % 2, 1 - (width ?? 1) % 2);
        int correct = kernelSize / 2;
        return ((correct - adjust.rows, correct), (correct - adjust.cols, correct));
    }
}
