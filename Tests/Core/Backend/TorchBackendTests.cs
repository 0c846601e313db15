using Keras.Backend;

namespace Keras.Tests.Core.Backend;

public class TorchBackendTests
{
    [Fact]
    public void Defaults_AreCpuFloat32Torch()
    {
        var backend = new TorchBackend();
        Assert.Equal("torch", backend.Name);
        Assert.Equal("cpu", backend.Device);
        Assert.Equal("float32", backend.FloatX);
    }

    [Fact]
    public void ToTensor_ConvertsRectangularAndJaggedArraysOfEveryRank()
    {
        var backend = new TorchBackend();
        using var a = backend.ToTensor(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } }, "x");
        Assert.Equal([2L, 3L], a.shape);
        using var b = backend.ToTensor(new byte[2, 3, 4], "x");
        Assert.Equal(torch.ScalarType.Byte, b.dtype);
        using var c = backend.ToTensor(new[] { new[] { new[] { 1.0, 2.0 } }, new[] { new[] { 3.0, 4.0 } } }, "x");
        Assert.Equal([2L, 1L, 2L], c.shape);
        Assert.Equal(new[] { 1.0, 2.0, 3.0, 4.0 }, c.data<double>().ToArray());
    }

    [Fact]
    public void ToFloat32_ScalesBytes()
    {
        var bytes = new byte[1, 2, 2] { { { 0, 255 }, { 51, 102 } } };
        var floats = bytes.ToFloat32(scale: 1 / 255f);
        Assert.Equal(1f, floats[0, 0, 1]);
        Assert.Equal(0.2f, floats[0, 1, 0], 6);
        Assert.Equal(new float[,] { { 0, 255 } }, new byte[,] { { 0, 255 } }.ToFloat32());
    }

    [Fact]
    public void Shape_PrintsAndComparesLikeKeras()
    {
        Shape s = [null, 28, 28];
        Assert.Equal("(None, 28, 28)", s.ToString());
        Assert.Equal("(10,)", new Shape(10).ToString());
        Assert.Equal(new Shape(null, 28, 28), s);
        Assert.Equal(28, s[-1]);
        Assert.Null(s.NumElements);
        Assert.Equal(784, new Shape(28, 28).NumElements);
        Assert.Throws<ArgumentException>(() => new Shape(-1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => s.NormalizeAxis(3));
    }
}
