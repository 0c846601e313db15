using Keras.Backend;
using static TorchSharp.torch;

namespace Keras;

/// <summary>Keras operations (<c>keras.ops</c>): the one place where Keras semantics meet libtorch kernels.</summary>
/// <remarks>Built-in layers, losses, metrics and optimizers call <see cref="Ops"/> and tensor instance methods, never
/// <c>torch.*</c> directly, so the backend seam stays in one place.</remarks>
/// <example><code>
/// Tensor y = Ops.Relu(Ops.Matmul(x, w));
/// </code></example>
public static partial class Ops
{
    private static torch.Device Device => ((TorchBackend)KerasBackend.Current).TorchDevice;

    /// <summary>Maps a Keras dtype name (<c>"float32"</c>, <c>"int64"</c>, ...) to the libtorch scalar type.</summary>
    /// <param name="dtype">The Keras dtype name.</param>
    /// <returns>The scalar type.</returns>
    public static ScalarType DType(string dtype) => dtype switch
    {
        "float32" => ScalarType.Float32,
        "float64" => ScalarType.Float64,
        "float16" => ScalarType.Float16,
        "bfloat16" => ScalarType.BFloat16,
        "int64" => ScalarType.Int64,
        "int32" => ScalarType.Int32,
        "int16" => ScalarType.Int16,
        "int8" => ScalarType.Int8,
        "uint8" => ScalarType.Byte,
        "bool" => ScalarType.Bool,
        _ => throw new ArgumentException(
            $"Unknown dtype \"{dtype}\". Expected one of float32, float64, float16, bfloat16, int64, int32, int16, " +
            "int8, uint8, bool.", nameof(dtype)),
    };

