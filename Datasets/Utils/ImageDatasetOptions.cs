using Keras.Data;

namespace Keras;

/// <summary>The validated per-image arguments of <c>image_dataset_from_directory</c> and the dataset they make.</summary>
internal sealed record ImageDatasetOptions
{
    private static readonly string[] KerasOnlyInterpolations = ["area", "lanczos3", "lanczos5", "gaussian",
        "mitchellcubic"];

    internal ImageDatasetOptions(string? labelMode, string colorMode, int? batchSize, (int Height, int Width) imageSize,
        bool shuffle, string interpolation, bool cropToAspectRatio, bool padToAspectRatio, string dataFormat)
    {
        DirectoryIndex.CheckLabelMode(labelMode);
        if (colorMode is not ("rgb" or "rgba" or "grayscale"))
        {
            throw new ArgumentException(
                $"`color_mode` must be one of {{\"rgb\", \"rgba\", \"grayscale\"}}. Received: color_mode={colorMode}",
                nameof(colorMode));
        }
        if (imageSize.Height <= 0 || imageSize.Width <= 0)
        {
            throw new ArgumentException(
                "Invalid `image_size` value. Expected a tuple of 2 integers. Received: " +
                $"image_size=({imageSize.Height}, {imageSize.Width})", nameof(imageSize));
        }
        if (batchSize is <= 0)
        {
            throw new ArgumentException($"`batch_size` must be positive. Received: batch_size={batchSize}",
                nameof(batchSize));
        }
        interpolation = interpolation.ToLowerInvariant();
        if (KerasOnlyInterpolations.Contains(interpolation))
        {
            throw new NotSupportedException(
                $"interpolation=\"{interpolation}\" is not supported by Keras.Net's image resize (nor by Keras' " +
                "PyTorch backend); use \"bilinear\", \"nearest\" or \"bicubic\".");
        }
        if (interpolation is not ("bilinear" or "nearest" or "bicubic"))
        {
            throw new ArgumentException(
                "Argument `interpolation` should be one of ('bilinear', 'nearest', 'bicubic', 'area', 'lanczos3', " +
                $"'lanczos5', 'gaussian', 'mitchellcubic'). Received: interpolation={interpolation}",
                nameof(interpolation));
        }
        if (cropToAspectRatio && padToAspectRatio)
        {
            throw new ArgumentException(
                "Only one of `pad_to_aspect_ratio`, `crop_to_aspect_ratio` can be set to `True`.",
                nameof(padToAspectRatio));
        }
        if (dataFormat is not ("channels_last" or "channels_first"))
        {
            throw new ArgumentException(
                "The `data_format` argument must be one of {'channels_first', 'channels_last'}. Received: " +
                $"data_format={dataFormat}", nameof(dataFormat));
        }
        LabelMode = labelMode;
        Channels = RawImage.ChannelsOf(colorMode);
        BatchSize = batchSize;
        ImageSize = imageSize;
        Shuffle = shuffle;
        Interpolation = interpolation;
        CropToAspectRatio = cropToAspectRatio;
        PadToAspectRatio = padToAspectRatio;
        ChannelsFirst = dataFormat == "channels_first";
    }

    internal string? LabelMode { get; }

    internal int Channels { get; }

    internal int? BatchSize { get; }

    internal (int Height, int Width) ImageSize { get; }

    internal bool Shuffle { get; }

    internal string Interpolation { get; }

    internal bool CropToAspectRatio { get; }

    internal bool PadToAspectRatio { get; }

    internal bool ChannelsFirst { get; }

    /// <summary>Keras' pipeline: elements decoded on demand, shuffled with a buffer of 8 batches (1024 unbatched),
    /// batched.</summary>
    internal Dataset ToDataset(DirectoryIndex index, bool shuffle, int seed)
    {
        var paths = index.FilePaths;
        var labels = index.Labels;
        int numClasses = index.ClassNames?.Count ?? 0;
        var dataset = Dataset.FromFunction(paths.Count, i => Element(paths[i], labels is null ? null : labels[i],
            numClasses));
        if (shuffle)
        {
            dataset = dataset.Shuffle(BatchSize is int b ? b * 8 : 1024, seed);
        }
        if (BatchSize is int batch)
        {
            dataset = dataset.Batch(batch);
        }
        return index.ClassNames is null ? dataset : dataset.WithClassNames(index.ClassNames);
    }

    /// <summary>One image as float32 (height, width, channels) resized by <c>Ops.ImageResize</c>, and its label.</summary>
    internal DataBatch Element(string path, int? label, int numClasses)
    {
        using var scope = torch.NewDisposeScope();
        var raw = ImageDecoder.Load(path).Convert(Channels);
        var image = torch.tensor(raw.Pixels, torch.uint8).reshape(1, raw.Height, raw.Width, raw.Channels)
            .to_type(torch.float32);
        var resized = Ops.ImageResize(image, ImageSize.Height, ImageSize.Width, Interpolation, CropToAspectRatio,
            PadToAspectRatio).squeeze(0);
        var x = (ChannelsFirst ? resized.permute(2, 0, 1) : resized).contiguous().MoveToOuterDisposeScope();
        var y = label is int l && LabelMode is not null
            ? LabelEncoding.Encode(l, LabelMode, numClasses).MoveToOuterDisposeScope()
            : null;
        return new DataBatch(x, y);
    }
}
