using Keras.Regularizers;
using Keras.Saving;

namespace Keras.Tests.Core.Layers.Convolution;

/// <summary>A registered test regularizer: <c>factor · Σ x²</c>.</summary>
public sealed class SumOfSquares(double factor) : Regularizer
{
    public double Factor { get; } = factor;

    /// <summary>Registers the class once per process (registration is idempotent for the same type).</summary>
    public static string Register() => SerializationRegistry.Register<SumOfSquares>("SumOfSquares",
        config => new SumOfSquares(new ConfigReader("SumOfSquares", config).GetDouble("factor")));

    public override Tensor Call(Tensor x) => x.square().sum().mul(Factor);

    public override Dictionary<string, object?> GetConfig() => new() { ["factor"] = Factor };
}