    /// <summary>The Keras dtype name of a tensor's scalar type.</summary>
    /// <param name="type">The scalar type.</param>
    /// <returns>The Keras name.</returns>
    public static string DTypeName(ScalarType type) => type switch
    {
        ScalarType.Float32 => "float32",
        ScalarType.Float64 => "float64",
        ScalarType.Float16 => "float16",
        ScalarType.BFloat16 => "bfloat16",
        ScalarType.Int64 => "int64",
        ScalarType.Int32 => "int32",
        ScalarType.Int16 => "int16",
        ScalarType.Int8 => "int8",
        ScalarType.Byte => "uint8",
        ScalarType.Bool => "bool",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>True for floating-point tensors.</summary>
    /// <param name="x">The tensor.</param>
    /// <returns>Whether it is float.</returns>
    public static bool IsFloat(Tensor x) => torch.is_floating_point(x);

    /// <summary>A tensor of zeros on the current device.</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="dtype">The Keras dtype. Defaults to <c>"float32"</c>.</param>
    /// <returns>The tensor.</returns>
    public static Tensor Zeros(long[] shape, string dtype = "float32") => torch.zeros(shape, DType(dtype), Device);

    /// <summary>A tensor of ones on the current device.</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="dtype">The Keras dtype. Defaults to <c>"float32"</c>.</param>
    /// <returns>The tensor.</returns>
    public static Tensor Ones(long[] shape, string dtype = "float32") => torch.ones(shape, DType(dtype), Device);

    /// <summary>A tensor filled with <paramref name="value"/> on the current device.</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="value">The fill value.</param>
    /// <param name="dtype">The Keras dtype. Defaults to <c>"float32"</c>.</param>
    /// <returns>The tensor.</returns>
    public static Tensor Full(long[] shape, double value, string dtype = "float32") =>
        torch.full(shape, value, DType(dtype), Device);

    /// <summary>A 0-d tensor holding <paramref name="value"/>, on the device of <paramref name="like"/>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="like">A tensor whose dtype and device to use.</param>
    /// <returns>The scalar tensor.</returns>
    public static Tensor Scalar(double value, Tensor like) => torch.tensor(value, like.dtype, like.device);

    /// <summary>Converts values to a float32 tensor on the current device.</summary>
    /// <param name="values">The values.</param>
    /// <param name="shape">The shape; defaults to one dimension.</param>
    /// <returns>The tensor.</returns>
    public static Tensor Constant(float[] values, long[]? shape = null)
    {
        var t = torch.tensor(values, device: Device);
        return shape is null ? t : t.reshape(shape);
    }

    /// <summary>Matrix product with numpy broadcasting rules.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>The product.</returns>
    public static Tensor Matmul(Tensor a, Tensor b) => torch.matmul(a, b);

    /// <summary><c>x @ kernel + bias</c> for a Keras kernel of shape <c>(in, out)</c>, fused into one addmm for 2-D input.</summary>
    /// <param name="x">Input of shape (..., in).</param>
    /// <param name="kernel">Kernel of shape (in, out).</param>
    /// <param name="bias">Optional bias of shape (out).</param>
    /// <returns>The affine transform.</returns>
    public static Tensor Dense(Tensor x, Tensor kernel, Tensor? bias)
    {
        if (x.dim() == 2)
        {
            return bias is null ? torch.mm(x, kernel) : torch.addmm(bias, x, kernel, 1, 1);
        }
        var y = torch.matmul(x, kernel);
        return bias is null ? y : y.add_(bias);
    }

    /// <summary>Elementwise maximum of two tensors.</summary>
    /// <param name="a">The first tensor.</param>
    /// <param name="b">The second tensor.</param>
    /// <returns>The maximum.</returns>
    public static Tensor Maximum(Tensor a, Tensor b) => torch.maximum(a, b);

    /// <summary>Elementwise minimum of two tensors.</summary>
    /// <param name="a">The first tensor.</param>
    /// <param name="b">The second tensor.</param>
    /// <returns>The minimum.</returns>
    public static Tensor Minimum(Tensor a, Tensor b) => torch.minimum(a, b);

    /// <summary>Selects from <paramref name="x"/> where <paramref name="condition"/> holds, else from <paramref name="y"/>.</summary>
    /// <param name="condition">A boolean tensor.</param>
    /// <param name="x">Values where true.</param>
    /// <param name="y">Values where false.</param>
    /// <returns>The selection.</returns>
    public static Tensor Where(Tensor condition, Tensor x, Tensor y) => torch.where(condition, x, y);

    /// <summary>Clips values into <c>[min, max]</c>.</summary>
    /// <param name="x">The tensor.</param>
    /// <param name="min">The lower bound.</param>
    /// <param name="max">The upper bound.</param>
    /// <returns>The clipped tensor.</returns>
    public static Tensor Clip(Tensor x, double min, double max) => torch.clamp(x, min, max);

    /// <summary>Index of the largest value along <paramref name="axis"/>.</summary>
    /// <param name="x">The tensor.</param>
    /// <param name="axis">The axis. Defaults to -1.</param>
    /// <returns>An int64 tensor.</returns>
    public static Tensor ArgMax(Tensor x, int axis = -1) => torch.argmax(x, axis);

    /// <summary>One-hot encodes integer labels into <paramref name="numClasses"/> float32 columns.</summary>
    /// <param name="labels">Integer labels.</param>
    /// <param name="numClasses">The number of classes.</param>
    /// <returns>The one-hot tensor.</returns>
    public static Tensor OneHot(Tensor labels, long numClasses) =>
        torch.nn.functional.one_hot(labels.to_type(ScalarType.Int64), numClasses).to_type(ScalarType.Float32);

    /// <summary>Concatenates tensors along <paramref name="axis"/>.</summary>
    /// <param name="tensors">The tensors.</param>
    /// <param name="axis">The axis. Defaults to 0.</param>
    /// <returns>The concatenation.</returns>
    public static Tensor Concatenate(IList<Tensor> tensors, int axis = 0) => torch.cat(tensors, axis);

    /// <summary>Stacks tensors along a new axis.</summary>
    /// <param name="tensors">The tensors.</param>
    /// <param name="axis">The new axis. Defaults to 0.</param>
    /// <returns>The stack.</returns>
    public static Tensor Stack(IList<Tensor> tensors, int axis = 0) => torch.stack(tensors, axis);

    /// <summary>The top <paramref name="k"/> indices along the last axis.</summary>
    /// <param name="x">The tensor.</param>
    /// <param name="k">How many.</param>
    /// <returns>An int64 tensor of indices.</returns>
    public static Tensor TopKIndices(Tensor x, int k) => torch.topk(x, k).indices;

    /// <summary>A random permutation of <c>0..n-1</c> from the backend's seeded generator (on the CPU).</summary>
    /// <param name="n">The length.</param>
    /// <returns>An int64 tensor.</returns>
    public static Tensor RandomPermutation(long n) => torch.randperm(n, ScalarType.Int64);

    /// <summary>Uniform random values in <c>[minval, maxval)</c>.</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="minval">The lower bound.</param>
    /// <param name="maxval">The upper bound.</param>
    /// <returns>A float32 tensor.</returns>
    public static Tensor RandomUniform(long[] shape, double minval, double maxval) =>
        torch.rand(shape, ScalarType.Float32, Device).mul_(maxval - minval).add_(minval);

    /// <summary>Normal random values.</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="mean">The mean.</param>
    /// <param name="stddev">The standard deviation.</param>
    /// <returns>A float32 tensor.</returns>
    public static Tensor RandomNormal(long[] shape, double mean, double stddev) =>
        torch.randn(shape, ScalarType.Float32, Device).mul_(stddev).add_(mean);

    /// <summary>Normal random values redrawn until within two standard deviations, as Keras' truncated normal.</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="mean">The mean.</param>
    /// <param name="stddev">The standard deviation.</param>
    /// <returns>A float32 tensor.</returns>
    public static Tensor TruncatedNormal(long[] shape, double mean, double stddev)
    {
        // Redraw the values outside two standard deviations, as Keras' truncated normal does.
        var t = torch.randn(shape, ScalarType.Float32, Device);
        using (var scope = torch.NewDisposeScope())
        {
            var outside = t.abs().gt(2.0);
            while (outside.any().item<bool>())
            {
                t.masked_scatter_(outside, torch.randn(outside.sum().item<long>(), ScalarType.Float32, Device));
                outside = t.abs().gt(2.0);
            }
        }
        return t.mul_(stddev).add_(mean);
    }

    /// <summary>A tensor of Bernoulli keep-masks scaled for inverted dropout.</summary>
    /// <param name="x">The input.</param>
    /// <param name="rate">The fraction to drop.</param>
    /// <returns>The dropped-out tensor.</returns>
    public static Tensor Dropout(Tensor x, double rate) => torch.nn.functional.dropout(x, rate, training: true);

    /// <summary>Opens a scope in which no gradients are recorded.</summary>
    /// <returns>A scope; dispose to leave.</returns>
    public static IDisposable NoGrad() => torch.no_grad();
}
