using Keras.Onnx;

namespace Keras;

/// <summary>Exports Sequential, functional and nested models to ONNX (<c>model.export("m.onnx", format="onnx")</c>
/// in Keras): standard operators, a dynamic batch dimension, graph inputs and outputs named after the model's input and
/// output names, nodes after layers and initializers after variable paths.</summary>
/// <remarks>The graph has inference semantics (<c>training=False</c>): dropout, noise and random augmentation layers
/// are identities, batch normalization uses its moving statistics.</remarks>
/// <example><code>
/// var model = new Sequential(new Input([4]), new Dense(8, activation: "relu"), new Dense(2));
/// model.ExportOnnx("m.onnx");
/// byte[] bytes = model.ToOnnx(opset: 17);
/// </code></example>
public static class OnnxExport
{
    /// <summary>The lowest opset written (ONNX 1.12's LayerNormalization needs 17).</summary>
    public const int MinOpset = 17;

    /// <summary>The highest opset written with IR version 8.</summary>
    public const int MaxOpset = 18;

    /// <summary>Writes the model as an ONNX file, atomically (a temporary file renamed over the target).</summary>
    /// <param name="model">A Sequential or functional model, built.</param>
    /// <param name="path">The file to write (<c>.onnx</c>).</param>
    /// <param name="opset">The default-domain opset. Defaults to 17.</param>
    /// <exception cref="ArgumentException">The opset is outside 17-18.</exception>
    /// <exception cref="NotSupportedException">A layer or activation has no ONNX export; the message names it.</exception>
    public static void ExportOnnx(this Model model, string path, int opset = 17)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = model.ToOnnx(opset);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Writes the model as ONNX to a stream.</summary>
    /// <param name="model">A Sequential or functional model, built.</param>
    /// <param name="stream">The stream, left open.</param>
    /// <param name="opset">The default-domain opset. Defaults to 17.</param>
    public static void ExportOnnx(this Model model, Stream stream, int opset = 17)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(model.ToOnnx(opset));
    }

    /// <summary>Serializes the model as an ONNX <c>ModelProto</c> in memory (for ONNX Runtime sessions).</summary>
    /// <param name="model">A Sequential or functional model, built.</param>
    /// <param name="opset">The default-domain opset. Defaults to 17.</param>
    /// <returns>The protobuf bytes.</returns>
    public static byte[] ToOnnx(this Model model, int opset = 17)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (opset < MinOpset || opset > MaxOpset)
        {
            throw new ArgumentException(
                $"ONNX export of model \"{model.Name}\" writes opsets {MinOpset} to {MaxOpset}. Received: opset={opset}.",
                nameof(opset));
        }
        using var scope = torch.NewDisposeScope();
        var context = OnnxModelWalker.Export(model, opset);
        return OnnxProtoWriter.WriteModel(context.Graph, opset, new Dictionary<string, string>
        {
            ["keras_net_model"] = model.Name,
        });
    }
}
