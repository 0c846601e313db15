using Keras.Backend;
using Keras.Data;
using Keras.Datasets;

namespace Keras;

/// <summary><c>keras.utils.timeseries_dataset_from_array</c>, added to <see cref="Utils"/>: sliding windows over a
/// time series.</summary>
/// <example><code>
/// // Predict step t + 10 from steps t .. t + 9.
/// var ds = Utils.TimeseriesDatasetFromArray(series[..^10], series[10..], sequenceLength: 10);
/// model.Fit(ds, epochs: 5);
/// </code></example>
public static class TimeseriesDatasetUtils
{
    extension(Utils)
    {
        /// <summary>A dataset of windows over <paramref name="data"/> (<c>timeseries_dataset_from_array</c>):
        /// window i holds steps <c>s, s + r, ..., s + (sequenceLength - 1)·r</c> with <c>s = startIndex + i·stride</c>
        /// and <c>r = samplingRate</c>, and its target is <c>targets[s]</c>.</summary>
        /// <param name="data">The series, time on axis 0 (<c>float[]</c>, <c>float[,]</c>, ...).</param>
        /// <param name="targets">The target of the window that starts at each step, or null (inputs only).</param>
        /// <param name="sequenceLength">The number of steps in a window.</param>
        /// <param name="sequenceStride">Steps between window starts. Defaults to 1.</param>
        /// <param name="samplingRate">Steps between the samples of a window. Defaults to 1.</param>
        /// <param name="batchSize">Windows per batch. Defaults to 128; null yields single windows.</param>
        /// <param name="shuffle">Shuffle the window starts (with NumPy's generator, as Keras) and the windows at each
        /// pass. Defaults to false (chronological).</param>
        /// <param name="seed">The shuffle seed. Defaults to null (a random one).</param>
        /// <param name="startIndex">Steps before it are not used. Defaults to null (0).</param>
        /// <param name="endIndex">Steps from it on are not used. Defaults to null (the series' length).</param>
        /// <returns>A dataset of windows <c>(batch, sequenceLength, features...)</c> in the data's dtype and, with
        /// targets, <c>(batch, target features...)</c>.</returns>
        /// <exception cref="ArgumentException">An index, stride or rate out of range, with Keras' message.</exception>
        public static Dataset TimeseriesDatasetFromArray(Array data, Array? targets, int sequenceLength,
            int sequenceStride = 1, int samplingRate = 1, int? batchSize = 128, bool shuffle = false,
            int? seed = null, int? startIndex = null, int? endIndex = null)
        {
            ArgumentNullException.ThrowIfNull(data);
            int length = data.GetLength(0);
            Validate(length, sequenceLength, sequenceStride, samplingRate, batchSize, startIndex, endIndex);
            int start = startIndex ?? 0, end = endIndex ?? length;
            int numSeqs = end - start - ((sequenceLength - 1) * samplingRate);
            if (targets is not null)
            {
                numSeqs = Math.Min(numSeqs, targets.GetLength(0));
            }
            var positions = numSeqs <= 0 ? [] : Enumerable.Range(0, ((numSeqs - 1) / sequenceStride) + 1)
                .Select(i => i * sequenceStride).ToArray();
            int usedSeed = seed ?? DirectoryIndex.DrawSeed();
            if (shuffle)
            {
                new NumpyRandomState(unchecked((uint)usedSeed)).Shuffle(positions);
            }
            var series = KerasBackend.Current.ToTensor(data, nameof(data));
            var targetSeries = targets is null ? null : KerasBackend.Current.ToTensor(targets, nameof(targets));
            var dataset = Dataset.FromFunction(positions.Length, i =>
            {
                using var scope = torch.NewDisposeScope();
                long first = start + positions[i];
                var steps = torch.arange(first, first + ((long)sequenceLength * samplingRate), samplingRate,
                    torch.int64, series.device);
                var window = series.index_select(0, steps).MoveToOuterDisposeScope();
                var target = targetSeries?[first].clone().MoveToOuterDisposeScope();
                return new DataBatch(window, target);
            });
            if (shuffle)
            {
                dataset = dataset.Shuffle(batchSize is int b ? b * 8 : 1024, usedSeed);
            }
            return batchSize is int size ? dataset.Batch(size) : dataset;
        }
    }

    private static void Validate(int length, int sequenceLength, int sequenceStride, int samplingRate, int? batchSize,
        int? startIndex, int? endIndex)
    {
        if (sequenceLength <= 0)
        {
            throw new ArgumentException(
                $"`sequence_length` must be higher than 0. Received: sequence_length={sequenceLength}",
                nameof(sequenceLength));
        }
        if (startIndex is int start and not 0)
        {
            if (start < 0)
            {
                throw new ArgumentException(
                    $"`start_index` must be 0 or greater. Received: start_index={start}", nameof(startIndex));
            }
            if (start >= length)
            {
                throw new ArgumentException(
                    "`start_index` must be lower than the length of the data. Received: " +
                    $"start_index={start}, for data of length {length}", nameof(startIndex));
            }
        }
        if (endIndex is int end and not 0)
        {
            if (startIndex is int s and not 0 && end <= s)
            {
                throw new ArgumentException(
                    $"`end_index` must be higher than `start_index`. Received: start_index={s}, and end_index={end} ",
                    nameof(endIndex));
            }
            if (end >= length)
            {
                throw new ArgumentException(
                    "`end_index` must be lower than the length of the data. Received: " +
                    $"end_index={end}, for data of length {length}", nameof(endIndex));
            }
            if (end <= 0)
            {
                throw new ArgumentException(
                    $"`end_index` must be higher than 0. Received: end_index={end}", nameof(endIndex));
            }
        }
        if (samplingRate <= 0)
        {
            throw new ArgumentException(
                $"`sampling_rate` must be higher than 0. Received: sampling_rate={samplingRate}",
                nameof(samplingRate));
        }
        if (samplingRate >= length)
        {
            throw new ArgumentException(
                "`sampling_rate` must be lower than the length of the data. Received: " +
                $"sampling_rate={samplingRate}, for data of length {length}", nameof(samplingRate));
        }
        if (sequenceStride <= 0)
        {
            throw new ArgumentException(
                $"`sequence_stride` must be higher than 0. Received: sequence_stride={sequenceStride}",
                nameof(sequenceStride));
        }
        if (sequenceStride >= length)
        {
            throw new ArgumentException(
                "`sequence_stride` must be lower than the length of the data. Received: " +
                $"sequence_stride={sequenceStride}, for data of length {length}", nameof(sequenceStride));
        }
        if (batchSize is <= 0)
        {
            throw new ArgumentException($"`batch_size` must be positive. Received: batch_size={batchSize}",
                nameof(batchSize));
        }
    }
}
