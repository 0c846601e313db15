using Keras.Callbacks;
using Keras.Losses;
using Keras.Metrics;
using Keras.Optimizers;

namespace Keras;

/// <summary>A layer with training and inference: <c>Compile</c>, <c>Fit</c>, <c>Evaluate</c>, <c>Predict</c>, <c>Summary</c>.</summary>
/// <remarks>Subclass it and override <see cref="Layer.CallCore(Tensor, bool)"/> for a custom model; <c>Sequential</c> and the functional
/// model are the ready-made kinds. The engine runs each step in its own dispose scope, so users never dispose tensors
/// to use <c>Fit</c>/<c>Predict</c>; what <c>Predict</c> returns is fresh and owned by the caller.</remarks>
/// <example><code>
/// model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
/// History history = model.Fit(xTrain, yTrain, batchSize: 32, epochs: 5, validationSplit: 0.2);
/// </code></example>
public abstract partial class Model : Layer
{
    /// <inheritdoc />
    private protected override bool MasksComeFromSublayers => true;

    /// <summary>Creates a model.</summary>
    /// <param name="name">The model name. Defaults to a unique snake_case name of the class.</param>
    /// <param name="trainable">Whether its weights train. Defaults to true.</param>
    protected Model(string? name = null, bool trainable = true) : base(name, trainable)
    {
    }

    /// <summary>The model's layers, in order (Sequential: without the input layer; functional: with input layers).</summary>
    public virtual IReadOnlyList<Layer> Layers => Sublayers;

    /// <summary>For a plain stack of layers (Sequential): its layers with the input layer first, if it has one; null for
    /// graph and subclassed models. Used by plotting and saving, which draw and store the input layer.</summary>
    internal virtual IReadOnlyList<Layer>? StackedLayers => null;

    /// <summary>Set to true (e.g. from a callback) to end <c>Fit</c> after the current epoch.</summary>
    public bool StopTraining { get; set; }

    /// <summary>The optimizer given to <c>Compile</c>; null before compiling.</summary>
    public Optimizer? Optimizer { get; private set; }

    /// <summary>The loss given to <c>Compile</c>; null before compiling.</summary>
    public Loss? Loss { get; private set; }

    /// <summary>Whether <c>Compile</c> has been called.</summary>
    public bool Compiled => _compiled is not null;

    /// <summary>The dtype inputs are converted to before the first layer. Defaults to <c>"float32"</c>.</summary>
    public virtual string InputDType => "float32";

    /// <summary>The metrics tracked by the engine, in Keras order: the loss tracker, then compiled metrics.</summary>
    public IReadOnlyList<Metric> Metrics => _compiled?.AllMetrics ?? [];

    /// <summary>The names reported by <c>Evaluate</c>, in order (<c>loss</c>, then compiled metrics).</summary>
    public IReadOnlyList<string> MetricsNames => Metrics.Select(m => m.Name).ToList();

    /// <summary>Builds a subclassed model by running it once on a zero batch, so every sublayer creates its weights.</summary>
    /// <param name="inputShape">The input shape, with batch dimension.</param>
    protected override void BuildCore(Shape inputShape)
    {
        using var scope = Backend.KerasBackend.Current.MemoryScope();
        using var noGrad = Backend.KerasBackend.Current.NoGrad();
        var probe = inputShape.Select(d => (long)(d ?? 1)).ToArray();
        CallCore(Ops.Zeros(probe, InputDType.StartsWith("float", StringComparison.Ordinal) ? InputDType : "int64"), training: false);
    }

    /// <summary>Finds a layer by name.</summary>
    /// <param name="name">The layer name.</param>
    /// <returns>The layer.</returns>
    /// <exception cref="ArgumentException">No layer has that name; the message lists the names.</exception>
    public Layer GetLayer(string name) =>
        Layers.FirstOrDefault(l => l.Name == name) ?? throw new ArgumentException(
            $"No such layer: {name}. Existing layers are: [{string.Join(", ", Layers.Select(l => l.Name))}].",
            nameof(name));

    /// <summary>Finds a layer by its index in <see cref="Layers"/>.</summary>
    /// <param name="index">The index.</param>
    /// <returns>The layer.</returns>
    public Layer GetLayer(int index) => index >= 0 && index < Layers.Count
        ? Layers[index]
        : throw new ArgumentOutOfRangeException(nameof(index),
            $"Was asked to retrieve layer at index {index} but model only has {Layers.Count} layers.");
}
