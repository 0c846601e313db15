using Keras.Initializers;
using Keras.Saving;

namespace Keras.Applications;

/// <summary>Keras' ConvNeXt <c>LayerScale</c>: multiplies the last axis by a learned per-channel scale
/// (<a href="https://arxiv.org/abs/2103.17239">CaiT</a>), initialized to <see cref="InitValues"/>.</summary>
/// <remarks>Serialized as Keras' <c>LayerScale</c> with <c>init_values</c> and <c>projection_dim</c>; its one weight
/// is <c>(projection_dim,)</c>.</remarks>
/// <example><code>
/// KerasTensor y = new LayerScale(1e-6, projectionDim: 96, name: "stage_0_block_0_layer_scale").Call(x);
/// </code></example>
public sealed class LayerScale : Layer
{
    static LayerScale() => ConvNeXtLayers.Register();

    private Variable? _gamma;

    /// <summary>Creates the layer.</summary>
    /// <param name="initValues">The initial value of every scale.</param>
    /// <param name="projectionDim">The number of channels (the size of the last axis).</param>
    /// <param name="name">The layer name. Defaults to <c>layer_scale</c>, ...</param>
    public LayerScale(double initValues, int projectionDim, string? name = null) : base(name)
    {
        InitValues = initValues;
        ProjectionDim = projectionDim;
    }

    /// <summary>The initial value of the scales.</summary>
    public double InitValues { get; }

    /// <summary>The number of channels scaled.</summary>
    public int ProjectionDim { get; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => inputShape;

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["init_values"] = InitValues;
        config["projection_dim"] = ProjectionDim;
        return config;
    }

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape) =>
        // Keras 3 adds it without a name, so it is called "variable".
        _gamma = AddWeight("variable", [ProjectionDim], new Constant(InitValues));

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) => inputs * _gamma!.Value;
}
