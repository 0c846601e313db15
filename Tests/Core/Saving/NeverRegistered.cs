namespace Keras.Tests.Core.Saving;

/// <summary>A user layer that is never registered.</summary>
public sealed class NeverRegistered : Layer
{
    public NeverRegistered(string? name = null) : base(name)
    {
    }

    public override Shape ComputeOutputShape(Shape inputShape) => inputShape;

    protected override Tensor CallCore(Tensor inputs, bool training) => inputs;
}
