using Keras.Datasets;
using static TorchSharp.torch;

namespace Keras.Benchmarks;

/// <summary>The Fashion-MNIST training split, as the tutorial prepares it (pixels scaled to [0, 1]).</summary>
internal sealed class FashionData : IDisposable
{
    private Tensor? _x;
    private Tensor? _y;

    private FashionData(float[,,] x, byte[] y)
    {
        XArray = x;
        YArray = y;
    }

    internal float[,,] XArray { get; }
    internal byte[] YArray { get; }
    /// <summary>The images as a float32 (N, 28, 28) tensor outside any dispose scope, made on first use.</summary>
    internal Tensor X => _x ??= torch.from_array(XArray).DetachFromDisposeScope();

    /// <summary>The labels as an int64 tensor outside any dispose scope, made on first use.</summary>
    internal Tensor Y => _y ??= torch.from_array(YArray).to_type(ScalarType.Int64).DetachFromDisposeScope();

    internal long Count => YArray.Length;

    internal static FashionData Load()
    {
        var ((xTrain, yTrain), _) = FashionMnist.LoadData();
        return new FashionData(xTrain.ToFloat32(scale: 1 / 255f), yTrain);
    }

    public void Dispose()
    {
        _x?.Dispose();
        _y?.Dispose();
    }
}
