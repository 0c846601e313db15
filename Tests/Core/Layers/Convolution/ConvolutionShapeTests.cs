using Keras.Layers;

namespace Keras.Tests.Core.Layers.Convolution;

/// <summary>Shape inference of the convolution layers: for random kernels, strides, dilations, paddings, output
/// paddings and data formats, <c>ComputeOutputShape</c> equals the shape the layer produces; unknown dimensions stay
/// unknown.</summary>
public sealed class ConvolutionShapeTests
{
    [Fact]
    public void Conv_ComputeOutputShape_MatchesCall() => ShapeProperty.Check(random =>
    {
        int rank = random.Next(1, 4);
        var a = Draw(random, rank, allowCausal: rank == 1);
        int groups = random.Next(1, 3);
        int channels = groups * random.Next(1, 3);
        var layer = rank switch
        {
            1 => (Layer)new Conv1D(groups * random.Next(1, 3), a.Kernel, a.Strides, a.Padding, a.Format, a.Dilation,
                groups),
            2 => new Conv2D(groups * random.Next(1, 3), a.Kernel, a.Strides, a.Padding, a.Format, a.Dilation, groups),
            _ => new Conv3D(groups * random.Next(1, 3), a.Kernel, a.Strides, a.Padding, a.Format, a.Dilation, groups),
        };
        return (layer, InputShape(random, a, channels));
    }, trials: 40);

    [Fact]
    public void ConvTranspose_ComputeOutputShape_MatchesCall() => ShapeProperty.Check(random =>
    {
        int rank = random.Next(1, 4);
        var a = Draw(random, rank, allowCausal: false);
        int[]? outputPadding = random.Next(2) == 0
            ? null
            : a.Strides.Select(s => random.Next(0, s)).ToArray();
        int filters = random.Next(1, 4);
        var layer = rank switch
        {
            1 => (Layer)new Conv1DTranspose(filters, a.Kernel, a.Strides, a.Padding, outputPadding, a.Format,
                a.Dilation),
            2 => new Conv2DTranspose(filters, a.Kernel, a.Strides, a.Padding, outputPadding, a.Format, a.Dilation),
            _ => new Conv3DTranspose(filters, a.Kernel, a.Strides, a.Padding, outputPadding, a.Format, a.Dilation),
        };
        return (layer, InputShape(random, a, random.Next(1, 4), minimum: 1));
    }, trials: 40);

    [Fact]
    public void DepthwiseAndSeparable_ComputeOutputShape_MatchesCall() => ShapeProperty.Check(random =>
    {
        int rank = random.Next(1, 3);
        var a = Draw(random, rank, allowCausal: false);
        int multiplier = random.Next(1, 4);
        int filters = random.Next(1, 4);
        var layer = (rank, random.Next(2)) switch
        {
            (1, 0) => (Layer)new DepthwiseConv1D(a.Kernel, a.Strides, a.Padding, multiplier, a.Format, a.Dilation),
            (2, 0) => new DepthwiseConv2D(a.Kernel, a.Strides, a.Padding, multiplier, a.Format, a.Dilation),
            (1, _) => new SeparableConv1D(filters, a.Kernel, a.Strides, a.Padding, a.Format, a.Dilation, multiplier),
            _ => new SeparableConv2D(filters, a.Kernel, a.Strides, a.Padding, a.Format, a.Dilation, multiplier),
        };
        return (layer, InputShape(random, a, random.Next(1, 4)));
    }, trials: 40);

    [Fact]
    public void UnknownDimensions_StayUnknown_AndChannelsFollowTheDataFormat()
    {
        Assert.Equal(new Shape(null, null, 14, 8),
            new Conv2D(8, 3, strides: 2, padding: "same").ComputeOutputShape([null, null, 28, 3]));
        Assert.Equal(new Shape(null, 8, 13, null),
            new Conv2D(8, 3, strides: 2, dataFormat: "channels_first").ComputeOutputShape([null, 3, 28, null]));
        Assert.Equal(new Shape(4, null, 5), new Conv1DTranspose(5, 3, strides: 2).ComputeOutputShape([4, null, 2]));
        Assert.Equal(new Shape(null, null, 6),
            new DepthwiseConv1D(3, depthMultiplier: 3).ComputeOutputShape([null, null, 2]));
        Assert.Equal(new Shape(null, null, 7, null),
            new DepthwiseConv2D(3, dataFormat: "channels_first").ComputeOutputShape([null, null, 9, null]));
        Assert.Equal(new Shape(null, 4, 4, 6),
            new SeparableConv2D(6, 3, padding: "same", strides: 2).ComputeOutputShape([null, 7, 8, 2]));
    }

    [Theory]
    [InlineData("valid", null, 11)]   // (5 − 1)·2 + 3
    [InlineData("valid", 1, 12)]
    [InlineData("same", null, 10)]    // 5·2
    [InlineData("same", 0, 9)]        // (5 − 1)·2 + 3 mod 2 + 0
    [InlineData("same", 1, 10)]
    public void TransposedLength_FollowsKeras(string padding, int? outputPadding, int expected)
    {
        IntTuple? op = outputPadding is int p ? p : null;
        var layer = new Conv1DTranspose(2, 3, strides: 2, padding: padding, outputPadding: op);
        Assert.Equal(new Shape(null, expected, 2), layer.ComputeOutputShape([null, 5, 1]));
        using var y = layer.Call(torch.ones(1, 5, 1));
        Assert.Equal(expected, y.shape[1]);
    }

    private sealed record Arguments(int Rank, int[] Kernel, int[] Strides, int[] Dilation, string Padding, string Format);

    private static Arguments Draw(Random random, int rank, bool allowCausal)
    {
        var kernel = Enumerable.Range(0, rank).Select(_ => random.Next(1, 5)).ToArray();
        bool dilated = random.Next(3) == 0;
        var strides = Enumerable.Range(0, rank).Select(_ => dilated ? 1 : random.Next(1, 4)).ToArray();
        var dilation = Enumerable.Range(0, rank).Select(_ => dilated ? random.Next(1, 4) : 1).ToArray();
        string[] paddings = allowCausal ? ["valid", "same", "causal"] : ["valid", "same"];
        string padding = paddings[random.Next(paddings.Length)];
        string format = random.Next(2) == 0 ? "channels_last" : "channels_first";
        return new Arguments(rank, kernel, strides, dilation, padding, format);
    }

    /// <summary>A batch input shape whose spatial sizes fit the (dilated) kernel, so "valid" outputs are not empty.</summary>
    private static long[] InputShape(Random random, Arguments a, int channels, int? minimum = null)
    {
        var spatial = Enumerable.Range(0, a.Rank)
            .Select(i => (long)((minimum ?? (a.Kernel[i] - 1) * a.Dilation[i] + 1) + random.Next(0, a.Rank == 3 ? 3 : 6)))
            .ToArray();
        long batch = random.Next(1, 3);
        return a.Format == "channels_last"
            ? [batch, .. spatial, channels]
            : [batch, channels, .. spatial];
    }
}
