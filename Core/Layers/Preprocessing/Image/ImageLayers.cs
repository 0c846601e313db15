namespace Keras.Layers;

/// <summary>What the image preprocessing layers share (Keras' <c>BaseImagePreprocessingLayer</c>): argument checks,
/// data formats, unbatched inputs and the factor rules.</summary>
internal static class ImageLayers
{
    internal const string ChannelsLast = "channels_last";
    internal const string ChannelsFirst = "channels_first";

    private static readonly string[] FillModes = ["reflect", "wrap", "constant", "nearest"];
    private static readonly string[] AffineInterpolations = ["nearest", "bilinear"];

    /// <summary>Keras' <c>standardize_data_format</c>: null means channels_last (Keras' default image format).</summary>
    internal static string DataFormat(string? dataFormat)
    {
        string format = dataFormat?.ToLowerInvariant() ?? ChannelsLast;
        if (format is not (ChannelsLast or ChannelsFirst))
        {
            throw new ArgumentException(
                "The `data_format` argument must be one of {\"channels_first\", \"channels_last\"}. " +
                $"Received: data_format={dataFormat}", nameof(dataFormat));
        }
        return format;
    }

    /// <summary>Runs a batched transform on a rank-4 batch or a rank-3 single image (as a batch of one).</summary>
    internal static Tensor PerBatch(Tensor inputs, Func<Tensor, Tensor> transform)
    {
        long rank = inputs.dim();
        if (rank is not (3 or 4))
        {
            throw new ArgumentException(
                "Expected image tensor to have rank 3 (single image) or 4 (batch of images). " +
                $"Received: data.shape={new Shape(inputs.shape)}", nameof(inputs));
        }
        return rank == 4 ? transform(inputs) : transform(inputs.unsqueeze(0)).squeeze(0);
    }

    /// <summary>Casts to the layers' compute dtype, float32 (Keras' augmentation layers output floats).</summary>
    internal static Tensor Float(Tensor x) => x.dtype == torch.ScalarType.Float32 ? x : x.to_type(torch.ScalarType.Float32);

    /// <summary>The input shape with its height and width replaced (rank 3 or 4, either data format).</summary>
    internal static Shape WithHeightWidth(Shape inputShape, int height, int width, bool channelsFirst)
    {
        int heightAxis = channelsFirst ? -2 : -3;
        if (inputShape.Rank < 3)
        {
            throw new ArgumentException(
                "Expected an image shape of rank 3 (single image) or 4 (batch of images). " +
                $"Received: input_shape={inputShape}", nameof(inputShape));
        }
        return inputShape.With(heightAxis, height).With(heightAxis + 1, width);
    }

    /// <summary>Keras' base <c>_set_factor</c>: a number f gives <c>[max(-|f|, min), |f|]</c>, a pair is sorted.</summary>
    internal static (double Lower, double Upper) BaseFactor(FactorRange factor, double min, double max)
    {
        var error = new ArgumentException(
            "The `factor` argument should be a number (or a list of two numbers) in the range " +
            $"[{Bound(min)}, {Bound(max)}]. Received: factor={factor}", nameof(factor));
        if (factor.InvalidLength is not null || double.IsNaN(factor.First) || double.IsNaN(factor.Second))
        {
            throw error;
        }
        if (factor.IsPair)
        {
            if (factor.First > max || factor.Second < min)
            {
                throw error;
            }
            return (Math.Min(factor.First, factor.Second), Math.Max(factor.First, factor.Second));
        }
        if (factor.First < min || factor.First > max)
        {
            throw error;
        }
        double f = Math.Abs(factor.First);
        return (Math.Max(-f, min), f);
    }

