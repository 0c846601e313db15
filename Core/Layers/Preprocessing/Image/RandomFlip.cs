namespace Keras.Layers;

/// <summary>Randomly flips images while training (<c>keras.layers.RandomFlip</c>); the identity at inference.</summary>
/// <remarks>Each image is flipped with probability 1/2. As in Keras 3, <c>"horizontal_and_vertical"</c> draws one
/// coin per image and applies both flips together (a 180° rotation) or neither. Draws come from the global
/// generator (<c>Utils.SetRandomSeed</c>); <c>seed</c> is kept for the config. The output is float32.</remarks>
/// <example><code>
/// var model = new Sequential(new Input([32, 32, 3]), new RandomFlip("horizontal"), new Rescaling(1.0 / 255));
/// </code></example>
public sealed class RandomFlip : Layer
{
    /// <inheritdoc />
    protected override bool TrainingByDefault => true;

    /// <summary>Creates the layer.</summary>
    /// <param name="mode"><c>"horizontal"</c> (left-right), <c>"vertical"</c> (top-bottom) or
    /// <c>"horizontal_and_vertical"</c>. Defaults to horizontal_and_vertical.</param>
    /// <param name="seed">Kept in the config; draws follow the global seed.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> or <c>"channels_first"</c>. Defaults to channels_last.</param>
    /// <param name="name">The layer name. Defaults to <c>random_flip</c>, ...</param>
    public RandomFlip(string mode = "horizontal_and_vertical", int? seed = null, string? dataFormat = null,
        string? name = null)
        : base(name)
    {
        if (mode is not ("horizontal" or "vertical" or "horizontal_and_vertical"))
        {
            throw new ArgumentException(
                $"RandomFlip layer {Name} received an unknown mode argument {mode}. Expected one of \"horizontal\", " +
                "\"vertical\", \"horizontal_and_vertical\".", nameof(mode));
        }
        Mode = mode;
        Seed = seed;
        DataFormat = ImageLayers.DataFormat(dataFormat);
    }

    /// <summary>Which flips are applied.</summary>
    public string Mode { get; }

    /// <summary>The seed written to the config.</summary>
    public int? Seed { get; }

    /// <summary><c>"channels_last"</c> or <c>"channels_first"</c>.</summary>
    public string DataFormat { get; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => inputShape;

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["seed"] = Seed;
        config["mode"] = Mode;
        config["data_format"] = DataFormat;
        return config;
    }

    /// <summary>Flips the images whose entry in <paramref name="flips"/> is true (Keras' <c>_flip_inputs</c>).</summary>
    /// <param name="images">A float batch in the layer's data format.</param>
    /// <param name="flips">One boolean per image.</param>
    internal Tensor Flip(Tensor images, Tensor flips)
    {
        var mask = flips.to(images.device).view(-1, 1, 1, 1);
        int widthAxis = DataFormat == ImageLayers.ChannelsFirst ? 3 : 2;
        var output = images;
        if (Mode != "vertical")
        {
            output = Ops.Where(mask, output.flip(widthAxis), output);
        }
        if (Mode != "horizontal")
        {
            output = Ops.Where(mask, output.flip(widthAxis - 1), output);
        }
        return output;
    }

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        ImageLayers.PerBatch(ImageLayers.Float(inputs), images =>
            training ? Flip(images, Ops.RandomUniform([images.shape[0]], 0, 1).le(0.5)) : images);
}
