using Keras.Saving;

namespace Keras.Tests.Core.Saving;

/// <summary>A user layer for registry tests: multiplies by a constant factor and one trainable scalar.</summary>
public sealed class TimesFactor : Layer
{
    private Variable? _scale;

    public TimesFactor(double factor, string? name = null) : base(name)
    {
        Factor = factor;
    }

    public double Factor { get; }

    /// <summary>Registers the class once per process (registration is idempotent for the same type).</summary>
    public static string Register() => SerializationRegistry.Register<TimesFactor>("TimesFactor", config =>
    {
        var reader = new ConfigReader("TimesFactor", config);
        return new TimesFactor(reader.GetDouble("factor"), reader.Name) { Trainable = reader.Trainable };
    });

    public override Shape ComputeOutputShape(Shape inputShape) => inputShape;

    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["factor"] = Factor;
        return config;
    }

    protected override void BuildCore(Shape inputShape) => _scale = AddWeight("scale", [1], "ones");

    protected override Tensor CallCore(Tensor inputs, bool training) => inputs * Factor * _scale!.Value;
}
