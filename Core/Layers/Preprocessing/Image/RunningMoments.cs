namespace Keras.Layers;

/// <summary>Combines per-batch means and (biased) variances into those of all the data, as Keras' Normalization
/// <c>adapt</c> does over a dataset (the lack-of-fit sum of squares formula).</summary>
internal sealed class RunningMoments
{
    private long _count;

    /// <summary>The mean so far; null before the first batch.</summary>
    public Tensor? Mean { get; private set; }

    /// <summary>The variance so far; null before the first batch.</summary>
    public Tensor? Variance { get; private set; }

    /// <summary>Adds one batch's statistics over <paramref name="count"/> reduced values.</summary>
    public void Add(Tensor batchMean, Tensor batchVariance, long count)
    {
        _count += count;
        if (Mean is null)
        {
            (Mean, Variance) = (batchMean, batchVariance);
            return;
        }
        double batchWeight = (double)count / _count;
        double existingWeight = 1.0 - batchWeight;
        var mean = Mean * existingWeight + batchMean * batchWeight;
        Variance = (Variance! + (Mean - mean).square()) * existingWeight
                   + (batchVariance + (batchMean - mean).square()) * batchWeight;
        Mean = mean;
    }
}
