namespace Keras.Callbacks;

/// <summary>When <see cref="ModelCheckpoint"/> saves: at the end of every epoch (<c>"epoch"</c>, the default) or
/// every N training batches (an integer), as Keras' <c>save_freq</c>.</summary>
/// <example><code>
/// var everyEpoch = new ModelCheckpoint("ckpt/model.keras", saveFreq: "epoch");
/// var every100Batches = new ModelCheckpoint("ckpt/model-{epoch}-{batch}.keras", saveFreq: 100);
/// </code></example>
public readonly record struct SaveFrequency
{
    private SaveFrequency(int batches) => Batches = batches;

    /// <summary>Saving at the end of every epoch (Keras' <c>"epoch"</c>).</summary>
    public static SaveFrequency Epoch => default;

    /// <summary>The number of batches between saves; 0 means once per epoch.</summary>
    public int Batches { get; }

    /// <summary>Whether the callback saves at the end of each epoch rather than every <see cref="Batches"/>.</summary>
    public bool IsEpoch => Batches == 0;

    /// <summary>Saving every <paramref name="batches"/> training batches.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batches"/> is below 1.</exception>
    public static SaveFrequency EveryBatches(int batches) => batches >= 1
        ? new SaveFrequency(batches)
        : throw new ArgumentOutOfRangeException(nameof(batches), batches,
            $"`save_freq` must be 'epoch' or a positive integer number of batches. Received: save_freq={batches}");

    /// <summary>Keras' integer <c>save_freq</c>: save every that many batches.</summary>
    public static implicit operator SaveFrequency(int batches) => EveryBatches(batches);

    /// <summary>Keras' string <c>save_freq</c>; only <c>"epoch"</c> is valid.</summary>
    /// <exception cref="ArgumentException">The string is not <c>"epoch"</c>.</exception>
    public static implicit operator SaveFrequency(string value) => value == "epoch"
        ? Epoch
        : throw new ArgumentException(
            $"Unrecognized save_freq: {value}. Expected save_freq are 'epoch' or integer values", nameof(value));

    /// <summary><c>"epoch"</c> or the number of batches, as Keras shows <c>save_freq</c>.</summary>
    public override string ToString() => IsEpoch ? "epoch" : Batches.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
