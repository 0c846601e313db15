using static TorchSharp.torch;

namespace Keras;

public static partial class Ops
{
    /// <summary>Pads a tensor with a constant (<c>keras.ops.pad</c> in <c>"constant"</c> mode).</summary>
    /// <param name="x">The tensor.</param>
    /// <param name="padWidth">One (before, after) pair per axis of <paramref name="x"/>, outermost first.</param>
    /// <param name="constantValue">The fill value. Defaults to 0.</param>
    /// <returns>The padded tensor.</returns>
    /// <example><code>
    /// Tensor y = Ops.Pad(x, [(0, 0), (1, 2), (0, 0)]);   // (b, t, f) → (b, t + 3, f)
    /// </code></example>
    public static Tensor Pad(Tensor x, IReadOnlyList<(int Before, int After)> padWidth, double constantValue = 0)
    {
        ArgumentNullException.ThrowIfNull(padWidth);
        if (padWidth.Count != x.dim())
        {
            throw new ArgumentException(
                $"`pad_width` must have one (before, after) pair per axis of the input. Received: {padWidth.Count} " +
                $"pairs for an input of rank {x.dim()}.", nameof(padWidth));
        }
        // libtorch lists the pads innermost axis first.
        var pads = padWidth.Reverse().SelectMany(p => new long[] { p.Before, p.After }).ToArray();
        return torch.nn.functional.pad(x, pads, PaddingModes.Constant, constantValue);
    }

    /// <summary>Bilinear upsampling of images by integer factors, with half-pixel centers and no antialiasing
    /// (<c>keras.ops.image.resize(..., interpolation="bilinear")</c> to <c>(height·hf, width·wf)</c>).</summary>
    /// <param name="x">The images, rank 4.</param>
    /// <param name="heightFactor">The row factor (positive).</param>
    /// <param name="widthFactor">The column factor (positive).</param>
    /// <param name="dataFormat"><c>"channels_last"</c> (NHWC) or <c>"channels_first"</c> (NCHW). Defaults to
    /// <c>"channels_last"</c>.</param>
    /// <returns>The resized images, in the input's data format.</returns>
    /// <example><code>
    /// Tensor y = Ops.UpSampleBilinear(images, 2, 2);   // (b, 8, 8, c) → (b, 16, 16, c)
    /// </code></example>
    public static Tensor UpSampleBilinear(Tensor x, int heightFactor, int widthFactor,
        string dataFormat = "channels_last")
    {
        bool channelsLast = dataFormat == "channels_last";
        var nchw = channelsLast ? x.permute(0, 3, 1, 2) : x;
        long[] size = [nchw.shape[2] * heightFactor, nchw.shape[3] * widthFactor];
        var resized = torch.nn.functional.interpolate(nchw, size, mode: InterpolationMode.Bilinear,
            align_corners: false);
        return channelsLast ? resized.permute(0, 2, 3, 1) : resized;
    }
}
