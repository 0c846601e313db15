using Keras.Callbacks;

namespace Keras.Tests.Callbacks;

public class PythonFormatTests
{
    // Expected strings are Python's repr(), printed by python_repr_golden.py next to this file.
    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(0.5, "0.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(1.5e-05, "1.5e-05")]
    [InlineData(0.0, "0.0")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(123456.789, "123456.789")]
    [InlineData(1000000000000000.0, "1000000000000000.0")]
    [InlineData(1e+16, "1e+16")]
    [InlineData(1.2345e+16, "1.2345e+16")]
    [InlineData(1e+22, "1e+22")]
    [InlineData(0.010000000000000002, "0.010000000000000002")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1.7976931348623157e+308, "1.7976931348623157e+308")]
    [InlineData(100.0, "100.0")]
    [InlineData(12.0, "12.0")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(double.NaN, "nan")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void Float_MatchesPythonRepr(double value, string expected) =>
        Assert.Equal(expected, PythonFormat.Float(value));

    [Fact]
    public void Float_NegativeZero_KeepsSign() => Assert.Equal("-0.0", PythonFormat.Float(-0.0));
}
