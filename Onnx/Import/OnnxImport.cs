using Keras.Onnx.Import;
using Keras.Saving;

namespace Keras;

/// <summary>Imports standard ONNX graphs (CNN backbones such as ResNet, MobileNet or VGG exports) as functional
/// Keras.Net models whose layers (<c>Conv2D</c>, <c>BatchNormalization</c>, <c>Dense</c>, ...) carry the graph's
/// weights, so they can be frozen, extended, trained and saved like any Keras model.</summary>
/// <remarks>
/// <para>Layout: ONNX is NCHW; the model is channels_last. A rank-4 input <c>(N, C, H, W)</c> becomes a Keras input
/// <c>(H, W, C)</c>, convolution kernels OIHW become HWIO, a Gemm after a flatten gets its weight rows permuted to
/// the HWC order of a channels_last flatten, and rank-4 graph outputs are channels_last <c>(H, W, C)</c> maps (a
/// pooled <c>(N, C, 1, 1)</c> output is <c>(1, 1, C)</c>). A <c>Permute</c> layer is added only where an op needs
/// ONNX's axis order (a Reshape or Transpose of a feature map).</para>
/// <para>Operators (default domain, opsets 7 and newer, attributes read per opset): Conv (groups, depthwise,
/// dilations, strides, pads; asymmetric pads become a ZeroPadding2D layer), BatchNormalization, Relu, LeakyRelu,
/// Sigmoid, Tanh, Softmax, Clip (lower bound 0: ReLU with max_value), Add/Sum/Sub/Mul (of two values, or of a value
/// and a scalar or per-channel constant: Rescaling), MaxPool, AveragePool, GlobalAveragePool, GlobalMaxPool, Gemm,
/// MatMul (by a constant), Flatten, Reshape (constant shape), Concat, Transpose, Pad (constant zeros), Dropout,
/// Identity, Constant. A pooling whose window is its whole input (declared 1 × 1 output, stride 1) becomes global
/// pooling, so the model also takes other image sizes. Other operators are rejected before anything is built, all
/// listed in one <see cref="NotSupportedException"/>.</para>
/// <para>Only the model file is read: no code runs, and only Keras.Net's built-in layers are created.</para>
/// </remarks>
/// <example><code>
/// var backbone = Models.ImportOnnx("ResNet18.onnx", inputShape: [112, 112, 3]);
/// backbone.Trainable = false;
/// var inputs = new Input([112, 112, 3]);
/// var features = new Flatten().Call(backbone.Call(inputs));
/// var model = new Functional(inputs, new Dense(10, activation: "softmax").Call(features));
/// </code></example>
public static class OnnxImport
{
    extension(Models)
    {
        /// <summary>Imports an ONNX model file as a functional model (weights included).</summary>
        /// <param name="path">The <c>.onnx</c> file (weights inside the file, not external data).</param>
        /// <param name="inputShape">The Keras (channels_last) shape of the single input, without the batch axis, to
        /// replace the file's declared shape (for example <c>[112, 112, 3]</c> for a network declared at 224).
        /// Defaults to the declared shape.</param>
        /// <param name="name">The model name. Defaults to the file name without its extension.</param>
        /// <returns>The model; its input and layer names come from the graph (sanitised, unique).</returns>
        /// <exception cref="KerasFileException">The file is missing, truncated or not an ONNX model.</exception>
        /// <exception cref="NotSupportedException">The graph uses operators or attributes the importer does not
        /// convert; the message lists them with their node names.</exception>
        public static Functional ImportOnnx(string path, Shape? inputShape = null, string? name = null)
        {
            ArgumentException.ThrowIfNullOrEmpty(path);
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new KerasFileException($"Could not read the ONNX model \"{path}\": {e.Message}", path, e);
            }
            return OnnxImporter.Import(OnnxProtoReader.ReadModel(bytes, path), path, inputShape, name);
        }

        /// <summary>Imports an ONNX model held in memory as a functional model (weights included).</summary>
        /// <param name="onnx">The serialized <c>ModelProto</c>.</param>
        /// <param name="inputShape">The Keras (channels_last) shape of the single input, without the batch axis.
        /// Defaults to the declared shape.</param>
        /// <param name="name">The model name. Defaults to <c>onnx_model</c>.</param>
        /// <returns>The model.</returns>
        /// <exception cref="KerasFileException">The bytes are not an ONNX model.</exception>
        /// <exception cref="NotSupportedException">The graph uses operators the importer does not convert.</exception>
        public static Functional ImportOnnx(byte[] onnx, Shape? inputShape = null, string? name = null)
        {
            ArgumentNullException.ThrowIfNull(onnx);
            return OnnxImporter.Import(OnnxProtoReader.ReadModel(onnx, null), null, inputShape, name);
        }
    }
}
