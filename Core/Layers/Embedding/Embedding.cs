using Keras.Constraints;
using Keras.Initializers;
using Keras.Regularizers;

namespace Keras.Layers;

/// <summary>Turns non-negative integer indices into dense vectors of fixed size
/// (<c>keras.layers.Embedding</c>).</summary>
/// <remarks>The table <c>embeddings</c> has shape <c>(input_dim, output_dim)</c>; an input of shape <c>(batch, ...)</c>
/// gives <c>(batch, ..., output_dim)</c> float32 vectors. Inputs are int32/int64 (float inputs are truncated to
/// integers, as Keras casts them); an index outside <c>[0, input_dim)</c> fails with an error naming the layer. With
/// <c>maskZero</c>, index 0 is padding: the output carries the mask <c>inputs != 0</c> for the layers after
/// it.</remarks>
/// <example><code>
/// var tokens = new Input([20], dtype: "int32");
/// var embedded = new Embedding(1000, 64, maskZero: true).Call(tokens);   // (None, 20, 64), masked where tokens == 0
/// </code></example>
public sealed class Embedding : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="inputDim">The vocabulary size (largest index + 1); must be positive.</param>
    /// <param name="outputDim">The size of each vector; must be positive.</param>
    /// <param name="embeddingsInitializer">Initializer of the table. Defaults to <c>"uniform"</c>
    /// (RandomUniform(-0.05, 0.05)).</param>
    /// <param name="embeddingsRegularizer">Penalty on the table. Defaults to none.</param>
    /// <param name="embeddingsConstraint">Constraint on the table. Defaults to none.</param>
    /// <param name="maskZero">Whether index 0 is padding that later layers should ignore. Defaults to false.</param>
    /// <param name="activityRegularizer">Penalty on the output. Defaults to none.</param>
    /// <param name="name">The layer name. Defaults to <c>embedding</c>, <c>embedding_1</c>, ...</param>
    /// <param name="trainable">Whether the table trains. Defaults to true.</param>
    public Embedding(int inputDim, int outputDim, Initializer? embeddingsInitializer = null,
        Regularizer? embeddingsRegularizer = null, Constraint? embeddingsConstraint = null, bool maskZero = false,
        Regularizer? activityRegularizer = null, string? name = null, bool trainable = true)
        : base(name, trainable)
    {
        if (inputDim <= 0)
        {
            throw new ArgumentException(
                "Received an invalid value for `input_dim`, expected a positive integer. " +
                $"Received: input_dim={inputDim}",
                nameof(inputDim));
        }
        if (outputDim <= 0)
        {
            throw new ArgumentException(
                "Received an invalid value for `output_dim`, expected a positive integer. " +
                $"Received: output_dim={outputDim}",
                nameof(outputDim));
        }
        InputDim = inputDim;
        OutputDim = outputDim;
        EmbeddingsInitializer = embeddingsInitializer ?? new RandomUniform(-0.05, 0.05);
        EmbeddingsRegularizer = embeddingsRegularizer;
        EmbeddingsConstraint = embeddingsConstraint;
        MaskZero = maskZero;
        ActivityRegularizer = activityRegularizer;
        SupportsMasking = maskZero;
    }

    /// <summary>The vocabulary size.</summary>
    public int InputDim { get; }

    /// <summary>The size of each embedding vector.</summary>
    public int OutputDim { get; }

    /// <summary>The table's initializer.</summary>
    public Initializer EmbeddingsInitializer { get; }

    /// <summary>The table's penalty, if any.</summary>
    public Regularizer? EmbeddingsRegularizer { get; }

    /// <summary>The table's constraint, if any.</summary>
    public Constraint? EmbeddingsConstraint { get; }

    /// <summary>Whether index 0 is masked padding.</summary>
    public bool MaskZero { get; }

    /// <summary>The table, shape <c>(input_dim, output_dim)</c>; null before the layer is built.</summary>
    public Variable? Embeddings { get; private set; }

    /// <inheritdoc />
    public override Shape ComputeOutputShape(Shape inputShape) => new([.. inputShape, OutputDim]);

    /// <inheritdoc />
    public override Tensor? ComputeMask(Tensor inputs, Tensor? previousMask) => MaskZero ? inputs.ne(0) : null;

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["input_dim"] = InputDim;
        config["output_dim"] = OutputDim;
        config["embeddings_initializer"] = EmbeddingsInitializer;
        config["embeddings_regularizer"] = EmbeddingsRegularizer;
        config["activity_regularizer"] = ActivityRegularizer;
        config["embeddings_constraint"] = EmbeddingsConstraint;
        config["mask_zero"] = MaskZero;
        return config;
    }

    /// <inheritdoc />
    protected override void BuildCore(Shape inputShape) =>
        Embeddings = AddWeight("embeddings", [InputDim, OutputDim], EmbeddingsInitializer,
            regularizer: EmbeddingsRegularizer, constraint: EmbeddingsConstraint);

    /// <inheritdoc />
    protected override Tensor CallCore(Tensor inputs, bool training) =>
        Ops.EmbeddingLookup(Embeddings!.Value, inputs, Name);

    /// <summary>The output is float32 whatever the (integer) input dtype.</summary>
    /// <param name="inputs">The symbolic inputs.</param>
    /// <returns><c>"float32"</c>.</returns>
    protected override string OutputDType(IReadOnlyList<KerasTensor> inputs) => DType;
}
