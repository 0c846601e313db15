using Keras.Data;
using static TorchSharp.torch;

namespace Keras.Benchmarks;

/// <summary>Per-sample augmentation of an NHWC image batch: a random horizontal flip and a random shift of up to
/// <c>Shift</c> pixels each way (zero padding), done as one pad and one gather per batch.</summary>
internal static class Augment
{
    internal const int Shift = 2;

    /// <summary>The augmented batch: fresh tensors in the caller's scope; targets pass through.</summary>
    internal static DataBatch FlipAndShift(DataBatch batch, Random random)
    {
        var x = batch.X;
        long n = x.shape[0], h = x.shape[1], w = x.shape[2], c = x.shape[3];
        long paddedH = h + 2 * Shift, paddedW = w + 2 * Shift;
        // Source pixel of each output row and column, per sample; a flipped sample reads its columns backwards.
        var rows = new long[n * h];
        var cols = new long[n * w];
        for (long b = 0; b < n; b++)
        {
            int dy = random.Next(2 * Shift + 1), dx = random.Next(2 * Shift + 1);
            bool flip = random.Next(2) == 1;
            for (long i = 0; i < h; i++)
            {
                rows[b * h + i] = dy + i;
            }
            for (long j = 0; j < w; j++)
            {
                cols[b * w + j] = dx + (flip ? w - 1 - j : j);
            }
        }
        using var rowIndex = torch.tensor(rows).reshape(n, h, 1);
        using var colIndex = torch.tensor(cols).reshape(n, 1, w);
        var flatIndex = (rowIndex * paddedW + colIndex).reshape(n, h * w, 1).expand(n, h * w, c);
        var padded = nn.functional.pad(x, [0, 0, Shift, Shift, Shift, Shift]).reshape(n, paddedH * paddedW, c);
        return new DataBatch(padded.gather(1, flatIndex).reshape(n, h, w, c), batch.Y);
    }
}
