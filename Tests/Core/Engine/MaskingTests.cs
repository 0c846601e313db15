using Keras.Layers;

namespace Keras.Tests.Core.Engine;

/// <summary>Keras mask metadata: attached by a producing layer, passed through layers that support masking, dropped
/// by those that don't, and honoured by losses.</summary>
public sealed class MaskingTests
{
    /// <summary>Marks timesteps whose features are all zero as masked (like Keras' Masking layer).</summary>
    private sealed class ZeroStepMask : Layer
    {
        public ZeroStepMask() : base("zero_step_mask") => SupportsMasking = true;

        public override Shape ComputeOutputShape(Shape inputShape) => inputShape;

        public override Tensor? ComputeMask(Tensor inputs, Tensor? previousMask) => inputs.ne(0).any(-1);

        protected override Tensor CallCore(Tensor inputs, bool training) => inputs;
    }

    /// <summary>Records the mask it receives.</summary>
    private sealed class MaskProbe : Layer
    {
        public MaskProbe() : base("mask_probe") => SupportsMasking = true;

        public Tensor? Seen { get; private set; }

        public override Shape ComputeOutputShape(Shape inputShape) => inputShape;

        protected override Tensor CallCore(Tensor inputs, bool training) => CallCore(inputs, null, training);

        protected override Tensor CallCore(Tensor inputs, Tensor? mask, bool training)
        {
            Seen = mask;
            return inputs;
        }
    }

    private static Tensor Steps() => torch.tensor(new float[,,]
    {
        { { 1, 2 }, { 0, 0 }, { 3, 4 } },
        { { 0, 0 }, { 5, 6 }, { 7, 8 } },
    });

    [Fact]
    public void Mask_FlowsThroughLayersThatSupportMasking()
    {
        using var scope = torch.NewDisposeScope();
        var probe = new MaskProbe();
        var output = probe.Call(new Dropout(0.5).Call(new Activation("relu").Call(new ZeroStepMask().Call(Steps()))));
        Assert.NotNull(probe.Seen);
        Assert.Equal(new[] { true, false, true, false, true, true }, probe.Seen!.flatten().data<bool>().ToArray());
        Assert.NotNull(KerasMask.Get(output));
    }

    [Fact]
    public void Mask_IsDroppedByALayerThatDoesNotSupportMasking()
    {
        using var scope = torch.NewDisposeScope();
        var flat = new Flatten().Call(new ZeroStepMask().Call(Steps()));
        Assert.Null(KerasMask.Get(flat));
    }

    [Fact]
    public void ExplicitMask_OverridesTheAttachedOne()
    {
        using var scope = torch.NewDisposeScope();
        var probe = new MaskProbe();
        var explicitMask = torch.ones(2, 3, dtype: torch.ScalarType.Bool);
        probe.Call(new ZeroStepMask().Call(Steps()), mask: explicitMask);
        Assert.Same(explicitMask, probe.Seen);
    }

    [Fact]
    public void SequentialModel_KeepsItsLastLayersMask_AndTheLossIgnoresMaskedSteps()
    {
        using var scope = torch.NewDisposeScope();
        using var model = new Sequential(new Input([3, 2]), new ZeroStepMask(), new MaskProbe());
        var y = model.Call(Steps());
        var mask = KerasMask.Get(y);
        Assert.NotNull(mask);

        // MSE per timestep; masked steps (targets 100) must not count: the mean is over the 4 valid steps.
        var target = Steps().clone();
        target[0, 1] = torch.tensor(new float[] { 100, 100 });
        target[1, 0] = torch.tensor(new float[] { 100, 100 });
        var loss = ((Keras.Losses.Loss)"mse").Call(target, y);
        Assert.Equal(0.0, loss.item<float>(), 6);
        Assert.True(((Keras.Losses.Loss)"mse").Call(target, Steps()).item<float>() > 1000, "without a mask the outliers count");
    }

    [Fact]
    public void MeanMetrics_SkipMaskedTimesteps()
    {
        using var scope = torch.NewDisposeScope();
        var y = new ZeroStepMask().Call(Steps());
        var target = Steps().clone();
        target[0, 1] = torch.tensor(new float[] { 100, 100 });
        target[1, 0] = torch.tensor(new float[] { 100, 100 });
        var mae = new Keras.Metrics.MeanAbsoluteError();
        mae.UpdateState(target, y);
        Assert.Equal(0.0, mae.Result(), 6);
        var unmasked = new Keras.Metrics.MeanAbsoluteError();
        unmasked.UpdateState(target, Steps());
        Assert.True(unmasked.Result() > 10, "without a mask the outliers count");
    }
}
