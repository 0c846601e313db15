using System.Globalization;

namespace Keras.Callbacks;

/// <summary>When <see cref="TensorBoard"/> writes training metrics: once per epoch (<c>"epoch"</c>, the default) or
/// also every N training batches (an integer; <c>"batch"</c> is 1), as Keras' <c>update_freq</c>.</summary>
/// <example><code>
/// var perEpoch = new TensorBoard("logs", updateFreq: "epoch");
/// var every100Batches = new TensorBoard("logs", updateFreq: 100);
/// </code></example>
public readonly record struct TensorBoardUpdateFrequency
{
    private TensorBoardUpdateFrequency(int batches) => Batches = batches;

    /// <summary>Writing at the end of every epoch only (Keras' <c>"epoch"</c>).</summary>
    public static TensorBoardUpdateFrequency Epoch => default;

    /// <summary>The number of training batches between <c>batch_</c> summaries; 0 means epoch summaries only.</summary>
    public int Batches { get; }

    /// <summary>Whether only epoch summaries are written.</summary>
    public bool IsEpoch => Batches == 0;

    /// <summary>Writing <c>batch_</c> summaries every <paramref name="batches"/> training batches.</summary>
    /// <param name="batches">A positive number of batches.</param>
    /// <returns>The frequency.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batches"/> is below 1.</exception>
    public static TensorBoardUpdateFrequency EveryBatches(int batches) => batches >= 1
        ? new TensorBoardUpdateFrequency(batches)
        : throw new ArgumentOutOfRangeException(nameof(batches), batches,
            $"`update_freq` must be 'epoch', 'batch' or a positive integer number of batches. " +
            $"Received: update_freq={batches}");

    /// <summary>Keras' integer <c>update_freq</c>: write every that many batches.</summary>
    /// <param name="batches">A positive number of batches.</param>
    public static implicit operator TensorBoardUpdateFrequency(int batches) => EveryBatches(batches);

    /// <summary>Keras' string <c>update_freq</c>: <c>"epoch"</c>, or <c>"batch"</c> for every batch.</summary>
    /// <param name="value"><c>"epoch"</c> or <c>"batch"</c>.</param>
    /// <exception cref="ArgumentException">The string is neither.</exception>
    public static implicit operator TensorBoardUpdateFrequency(string value) => value switch
    {
        "epoch" => Epoch,
        "batch" => EveryBatches(1),
        _ => throw new ArgumentException(
            $"`update_freq` must be 'epoch', 'batch' or a positive integer. Received: update_freq={value}",
            nameof(value)),
    };

    /// <summary><c>"epoch"</c> or the number of batches, as Keras shows <c>update_freq</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => IsEpoch ? "epoch" : Batches.ToString(CultureInfo.InvariantCulture);
}
