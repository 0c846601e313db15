using Keras.Callbacks;

namespace Keras.Training;

/// <summary>The running <c>Fit</c>'s resumable state (batch cursor, metric accumulators, History, torch generator),
/// captured into and restored from a <see cref="FitSnapshot"/>; Keras' <c>model._initial_epoch</c> generalised to a
/// mid-epoch position.</summary>
internal sealed class FitSession
{
    private readonly IEpochSource _source;
    private readonly CompiledState _compiled;
    private readonly History _history;
    private readonly Action _buildMetrics;

    /// <summary>Wraps the running <c>Fit</c>'s parts.</summary>
    /// <param name="source">The training batches (its position is part of the snapshot).</param>
    /// <param name="compiled">The compiled losses and metrics.</param>
    /// <param name="history">The run's History.</param>
    /// <param name="buildMetrics">Creates the variables of metrics that build on their first batch.</param>
    internal FitSession(IEpochSource source, CompiledState compiled, History history, Action buildMetrics)
    {
        _buildMetrics = buildMetrics;
        _source = source;
        _compiled = compiled;
        _history = history;
    }

    /// <summary>The state after <paramref name="step"/> batches of <paramref name="epoch"/>; with
    /// <paramref name="finishedEpochLogs"/> the epoch is complete and the snapshot points at the next one.</summary>
    /// <param name="epoch">The current epoch.</param>
    /// <param name="step">Batches done in it.</param>
    /// <param name="finishedEpochLogs">The finished epoch's logs (History records them only after the other
    /// callbacks' <c>OnEpochEnd</c>), or null mid-epoch.</param>
    internal FitSnapshot Capture(int epoch, int step, Logs? finishedEpochLogs)
    {
        var epochs = _history.Epoch.ToList();
        var values = _history.ToDictionary(kv => kv.Key, kv => kv.Value.ToList(), StringComparer.Ordinal);
        if (finishedEpochLogs is not null)
        {
            epochs.Add(epoch);
            foreach (var (key, value) in finishedEpochLogs)
            {
                if (!values.TryGetValue(key, out var list))
                {
                    list = [];
                    values[key] = list;
                }
                list.Add(value);
            }
        }
        bool midEpoch = finishedEpochLogs is null;
        long[]? permutation = null;
        int? position = null;
        if (_source.GetResumeState() is var (order, next))
        {
            (permutation, position) = (order, next);
        }
        else if (midEpoch)
        {
            throw new NotSupportedException("BackupAndRestore with an integer saveFreq backs up in the middle of an " +
                "epoch, which only array inputs can resume from; with a Sequence or Dataset use saveFreq: \"epoch\".");
        }
        using var rng = torch.random.get_rng_state();
        return new FitSnapshot(
            midEpoch ? epoch : epoch + 1,
            midEpoch ? step : 0,
            rng.bytes.ToArray(),
            permutation,
            position,
            midEpoch ? _compiled.AllMetrics.Select(m => m.Variables.Select(v => RawBytes(v.Value)).ToList()).ToList() : null,
            epochs,
            values.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<double>)kv.Value, StringComparer.Ordinal));
    }

    /// <summary>Puts the run back where <paramref name="snapshot"/> was taken.</summary>
    /// <param name="snapshot">The state to restore; its <see cref="FitSnapshot.Source"/> is named in errors.</param>
    /// <exception cref="InvalidDataException">The snapshot does not fit this run (metric count, step count, data
    /// size).</exception>
    internal void Restore(FitSnapshot snapshot)
    {
        string source = snapshot.Source;
        if (snapshot.Step > _source.Steps)
        {
            throw new InvalidDataException($"The training state in \"{source}\" stopped after batch {snapshot.Step} " +
                $"of epoch {snapshot.Epoch}, but this run has {_source.Steps} batches per epoch. Resume with the same " +
                "data, batch size and steps_per_epoch, or delete the backup.");
        }
        if (snapshot.CursorPosition is int position)
        {
            _source.SetResumeState(snapshot.Permutation, position, source);
        }
        if (snapshot.Step > 0)
        {
            _buildMetrics();
            RestoreMetrics(snapshot.MetricStates ?? [], source);
        }
        if (snapshot.RngState is { } state)
        {
            using var rng = torch.tensor(state, torch.ScalarType.Byte);
            torch.random.set_rng_state(rng);
        }
        _history.Restore(snapshot.HistoryEpochs, snapshot.HistoryValues);
    }

    private void RestoreMetrics(IReadOnlyList<IReadOnlyList<byte[]>> states, string source)
    {
        var metrics = _compiled.AllMetrics;
        if (states.Count != metrics.Count)
        {
            throw new InvalidDataException($"The training state in \"{source}\" holds {states.Count} metrics but the " +
                $"model is compiled with {metrics.Count} ({string.Join(", ", metrics.Select(m => m.Name))}).");
        }
        for (int i = 0; i < metrics.Count; i++)
        {
            var variables = metrics[i].Variables;
            if (states[i].Count != variables.Count)
            {
                throw new InvalidDataException($"The training state in \"{source}\" holds {states[i].Count} " +
                    $"variables for metric \"{metrics[i].Name}\", which has {variables.Count}.");
            }
            for (int j = 0; j < variables.Count; j++)
            {
                var value = variables[j].Value;
                long expected = value.NumberOfElements * value.ElementSize;
                if (states[i][j].Length != expected)
                {
                    throw new InvalidDataException($"The training state in \"{source}\" holds {states[i][j].Length} " +
                        $"bytes for variable {j} of metric \"{metrics[i].Name}\"; expected {expected}.");
                }
                using var restored = torch.empty(value.shape, value.dtype);
                restored.bytes = states[i][j];
                variables[j].Assign(restored);
            }
        }
    }

    private static byte[] RawBytes(Tensor value)
    {
        using var cpu = value.detach().cpu().contiguous();
        return cpu.bytes.ToArray();
    }
}
