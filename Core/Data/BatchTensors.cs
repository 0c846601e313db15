namespace Keras.Data;

/// <summary>Ownership helpers for the tensors of a <see cref="DataBatch"/>, and stacking of elements into a batch.</summary>
internal static class BatchTensors
{
    /// <summary>Every tensor of the batch: inputs, targets, then the sample weights.</summary>
    internal static IEnumerable<Tensor> All(DataBatch batch)
    {
        foreach (var x in batch.Inputs)
        {
            yield return x;
        }
        foreach (var y in batch.Targets ?? [])
        {
            yield return y;
        }
        if (batch.SampleWeight is not null)
        {
            yield return batch.SampleWeight;
        }
    }

    /// <summary>Takes the batch's tensors out of every dispose scope: the caller now disposes them.</summary>
    internal static DataBatch Detach(DataBatch batch)
    {
        foreach (var t in All(batch))
        {
            t.DetachFromDisposeScope();
        }
        return batch;
    }

    /// <summary>Disposes the batch's tensors (disposing a tensor twice is harmless).</summary>
    internal static void Dispose(DataBatch batch)
    {
        foreach (var t in All(batch))
        {
            t.Dispose();
        }
    }

    /// <summary>Stacks elements (one sample each) along a new first axis: <c>tf.data</c>'s <c>batch</c>.</summary>
    /// <exception cref="ArgumentException">The elements do not share one structure.</exception>
    internal static DataBatch Stack(IReadOnlyList<DataBatch> elements)
    {
        var first = elements[0];
        for (int i = 1; i < elements.Count; i++)
        {
            var e = elements[i];
            if (e.Inputs.Count != first.Inputs.Count || (e.Targets?.Count ?? -1) != (first.Targets?.Count ?? -1) ||
                (e.SampleWeight is null) != (first.SampleWeight is null))
            {
                throw new ArgumentException(
                    $"Cannot batch elements of different structures: element 0 has {Describe(first)}, " +
                    $"element {i} has {Describe(e)}.");
            }
        }
        var inputs = Enumerable.Range(0, first.Inputs.Count)
            .Select(j => torch.stack(elements.Select(e => e.Inputs[j]), 0)).ToList();
        var targets = first.Targets is null ? null : Enumerable.Range(0, first.Targets.Count)
            .Select(j => torch.stack(elements.Select(e => e.Targets![j]), 0)).ToList();
        var weights = first.SampleWeight is null ? null : torch.stack(elements.Select(e => e.SampleWeight!), 0);
        return new DataBatch(inputs, targets, weights);
    }

    private static string Describe(DataBatch b) =>
        $"{b.Inputs.Count} input(s), {b.Targets?.Count ?? 0} target(s) and " +
        (b.SampleWeight is null ? "no sample weights" : "sample weights");
}