    /// <summary>RandomZoom's and RandomTranslation's <c>_set_factor</c>: every number in [-1, 1]; a number f gives
    /// <c>[-|f|, |f|]</c>, a pair is sorted.</summary>
    internal static (double Lower, double Upper) SymmetricFactor(FactorRange factor, string argument, string kerasName,
        string message)
    {
        if (factor.InvalidLength is not null)
        {
            throw new ArgumentException($"{message}Received: {kerasName}={factor}", argument);
        }
        foreach (double value in new[] { factor.First, factor.Second })
        {
            if (!(value >= -1.0 && value <= 1.0))
            {
                throw new ArgumentException(
                    $"{message}Received: {kerasName}={factor} (input_number={FactorRange.Format(value)})", argument);
            }
        }
        if (factor.IsPair)
        {
            return (Math.Min(factor.First, factor.Second), Math.Max(factor.First, factor.Second));
        }
        double f = Math.Abs(factor.First);
        return (-f, f);
    }

    /// <summary>Checks the fill mode and interpolation of the affine-transform layers.</summary>
    internal static void CheckAffineArguments(string fillMode, string interpolation)
    {
        if (!FillModes.Contains(fillMode))
        {
            throw new ArgumentException(
                $"Unknown `fill_mode` {fillMode}. Expected of one ('reflect', 'wrap', 'constant', 'nearest').",
                nameof(fillMode));
        }
        if (!AffineInterpolations.Contains(interpolation))
        {
            throw new ArgumentException(
                $"Unknown `interpolation` {interpolation}. Expected of one ('nearest', 'bilinear').",
                nameof(interpolation));
        }
    }

    /// <summary>Checks a <c>value_range</c> of two numbers.</summary>
    internal static (double Low, double High) ValueRange((double Low, double High) valueRange)
    {
        if (!double.IsFinite(valueRange.Low) || !double.IsFinite(valueRange.High))
        {
            throw new ArgumentException(
                "The `value_range` argument should be a list of two numbers. " +
                $"Received: value_range=[{FactorRange.Format(valueRange.Low)}, {FactorRange.Format(valueRange.High)}]",
                nameof(valueRange));
        }
        return valueRange;
    }

    /// <summary>Applies Keras' affine transforms (<c>(N, 8)</c>) to a channels_last or channels_first batch.</summary>
    internal static Tensor AffineTransform(Tensor images, Tensor transforms, string interpolation, string fillMode,
        double fillValue, bool channelsFirst)
    {
        var x = channelsFirst ? images.permute(0, 2, 3, 1) : images;
        var y = Ops.ImageAffineTransform(x, transforms, interpolation, fillMode, fillValue);
        return channelsFirst ? y.permute(0, 3, 1, 2) : y;
    }

    /// <summary>One value per image, as a flat float tensor on the images' device.</summary>
    internal static Tensor PerImage(Tensor values, Tensor images) =>
        values.to(images.device).to_type(torch.ScalarType.Float32).reshape(-1);

    /// <summary>The window of <paramref name="height"/> × <paramref name="width"/> pixels at
    /// (<paramref name="top"/>, <paramref name="left"/>) of each image.</summary>
    internal static Tensor Window(Tensor images, long top, long left, long height, long width, bool channelsFirst)
    {
        int heightAxis = channelsFirst ? 2 : 1;
        return images.narrow(heightAxis, top, height).narrow(heightAxis + 1, left, width);
    }

    /// <summary>(height, width) of a batch in the given format.</summary>
    internal static (long Height, long Width) Size(Tensor batch, bool channelsFirst) =>
        channelsFirst ? (batch.shape[2], batch.shape[3]) : (batch.shape[1], batch.shape[2]);

    /// <summary>numpy's <c>tolist()</c> of a flat array of the given shape: a number, a list, or nested lists.</summary>
    internal static object NestedLists(double[] values, int[] shape)
    {
        if (shape.Length == 0)
        {
            return values[0];
        }
        int stride = values.Length / Math.Max(shape[0], 1);
        return shape.Length == 1
            ? values.ToArray()
            : Enumerable.Range(0, shape[0])
                .Select(i => NestedLists(values.Skip(i * stride).Take(stride).ToArray(), shape[1..]))
                .ToList();
    }

    private static string Bound(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
