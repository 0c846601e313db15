using static TorchSharp.torch;

namespace Keras;

public static partial class Ops
{
    /// <summary>The reduced QR decomposition <c>a = q·r</c> of a matrix (<c>keras.ops.qr</c>, mode "reduced").</summary>
    /// <param name="a">A matrix <c>(m, n)</c>.</param>
    /// <returns><c>q</c> <c>(m, k)</c> with orthonormal columns and upper-triangular <c>r</c> <c>(k, n)</c>,
    /// <c>k = min(m, n)</c>.</returns>
    public static (Tensor Q, Tensor R) Qr(Tensor a)
    {
        var (q, r) = torch.linalg.qr(a, torch.linalg.QRMode.Reduced);
        return (q, r);
    }

    /// <summary>A matrix with ones on the main diagonal and zeros elsewhere (<c>keras.ops.eye</c>).</summary>
    /// <param name="rows">The number of rows.</param>
    /// <param name="cols">The number of columns.</param>
    /// <param name="dtype">The Keras dtype. Defaults to <c>"float32"</c>.</param>
    /// <returns>The matrix.</returns>
    public static Tensor Eye(long rows, long cols, string dtype = "float32") =>
        torch.eye(rows, cols, DType(dtype), Device);

    /// <summary><c>x / max(‖x‖₂, 1e-7)</c> along <paramref name="axis"/> (<c>keras.ops.normalize</c>, order 2).</summary>
    /// <param name="x">The input.</param>
    /// <param name="axis">The axis to normalize along. Defaults to -1.</param>
    /// <returns>The normalized tensor.</returns>
    public static Tensor Normalize(Tensor x, int axis = -1) =>
        x / x.square().sum(axis, keepdim: true).sqrt().clamp_min(Epsilon);
}
